package shop.winback.platform.problem;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Typed query parameters with a 400 that names the parameter. (JAX-RS answers a query parameter
 * it cannot convert with 404, which tells a client the wrong thing.)
 */
public final class QueryParams {

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
            throw new InvalidRequestProblem(name, "must be a UUID");
        }
    }
}
