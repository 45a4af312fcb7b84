package shop.winback.review.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.problem.QueryParams;

/**
 * Reads the query parameters of one request and collects every mistake, so a 400 names each bad
 * parameter at once, not only the first. Absent or blank parameters are null (or the default).
 * Typed parameters (platform's QueryParamConverters) stop at the first bad one, so the review queries
 * take text and apply the same rules ({@link QueryParams}) here, through {@link #check(Supplier)}.
 */
final class QueryValues {

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
        return check(() -> QueryParams.instant(name, raw));
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
        ZoneId zone = check(() -> QueryParams.zone(name, raw));
        return zone != null ? zone : defaultValue;
    }
}
