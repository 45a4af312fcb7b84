package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchLinesTests {

    private static final long MS = 1_000_000L;

    @Test
    void reviewToAssignedLineHasTheContractShape() {
        LatencySummary latency = new LatencySummary(6000, 41_240_000L, 183_460_000L, 412_060_000L);
        LatencySummary floor = new LatencySummary(1500, 6 * MS, 20 * MS, 31 * MS);
        String line = BenchLines.reviewToAssigned(
                new BenchLines.ReviewToAssigned(1000, 0.10, 60_000, 6_000, latency, floor, 0, 0));
        assertEquals(
                "BENCH review_to_assigned rate=1000/s negative=10% sent=60000 tickets=6000 p50_ms=41.2 "
                        + "p99_ms=183.5 max_ms=412.1 floor_p99_ms=20.0 ratio_p99=9.17 lost=0 duplicated=0",
                line);
    }

    @Test
    void jitLineGivesEachJvmsCompilerShareAndTheirSumPerReview() {
        String line = BenchLines.jit(new BenchLines.Jit(
                java.util.Map.of("review", 10_700.0, "ticket", 12_100.0, "kafka", 1_100.0),
                java.util.Map.of("review", 29_300.0, "ticket", 23_900.0, "kafka", 5_700.0),
                61.7,
                184_800));
        assertEquals(
                "BENCH jit review_jit_share=0.37 ticket_jit_share=0.51 compensation_jit_share=n/a "
                        + "logistics_jit_share=n/a kafka_jit_share=0.19 loadgen_jit_share=n/a "
                        + "jit_cpu_ms_per_review=0.129 window_s=61.7",
                line);
    }

    @Test
    void ingestLine() {
        LatencySummary http = new LatencySummary(60_000, 3 * MS, 27_840_000L, 90 * MS);
        assertEquals(
                "BENCH ingest reviews_per_s=999.8 p99_ms=27.8 errors=0 shed=0",
                BenchLines.ingest(new BenchLines.Ingest(999.84, http, 0, 0)));
        assertEquals(
                "BENCH ingest reviews_per_s=812.5 p99_ms=27.8 errors=3 shed=1450",
                BenchLines.ingest(new BenchLines.Ingest(812.5, http, 3, 1450)));
    }

    /** Reporting jobs read these lines by field: the old fields keep their order, shed comes last. */
    @Test
    void shedIsAppendedAfterEveryExistingField() {
        LatencySummary http = new LatencySummary(10, MS, 2 * MS, 3 * MS);
        String single = BenchLines.ingest(new BenchLines.Ingest(10, http, 4, 5));
        assertEquals(java.util.List.of("reviews_per_s", "p99_ms", "errors", "shed"), fieldNames(single, "ingest"));
        String batch = BenchLines.ingestBatch(new BenchLines.IngestBatch(5, 10, http, 4, 5));
        assertEquals(
                java.util.List.of("batch", "reviews_per_s", "p50_ms", "p99_ms", "errors", "shed"),
                fieldNames(batch, "ingest_batch"));
        assertTrue(single.endsWith(" errors=4 shed=5"), single);
        assertTrue(batch.endsWith(" errors=4 shed=5"), batch);
    }

    private static java.util.List<String> fieldNames(String line, String kind) {
        String[] words = line.split(" ");
        assertEquals("BENCH", words[0]);
        assertEquals(kind, words[1]);
        return java.util.Arrays.stream(words)
                .skip(2)
                .map(w -> w.substring(0, w.indexOf('=')))
                .toList();
    }

    @Test
    void ingestBatchLine() {
        LatencySummary http = new LatencySummary(300, 41_250_000L, 187_960_000L, 240 * MS);
        assertEquals(
                "BENCH ingest_batch batch=500 reviews_per_s=4987.3 p50_ms=41.3 p99_ms=188.0 errors=12 shed=1500",
                BenchLines.ingestBatch(new BenchLines.IngestBatch(500, 4987.26, http, 12, 1500)));
        assertEquals(
                "BENCH ingest_batch batch=10 reviews_per_s=0.0 p50_ms=n/a p99_ms=n/a errors=100 shed=0",
                BenchLines.ingestBatch(new BenchLines.IngestBatch(10, 0, LatencySummary.EMPTY, 100, 0)),
                "no request answered at all");
    }

    @Test
    void missingFloorOrSamplesSayNotAvailable() {
        LatencySummary some = new LatencySummary(1, MS, MS, MS);
        assertEquals("n/a", BenchLines.ratio(some, LatencySummary.EMPTY));
        assertEquals("n/a", BenchLines.ratio(LatencySummary.EMPTY, some));
        String line = BenchLines.reviewToAssigned(
                new BenchLines.ReviewToAssigned(1000, 0.10, 10, 0, LatencySummary.EMPTY, LatencySummary.EMPTY, 1, 0));
        assertEquals(
                "BENCH review_to_assigned rate=1000/s negative=10% sent=10 tickets=0 p50_ms=n/a p99_ms=n/a "
                        + "max_ms=n/a floor_p99_ms=n/a ratio_p99=n/a lost=1 duplicated=0",
                line);
    }

    @Test
    void numbersAndPercents() {
        assertEquals("1000", BenchLines.number(1000));
        assertEquals("12.5", BenchLines.number(12.5));
        assertEquals("10%", BenchLines.percent(0.10));
        assertEquals("12.5%", BenchLines.percent(0.125));
        assertEquals("0%", BenchLines.percent(0));
        assertEquals("100%", BenchLines.percent(1));
    }
}
