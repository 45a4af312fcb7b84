package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendScheduleTests {

    private static final long S = 1_000_000_000L;

    @Test
    void constantIsTheMeasuredPhasesScheduleToTheNanosecond() {
        for (double rate : new double[] {1000, 400, 0.5, 333.3, 5000, 17}) {
            SendSchedule s = SendSchedule.constant(rate);
            assertFalse(s.ramps());
            for (int i : new int[] {0, 1, 2, 7, 199, 999, 12_345, 59_999, 1_000_000}) {
                assertEquals(
                        Math.round(i * (1e9 / rate)), s.offsetNanos(i), rate + "/s, review " + i); // i/rate, as always
            }
            for (Duration d : new Duration[] {
                Duration.ZERO,
                Duration.ofMillis(1),
                Duration.ofSeconds(30),
                Duration.ofMillis(61_234),
                Duration.ofMinutes(2)
            }) {
                assertEquals((long) Math.floor(rate * d.toNanos() / 1e9), s.reviewsIn(d), rate + "/s over " + d);
            }
        }
    }

    /** The defaults: 1000/s, 30 s of warm-up, ramping from 100/s over 15 s. */
    private final SendSchedule warmup = SendSchedule.ramp(100, 1000, Duration.ofSeconds(15));

    @Test
    void rampCountIsTheAreaUnderTheRate() {
        assertTrue(warmup.ramps());
        assertEquals(8250, warmup.reviewsIn(Duration.ofSeconds(15)), "(100 + 1000) / 2 × 15 s");
        assertEquals(23_250, warmup.reviewsIn(Duration.ofSeconds(30)), "8250 + 1000 × 15 s");
        // inside the ramp: N(t) = 100·t + 900·t²/30
        assertEquals(100 + 30, warmup.reviewsIn(Duration.ofSeconds(1)));
        assertEquals(1000 + 3000, warmup.reviewsIn(Duration.ofSeconds(10)));
        assertEquals(0, warmup.reviewsIn(Duration.ZERO));
        // smoke-sized: 20/s for 2 s, ramping from 2/s over the first second: 11 + 20
        assertEquals(31, SendSchedule.ramp(2, 20, Duration.ofSeconds(1)).reviewsIn(Duration.ofSeconds(2)));
    }

    @Test
    void reviewsAreDueWhereTheCumulativeCountReachesThem() {
        assertEquals(0, warmup.offsetNanos(0));
        // N(t) = i inverted: i = 130 at t = 1 s, i = 4000 at t = 10 s, the ramp's end at 15 s
        assertEquals(1 * S, warmup.offsetNanos(130), 1);
        assertEquals(10 * S, warmup.offsetNanos(4000), 1);
        assertEquals(15 * S, warmup.offsetNanos(8250));
        // after the ramp: the full rate, 1 ms apart
        assertEquals(15 * S + 1_000_000L, warmup.offsetNanos(8251));
        assertEquals(30 * S, warmup.offsetNanos(23_250));
        assertEquals(
                30 * S - 1_000_000L, warmup.offsetNanos(23_249), "the last warm-up review is due 1 ms before its end");
    }

    @Test
    void theRateRisesLinearlyFromStartToFull() {
        // the gap between neighbours is about 1/rate(t)
        assertEquals(10_000_000L, warmup.offsetNanos(1) - warmup.offsetNanos(0), 50_000, "first gap at 100/s: 10 ms");
        long mid = warmup.offsetNanos(4000) - warmup.offsetNanos(3999); // at t ≈ 10 s the rate is 100 + 60·10 = 700/s
        assertEquals(1e9 / 700, mid, 2_000);
        long last = warmup.offsetNanos(8250) - warmup.offsetNanos(8249);
        assertEquals(1_000_000L, last, 2_000, "at the ramp's end: 1000/s");
        long previous = -1;
        long previousGap = Long.MAX_VALUE;
        for (int i = 0; i <= 23_250; i++) {
            long t = warmup.offsetNanos(i);
            assertTrue(t > previous, "strictly increasing at " + i);
            if (previous >= 0) {
                long gap = t - previous;
                assertTrue(gap - 1 <= previousGap, "gaps never grow (the rate never drops) at " + i);
                previousGap = gap;
            }
            previous = t;
        }
    }

    @Test
    void thePhasesReviewsAreThoseDueBeforeItsEnd() {
        for (SendSchedule s : new SendSchedule[] {
            warmup,
            SendSchedule.ramp(0.5, 5, Duration.ofMillis(2500)),
            SendSchedule.ramp(500, 5000, Duration.ofSeconds(10)),
            SendSchedule.constant(250)
        }) {
            for (Duration d : new Duration[] {
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30)
            }) {
                int n = (int) s.reviewsIn(d);
                assertTrue(n > 0, s + " " + d);
                assertTrue(
                        s.offsetNanos(n - 1) < d.toNanos(), "the last one sent is due before the end: " + s + " " + d);
                assertTrue(
                        s.offsetNanos(n) <= d.toNanos() + 1,
                        "floor: at most one due in time is left out: " + s + " " + d);
                assertTrue(s.offsetNanos(n + 1) >= d.toNanos(), "none left out beyond that: " + s + " " + d);
            }
        }
    }

    @Test
    void aRampBetweenEqualRatesIsTheConstantRate() {
        SendSchedule flat = SendSchedule.ramp(200, 200, Duration.ofSeconds(3));
        assertFalse(flat.ramps());
        for (int i = 0; i < 2000; i += 37) {
            assertEquals(SendSchedule.constant(200).offsetNanos(i), flat.offsetNanos(i), 1, "review " + i);
        }
        assertEquals(1200, flat.reviewsIn(Duration.ofSeconds(6)));
    }

    @Test
    void rejectsRatesThatAreNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> SendSchedule.constant(0));
        assertThrows(IllegalArgumentException.class, () -> SendSchedule.ramp(0, 10, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> SendSchedule.ramp(1, Double.NaN, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> SendSchedule.ramp(1, 10, Duration.ofSeconds(-1)));
    }
}
