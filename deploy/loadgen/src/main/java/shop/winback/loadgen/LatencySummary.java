package shop.winback.loadgen;

import java.util.Arrays;
import java.util.Locale;

/**
 * Exact percentiles over every recorded sample (no histogram buckets): a run has at most a few hundred thousand
 * samples, so sorting a copy is cheap and leaves no doubt about rounding.
 *
 * @param count number of samples
 * @param p50Nanos median (nearest rank)
 * @param p99Nanos 99th percentile (nearest rank)
 * @param maxNanos largest sample
 */
public record LatencySummary(int count, long p50Nanos, long p99Nanos, long maxNanos) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0);

    public static LatencySummary of(long[] samplesNanos) {
        if (samplesNanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = samplesNanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(
                sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 99), sorted[sorted.length - 1]);
    }

    /**
     * Nearest-rank percentile: the smallest sample such that at least {@code percent}% of samples are less or equal.
     * Chosen over interpolation because it always reports a latency that actually happened.
     */
    static long nearestRank(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int rank = (int) Math.ceil(percent / 100d * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public String p50Ms() {
        return ms(p50Nanos);
    }

    public String p99Ms() {
        return ms(p99Nanos);
    }

    public String maxMs() {
        return ms(maxNanos);
    }

    private String ms(long nanos) {
        return isEmpty() ? "n/a" : formatMs(nanos);
    }

    /** Milliseconds with one decimal, dot as separator whatever the locale. */
    public static String formatMs(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
