package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTests {

    private static final long MS = 1_000_000L;

    @Test
    void nearestRankOnOneToHundred() {
        long[] samples = LongStream.rangeClosed(1, 100).map(v -> v * MS).toArray();
        LatencySummary s = LatencySummary.of(samples);
        assertEquals(100, s.count());
        assertEquals(50 * MS, s.p50Nanos());
        assertEquals(99 * MS, s.p99Nanos());
        assertEquals(100 * MS, s.maxNanos());
    }

    @Test
    void orderOfSamplesDoesNotMatterAndInputIsNotSorted() {
        long[] samples = {9 * MS, 1 * MS, 5 * MS, 3 * MS, 7 * MS};
        LatencySummary s = LatencySummary.of(samples);
        assertEquals(5 * MS, s.p50Nanos());
        assertEquals(9 * MS, s.p99Nanos()); // ceil(0.99*5)=5th smallest
        assertEquals(9 * MS, s.maxNanos());
        assertEquals(9 * MS, samples[0], "caller's array must stay as it was");
    }

    @Test
    void p99OfThousandSamplesIgnoresOnlyTheTenWorst() {
        long[] samples = new long[1000];
        for (int i = 0; i < 1000; i++) {
            samples[i] = i < 990 ? 10 * MS : 500 * MS; // 1% outliers
        }
        assertEquals(10 * MS, LatencySummary.of(samples).p99Nanos());
        samples[989] = 500 * MS; // 1.1% outliers: now p99 must see one
        assertEquals(500 * MS, LatencySummary.of(samples).p99Nanos());
    }

    @Test
    void singleSample() {
        LatencySummary s = LatencySummary.of(new long[] {42 * MS});
        assertEquals(42 * MS, s.p50Nanos());
        assertEquals(42 * MS, s.p99Nanos());
    }

    @Test
    void emptyReportsNotAvailable() {
        LatencySummary s = LatencySummary.of(new long[0]);
        assertTrue(s.isEmpty());
        assertEquals("n/a", s.p99Ms());
    }

    @Test
    void millisecondsHaveOneDecimalAndADot() {
        assertEquals("12.3", LatencySummary.formatMs(12_345_678L));
        assertEquals("0.0", LatencySummary.formatMs(0));
        assertEquals("1000.0", LatencySummary.formatMs(1_000 * MS));
    }
}
