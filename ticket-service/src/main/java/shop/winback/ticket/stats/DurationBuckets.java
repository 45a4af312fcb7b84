package shop.winback.ticket.stats;

import java.util.Map;
import java.util.SortedMap;

/**
 * Fixed buckets for the review-to-assignment, -first-contact and -resolution times. Why a histogram
 * rather than one row per ticket: a day's data stays a few hundred rows whatever the volume (a busy
 * shop's 10,000 parcels a day included), so a month's report reads the same few rows per day and the
 * buckets of many days simply add up. Exact below {@value #EXACT} seconds (assignment takes seconds),
 * then 32 buckets per doubling: a percentile is the lower bound of its bucket, at most 2.2 % under the
 * true value (one year fits in about 700 buckets).
 */
public final class DurationBuckets {

    /** Durations below this many seconds have a bucket each. */
    public static final int EXACT = 128;

    private static final int PER_DOUBLING = 32;

    private DurationBuckets() {}

    public static int bucketOf(long seconds) {
        if (seconds < EXACT) {
            return (int) Math.max(0, seconds);
        }
        int bucket = EXACT + (int) Math.floor(PER_DOUBLING * log2((double) seconds / EXACT));
        // guard the floating point at the bucket edges: the bucket's lower bound never exceeds the value
        while (bucket > EXACT && lowerBound(bucket) > seconds) {
            bucket--;
        }
        while (lowerBound(bucket + 1) <= seconds) {
            bucket++;
        }
        return bucket;
    }

    /** The smallest duration in seconds that falls in the bucket. */
    public static long lowerBound(int bucket) {
        if (bucket < EXACT) {
            return bucket;
        }
        return (long) Math.ceil(EXACT * Math.pow(2, (double) (bucket - EXACT) / PER_DOUBLING));
    }

    /**
     * The nearest-rank percentile (the smallest value with at least {@code p} of the durations at or
     * below it), as its bucket's lower bound; null when there are none.
     */
    public static Long percentile(SortedMap<Integer, Long> counts, double p) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return lowerBound(e.getKey());
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
