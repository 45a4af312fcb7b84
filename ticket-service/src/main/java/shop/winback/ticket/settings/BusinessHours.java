package shop.winback.ticket.settings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A shop's business hours: its shifts, in its time zone. SLA timers run only inside them, so a
 * deadline is the start plus so much business time, and "time left" counts business time only.
 */
public final class BusinessHours {

    /** Far enough for any SLA; a calendar with no open time at all would otherwise never end. */
    private static final int MAX_DAYS = 800;

    private final ZoneId zone;
    private final List<ShiftHours> shifts;

    public BusinessHours(ZoneId zone, List<ShiftHours> shifts) {
        if (shifts.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one shift");
        }
        this.zone = zone;
        this.shifts =
                shifts.stream().sorted((a, b) -> a.start().compareTo(b.start())).toList();
    }

    public boolean isOpen(Instant t) {
        var local = t.atZone(zone).toLocalTime();
        return shifts.stream().anyMatch(s -> s.contains(local));
    }

    /** The instant when {@code amount} of business time has passed since {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        Duration left = amount;
        Instant cursor = from;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (ShiftHours shift : shifts) {
                Instant open = open(day, shift);
                Instant close = close(day, shift);
                Instant a = open.isAfter(cursor) ? open : cursor;
                if (!a.isBefore(close)) {
                    continue;
                }
                Duration here = Duration.between(a, close);
                if (here.compareTo(left) >= 0) {
                    return a.plus(left);
                }
                left = left.minus(here);
                cursor = close;
            }
        }
        throw new IllegalStateException("no business hours within " + MAX_DAYS + " days");
    }

    /** Business time from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        Instant cursor = from;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (ShiftHours shift : shifts) {
                Instant open = open(day, shift);
                if (!open.isBefore(to)) {
                    return total;
                }
                Instant close = close(day, shift);
                Instant a = open.isAfter(cursor) ? open : cursor;
                Instant b = close.isBefore(to) ? close : to;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                    cursor = b;
                }
            }
        }
        return total;
    }

    private Instant open(LocalDate day, ShiftHours shift) {
        return day.atTime(shift.start()).atZone(zone).toInstant();
    }

    /** An end at or before the start is on the next day; an end equal to the start makes 24 hours. */
    private Instant close(LocalDate day, ShiftHours shift) {
        LocalDate endDay = shift.start().isBefore(shift.end()) ? day : day.plusDays(1);
        return endDay.atTime(shift.end()).atZone(zone).toInstant();
    }
}
