package shop.winback.loadgen;

import java.util.Locale;

/** The machine-readable BENCH lines (the DESIGN contract). Pure formatting, so it is unit tested. */
public final class BenchLines {

    private BenchLines() {
    }

    /** Outcome of the review → assigned scenario. */
    public record ReviewToAssigned(double rate, double negativeShare, long sent, long tickets, LatencySummary latency,
                                   LatencySummary floor, long lost, long duplicated) {
    }

    /** Outcome of the ingest (POST /api/v1/reviews) side of the same run. */
    public record Ingest(double reviewsPerSecond, LatencySummary http, long errors) {
    }

    /** Outcome of the batch-ingest (POST /api/v1/reviews:batch, --batch) side of a run; latency per HTTP request. */
    public record IngestBatch(int batchSize, double reviewsPerSecond, LatencySummary http, long errors) {
    }

    public static String reviewToAssigned(ReviewToAssigned r) {
        return "BENCH review_to_assigned rate=" + number(r.rate()) + "/s negative=" + percent(r.negativeShare())
                + " sent=" + r.sent() + " tickets=" + r.tickets()
                + " p50_ms=" + r.latency().p50Ms() + " p99_ms=" + r.latency().p99Ms() + " max_ms=" + r.latency().maxMs()
                + " floor_p99_ms=" + r.floor().p99Ms() + " ratio_p99=" + ratio(r.latency(), r.floor())
                + " lost=" + r.lost() + " duplicated=" + r.duplicated();
    }

    public static String ingest(Ingest i) {
        return "BENCH ingest reviews_per_s=" + String.format(Locale.ROOT, "%.1f", i.reviewsPerSecond())
                + " p99_ms=" + i.http().p99Ms() + " errors=" + i.errors();
    }

    public static String ingestBatch(IngestBatch b) {
        return "BENCH ingest_batch batch=" + b.batchSize()
                + " reviews_per_s=" + String.format(Locale.ROOT, "%.1f", b.reviewsPerSecond())
                + " p50_ms=" + b.http().p50Ms() + " p99_ms=" + b.http().p99Ms() + " errors=" + b.errors();
    }

    /** p99 / floor p99 with two decimals; n/a when either side has no samples. */
    static String ratio(LatencySummary latency, LatencySummary floor) {
        if (latency.isEmpty() || floor.isEmpty() || floor.p99Nanos() <= 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f", (double) latency.p99Nanos() / floor.p99Nanos());
    }

    /** 1000 → "1000", 12.5 → "12.5". */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return stripZeros(String.format(Locale.ROOT, "%.3f", value));
    }

    /** 0.1 → "10%", 0.125 → "12.5%". */
    static String percent(double share) {
        return stripZeros(String.format(Locale.ROOT, "%.2f", share * 100)) + "%";
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
