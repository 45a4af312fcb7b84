package shop.winback.ticket.live;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A subscriber's place in tickets.v1: per partition, the offset of the next record it has not been given. It is the
 * stream's {@code id:}, opaque to clients ({@code 0-1523.1-977.2-1201}); being the topic's own coordinates, it means
 * the same on every instance, so a reconnect through the load balancer may land on any of them.
 */
final class Cursor {

    private Cursor() {}

    static String encode(Map<Integer, Long> next) {
        return new TreeMap<>(next)
                .entrySet().stream().map(e -> e.getKey() + "-" + e.getValue()).collect(Collectors.joining("."));
    }

    /** The cursor of a {@code Last-Event-ID}, or null when it is none of ours. */
    static Map<Integer, Long> decode(String id) {
        if (id == null || id.isBlank() || id.length() > 2_000) {
            return null;
        }
        Map<Integer, Long> next = new HashMap<>();
        for (String part : id.strip().split("\\.")) {
            int dash = part.indexOf('-');
            if (dash <= 0) {
                return null;
            }
            try {
                int partition = Integer.parseInt(part.substring(0, dash));
                long offset = Long.parseLong(part.substring(dash + 1));
                if (partition < 0 || offset < 0 || next.put(partition, offset) != null) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return next;
    }
}
