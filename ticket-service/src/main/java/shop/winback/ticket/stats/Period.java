package shop.winback.ticket.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import shop.winback.platform.problem.InvalidRequestProblem;

/**
 * The local days a report covers, both ends included, in the shop's time zone: {@link #since()}
 * is the first day's local midnight, {@link #until()} the midnight after the last day.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    /** The longest period one report covers, in days. */
    public static final int MAX_DAYS = 366;
    /** Days covered when neither end is given: the last week, today included. */
    public static final int DEFAULT_DAYS = 7;

    /**
     * From the query parameters: both given, or neither (the last {@value #DEFAULT_DAYS} days up to
     * today in the shop's zone). Anything else is a 400 naming the parameter.
     */
    public static Period of(LocalDate from, LocalDate to, ZoneId zone, Clock clock) {
        if (from == null && to == null) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            return new Period(today.minusDays(DEFAULT_DAYS - 1), today, zone);
        }
        if (from == null) {
            throw new InvalidRequestProblem("from", "is required when to is given");
        }
        if (to == null) {
            throw new InvalidRequestProblem("to", "is required when from is given");
        }
        if (from.isAfter(to)) {
            throw new InvalidRequestProblem("from", "must not be after to (" + to + ")");
        }
        if (new Period(from, to, zone).days() > MAX_DAYS) {
            throw new InvalidRequestProblem("to", "must be at most " + MAX_DAYS + " days from from, both included");
        }
        return new Period(from, to, zone);
    }

    /** The local days of the period, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public Instant since() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant until() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
