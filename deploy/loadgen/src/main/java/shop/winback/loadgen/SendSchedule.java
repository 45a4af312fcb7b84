package shop.winback.loadgen;

import java.time.Duration;

/**
 * When each review of a phase is due, counted from the phase's start: the rate starts at {@code startRate}, rises
 * linearly to {@code rate} over {@code rampNanos} and stays there. Reviews are due where the cumulative count
 * reaches their index:
 * <pre>
 *   N(t) = r0·t + (r1 − r0)·t² / (2·T)      for t ≤ T (the ramp)
 *   N(t) = (r0 + r1)·T / 2 + r1·(t − T)     after it
 * </pre>
 * so review i is due at the t with N(t) = i. Without a ramp ({@link #constant}) review i is due at i/rate, exactly
 * as the measured phase has always sent. Pure, so it is unit tested.
 *
 * @param startRate reviews per second at the start of the ramp (r0)
 * @param rate      reviews per second at its end and after it (r1)
 * @param rampNanos length of the ramp (T), 0 for none
 */
public record SendSchedule(double startRate, double rate, long rampNanos) {

    public SendSchedule {
        if (!(startRate > 0)
                || !(rate > 0)
                || Double.isInfinite(startRate)
                || Double.isInfinite(rate)
                || rampNanos < 0) {
            throw new IllegalArgumentException("rates must be positive and the ramp not negative: " + startRate + ", "
                    + rate + ", " + rampNanos + " ns");
        }
    }

    /** The full rate from the first review on. */
    public static SendSchedule constant(double rate) {
        return new SendSchedule(rate, rate, 0);
    }

    /** From {@code from}/s rising linearly to {@code to}/s over {@code over}, then {@code to}/s. */
    public static SendSchedule ramp(double from, double to, Duration over) {
        return new SendSchedule(from, to, over.toNanos());
    }

    /** True when the rate changes at all (a ramp of some length between two different rates). */
    public boolean ramps() {
        return rampNanos > 0 && startRate != rate;
    }

    /** Reviews due during the ramp: N(T) = (r0 + r1)·T / 2. */
    double rampReviews() {
        return (startRate + rate) / 2 * rampNanos / 1e9;
    }

    /** Intended send time of review {@code index}, in ns after the phase's start (the inverse of N(t)). */
    public long offsetNanos(int index) {
        if (rampNanos == 0) {
            return Math.round(index * (1e9 / rate));
        }
        double inRamp = rampReviews();
        if (index <= inRamp) {
            // root of (r1 − r0)/(2T)·t² + r0·t − i = 0, written without the difference of two close numbers
            // (and valid for r1 = r0 too): t = 2i / (r0 + √(r0² + 2·(r1 − r0)/T·i))
            double slope = (rate - startRate) / (rampNanos / 1e9);
            double t = 2 * index / (startRate + Math.sqrt(startRate * startRate + 2 * slope * index));
            return Math.min(rampNanos, Math.round(t * 1e9));
        }
        return rampNanos + Math.round((index - inRamp) * (1e9 / rate));
    }

    /**
     * Reviews a phase of the given length sends: the whole number of reviews due before its end, floor(N(length)).
     * Without a ramp that is {@link Options#requestsIn}, to the review.
     */
    public long reviewsIn(Duration phase) {
        long t = phase.toNanos();
        if (rampNanos == 0) {
            return (long) Math.floor(rate * t / 1e9);
        }
        if (t <= rampNanos) {
            double s = t / 1e9;
            return (long) Math.floor(startRate * s + (rate - startRate) * s * s / (2 * (rampNanos / 1e9)));
        }
        return (long) Math.floor(rampReviews() + rate * (t - rampNanos) / 1e9);
    }
}
