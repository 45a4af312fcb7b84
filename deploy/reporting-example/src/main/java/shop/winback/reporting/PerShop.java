package shop.winback.reporting;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A setting with a default and per-shop exceptions, written {@code DEFAULT,shopA=VALUE,shopB=VALUE} (the default may
 * be left out): {@code Asia/Shanghai,shop-eu=Europe/Berlin}.
 */
public record PerShop<T>(T fallback, Map<String, T> byShop) {

    public PerShop {
        byShop = Map.copyOf(byShop);
    }

    public static <T> PerShop<T> of(T fallback) {
        return new PerShop<>(fallback, Map.of());
    }

    /**
     * Parses {@code spec}; {@code fallback} when the spec names no default.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static <T> PerShop<T> parse(String spec, T fallback, Function<String, T> parser) {
        T defaultValue = fallback;
        Map<String, T> byShop = new TreeMap<>();
        if (spec == null || spec.isBlank()) {
            return new PerShop<>(defaultValue, byShop);
        }
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.lastIndexOf('=');
            try {
                if (eq < 0) {
                    defaultValue = parser.apply(p);
                } else {
                    byShop.put(
                            p.substring(0, eq).trim(),
                            parser.apply(p.substring(eq + 1).trim()));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad value '" + p + "': " + e.getMessage(), e);
            }
        }
        return new PerShop<>(defaultValue, byShop);
    }

    public T forShop(String shopId) {
        return byShop.getOrDefault(shopId, fallback);
    }
}
