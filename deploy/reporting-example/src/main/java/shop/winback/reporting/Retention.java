package shop.winback.reporting;

import java.time.Duration;

/**
 * How long the job remembers, in stream time.
 *
 * @param eventIds the ids of events counted, against redelivery (a producer's retry comes within minutes)
 * @param orders   an order's reviews and tickets, to break down its later events and to take back an unrecovered
 *                 ticket the buyer revises later
 */
public record Retention(Duration eventIds, Duration orders) {

    public static Retention defaults() {
        return new Retention(Duration.ofDays(1), Duration.ofDays(90));
    }
}
