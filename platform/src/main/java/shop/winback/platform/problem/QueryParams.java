package shop.winback.platform.problem;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one rule for reading a query parameter's text as a typed value: absent or blank is null, a bad
 * value is a 400 that names the parameter and what it must be. {@link QueryParamConverters} applies it
 * to typed resource parameters; resources that collect every mistake before answering call it directly.
 */
public final class QueryParams {

    public static final String UUID_MESSAGE = "must be a UUID";
    public static final String INSTANT_MESSAGE =
            "must be an ISO-8601 instant or date-time with offset, e.g. 2026-11-23T09:30:00+08:00";
    public static final String DATE_MESSAGE = "must be a date as yyyy-MM-dd";
    public static final String MONTH_MESSAGE = "must be a month as YYYY-MM, e.g. 2026-11";
    public static final String ZONE_MESSAGE = "must be a time zone such as Asia/Shanghai, UTC or +08:00";

    private QueryParams() {}

    /** Null when absent; otherwise the constant, case-insensitively. */
    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw.strip())) {
                return constant;
            }
        }
        throw new InvalidRequestProblem(
                name,
                "must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** Null when absent. */
    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem(name, UUID_MESSAGE);
        }
    }

    /** Null when absent; an instant ({@code ...Z}) or a date-time with offset. */
    public static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        Instant parsed = parseInstant(value);
        if (parsed == null && value.indexOf(' ') > 0) {
            // an unencoded "+08:00" arrives as " 08:00" (a '+' in a query string is a space)
            parsed = parseInstant(value.replace(' ', '+'));
        }
        if (parsed == null) {
            throw new InvalidRequestProblem(name, INSTANT_MESSAGE);
        }
        return parsed;
    }

    /** Null when absent. */
    public static LocalDate localDate(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestProblem(name, DATE_MESSAGE);
        }
    }

    /** Null when absent. */
    public static YearMonth yearMonth(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestProblem(name, MONTH_MESSAGE);
        }
    }

    /** Null when absent; a region (Asia/Shanghai), UTC or an offset (+08:00). */
    public static ZoneId zone(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (raw.startsWith(" ") && Character.isDigit(value.charAt(0))) {
            value = "+" + value; // an unencoded "+08:00" arrives as " 08:00"
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new InvalidRequestProblem(name, ZONE_MESSAGE);
        }
    }

    private static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
