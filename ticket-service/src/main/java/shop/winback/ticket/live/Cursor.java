package shop.winback.ticket.live;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A subscriber's place in the topics the streams are fed from: per partition, the offset of the next record it has not
 * been given. A partition of tickets.v1 is keyed by its number, one of compensations.v1 by {@code c} and its number. It
 * is the stream's {@code id:}, opaque to clients ({@code 0-1523.1-977.c0-31}); being the topics' own coordinates, it
 * means the same on every instance, so a reconnect through the load balancer may land on any of them.
 */
final class Cursor {

    private Cursor() {}

    static final String COMPENSATIONS = "c";

    static String key(boolean compensations, int partition) {
        return (compensations ? COMPENSATIONS : "") + partition;
    }

    static String encode(Map<String, Long> next) {
        return new TreeMap<>(next)
                .entrySet().stream().map(e -> e.getKey() + "-" + e.getValue()).collect(Collectors.joining("."));
    }

    /** The cursor of a {@code Last-Event-ID}, or null when it is none of ours. */
    static Map<String, Long> decode(String id) {
        if (id == null || id.isBlank() || id.length() > 2_000) {
            return null;
        }
        Map<String, Long> next = new HashMap<>();
        for (String part : id.strip().split("\\.")) {
            int dash = part.indexOf('-');
            if (dash <= 0) {
                return null;
            }
            String partition = part.substring(0, dash);
            if (!partition.matches("c?[0-9]{1,6}")) {
                return null;
            }
            try {
                long offset = Long.parseLong(part.substring(dash + 1));
                if (offset < 0 || next.put(partition, offset) != null) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return next;
    }
}
