package shop.winback.ticket.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When to reach the buyer. Online now is best (revising needs a login, so an online buyer can do it
 * at once); otherwise a window that fits their likely day (DOMAIN "Contacting the buyer"): around
 * the hour they were last seen online; else the lunch break for an office address; else the
 * evening. Calls per day are capped so nobody is harassed.
 */
public record ContactPlan(
        boolean buyerOnline, long callsToday, long callsLeftToday, Window suggestedWindow, String why) {

    /** A local window, given as instants. */
    public record Window(Instant from, Instant to) {}

    /** Words of a delivery address that say "office" (公司, 大厦 …): reach them at lunch. */
    static final List<String> OFFICE_WORDS = List.of("公司", "大厦", "写字楼", "办公", "园区", "集团", "科技园", "中心");

    static final LocalTime LUNCH_FROM = LocalTime.of(12, 0);
    static final LocalTime LUNCH_TO = LocalTime.of(13, 30);
    static final LocalTime EVENING_FROM = LocalTime.of(19, 0);
    static final LocalTime EVENING_TO = LocalTime.of(21, 0);

    public static ContactPlan of(
            boolean online,
            Instant lastSeenOnline,
            String address,
            long callsToday,
            int callsPerDay,
            ZoneId zone,
            Instant now) {
        long left = Math.max(0, callsPerDay - callsToday);
        if (online) {
            return new ContactPlan(
                    true,
                    callsToday,
                    left,
                    null,
                    left > 0 ? "buyer online: call now" : "buyer online, but no calls left today: use IM");
        }
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = left > 0 ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        if (lastSeenOnline != null) {
            LocalTime seen = lastSeenOnline
                    .atZone(zone)
                    .toLocalTime()
                    .withMinute(0)
                    .withSecond(0)
                    .withNano(0);
            return new ContactPlan(
                    false,
                    callsToday,
                    left,
                    next(day, seen, seen.plusHours(1), zone, now),
                    "around the hour the buyer was last online");
        }
        if (address != null && OFFICE_WORDS.stream().anyMatch(address::contains)) {
            return new ContactPlan(
                    false,
                    callsToday,
                    left,
                    next(day, LUNCH_FROM, LUNCH_TO, zone, now),
                    "office address: the lunch break");
        }
        return new ContactPlan(false, callsToday, left, next(day, EVENING_FROM, EVENING_TO, zone, now), "after work");
    }

    /** The window on that day, or the next day when it is already over. */
    private static Window next(LocalDate day, LocalTime from, LocalTime to, ZoneId zone, Instant now) {
        Instant end = day.atTime(to).atZone(zone).toInstant();
        if (!to.isAfter(from)) {
            end = day.plusDays(1).atTime(to).atZone(zone).toInstant();
        }
        if (!end.isAfter(now)) {
            return next(day.plusDays(1), from, to, zone, now);
        }
        Instant start = day.atTime(from).atZone(zone).toInstant();
        return new Window(start.isBefore(now) ? now : start, end);
    }
}
