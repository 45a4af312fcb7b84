package shop.winback.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The clock under test, as the tests see it: the real UTC clock shifted by the same offset the
 * services under test read ({@code winback.clock.offset}, see the platform's {@code Clocks}).
 * Test data that meets a service's clock (a review's creation time, an event's time, shifts
 * "around now", "today", a month, a statistics period) is built from here, never from
 * {@code Instant.now()} or a fixed calendar date, so the suite passes on any day.
 *
 * <p>The offset comes from the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENV}: an ISO-8601 duration such as {@code P137DT5H12M}, negative allowed
 * ({@code -P150DT3H}); none means no shift. {@code deploy/test} picks a random one for each run
 * and prints it, so a failure can be replayed with the same shift.
 *
 * <p>Bearer tokens are not shifted: the services check them against the real clock.
 */
public final class TestClock {

    public static final String PROPERTY = "winback.clock.offset";
    public static final String ENV = "WINBACK_CLOCK_OFFSET";
    /** China's offset: the order system and couriers write local times with it. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private static final Duration OFFSET = offsetFrom(System.getProperty(PROPERTY), System.getenv(ENV));
    private static final Clock CLOCK = OFFSET.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), OFFSET);

    private TestClock() {}

    /** How far the clock under test is from the real one (zero when not shifted). */
    public static Duration offset() {
        return OFFSET;
    }

    /** The clock under test (UTC). */
    public static Clock clock() {
        return CLOCK;
    }

    /** Now, on the clock under test. */
    public static Instant now() {
        return CLOCK.instant();
    }

    public static Instant minutesAgo(long minutes) {
        return now().minus(Duration.ofMinutes(minutes));
    }

    public static Instant hoursAgo(long hours) {
        return now().minus(Duration.ofHours(hours));
    }

    public static Instant daysAgo(long days) {
        return now().minus(Duration.ofDays(days));
    }

    /** Today in the zone, on the clock under test. */
    public static LocalDate today(ZoneId zone) {
        return LocalDate.now(CLOCK.withZone(zone));
    }

    /** This month in the zone, on the clock under test (e.g. 2026-11). */
    public static YearMonth thisMonth(ZoneId zone) {
        return YearMonth.from(today(zone));
    }

    /** An instant as the order system writes it: whole seconds, China's offset (e.g. 2026-11-23T09:30:00+08:00). */
    public static String china(Instant instant) {
        return OffsetDateTime.ofInstant(instant, CHINA).format(CHINA_TIME);
    }

    /** A local time of a day in China (e.g. day, "09:30"), as the order system writes it. */
    public static String china(LocalDate day, String localTime) {
        return day.atTime(LocalTime.parse(localTime)).atOffset(CHINA).format(CHINA_TIME);
    }

    static Duration offsetFrom(String property, String env) {
        String raw = property != null && !property.isBlank() ? property : env;
        if (raw == null || raw.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "the clock offset " + PROPERTY + " / " + ENV + " is not an ISO-8601 duration "
                            + "(such as P137DT5H12M or -P150DT3H): " + raw,
                    e);
        }
    }
}
