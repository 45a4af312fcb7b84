package shop.winback.ticket.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The fixed buckets of the time percentiles: exact while short, within 2.2 % after, percentiles by nearest rank. */
class DurationBucketsTests {

    @Test
    void secondsBelow128HaveABucketEach() {
        for (long s = 0; s < DurationBuckets.EXACT; s++) {
            assertThat(DurationBuckets.lowerBound(DurationBuckets.bucketOf(s))).isEqualTo(s);
        }
        assertThat(DurationBuckets.bucketOf(-5)).isZero();
    }

    @Test
    void longerDurationsFallInABucketAtMost2Point2PercentBelowThem() {
        for (long s = DurationBuckets.EXACT; s < 400L * 24 * 3600; s = s * 101 / 100 + 1) {
            int bucket = DurationBuckets.bucketOf(s);
            long lower = DurationBuckets.lowerBound(bucket);
            assertThat(lower).isLessThanOrEqualTo(s);
            assertThat(DurationBuckets.lowerBound(bucket + 1)).isGreaterThan(s);
            assertThat((double) (s - lower) / s).isLessThan(0.022);
        }
        assertThat(DurationBuckets.bucketOf(400L * 24 * 3600))
                .isLessThan(1000); // a year and more in under a thousand buckets
    }

    @Test
    void percentilesAreByNearestRank() {
        SortedMap<Integer, Long> counts = new TreeMap<>();
        for (long s = 1; s <= 10; s++) {
            counts.merge(DurationBuckets.bucketOf(s), 1L, Long::sum);
        }
        assertThat(DurationBuckets.percentile(counts, 0.5)).isEqualTo(5);
        assertThat(DurationBuckets.percentile(counts, 0.9)).isEqualTo(9);
        assertThat(DurationBuckets.percentile(new TreeMap<>(), 0.5)).isNull();
        assertThat(DurationBuckets.percentile(new TreeMap<>(java.util.Map.of(DurationBuckets.bucketOf(42), 1L)), 0.9))
                .isEqualTo(42);
    }
}
