package shop.winback.review.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.Problem;

/**
 * Reads the query parameters of one request and collects every mistake, so a 400 names each bad
 * parameter at once, not only the first. Absent or blank parameters are null (or the default).
 * Complements platform's {@link shop.winback.platform.problem.QueryParams}, whose checks can be
 * run through {@link #check(Supplier)}.
 */
final class QueryValues {

    static final String INSTANT_MESSAGE =
            "must be an ISO-8601 instant or date-time with offset, e.g. 2026-11-23T09:30:00+08:00";

    private final List<Problem.Violation> violations = new ArrayList<>();

    /** Runs a check that throws {@link InvalidRequestProblem}; its violations are kept, the value is null. */
    <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidRequestProblem e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    void reject(String name, String message) {
        violations.add(new Problem.Violation(name, message));
    }

    boolean valid(String name) {
        return violations.stream().noneMatch(v -> v.field().equals(name));
    }

    /** Throws a 400 naming every bad parameter, if there was one. */
    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestProblem(violations);
        }
    }

    static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    Instant instant(String name, String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        Instant parsed = parseInstant(value);
        if (parsed == null && value.indexOf(' ') > 0) {
            // an unencoded "+08:00" arrives as " 08:00" (a '+' in a query string is a space)
            parsed = parseInstant(value.replace(' ', '+'));
        }
        if (parsed == null) {
            reject(name, INSTANT_MESSAGE);
        }
        return parsed;
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

    Boolean bool(String name, String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        reject(name, "must be true or false");
        return null;
    }

    int wholeNumber(String name, String raw, int defaultValue, int min, int max) {
        String value = text(raw);
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            reject(name, "must be a whole number");
            return defaultValue;
        }
        if (parsed < min || parsed > max) {
            reject(
                    name,
                    max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max);
            return defaultValue;
        }
        return (int) parsed;
    }

    ZoneId zone(String name, String raw, ZoneId defaultValue) {
        String value = text(raw);
        if (value == null) {
            return defaultValue;
        }
        if (raw.startsWith(" ") && Character.isDigit(value.charAt(0))) {
            value = "+" + value; // an unencoded "+08:00" arrives as " 08:00"
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            reject(name, "must be a time zone such as Asia/Shanghai, UTC or +08:00");
            return defaultValue;
        }
    }
}
