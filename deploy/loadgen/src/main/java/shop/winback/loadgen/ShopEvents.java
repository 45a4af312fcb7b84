package shop.winback.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The events of one CloudEvents type for a set of shops, as a {@link TopicTail} receives them: which reviews
 * review-service has relayed ({@code review.received.v1} on reviews.v1), which tickets were assigned to whom
 * ({@code ticket.assigned.v1} on tickets.v1). Everything is kept, in arrival order, for the checks afterwards.
 */
final class ShopEvents implements TopicTail.Handler {

    static final String RECEIVED = "review.received.v1";
    static final String ASSIGNED = "ticket.assigned.v1";

    /** One event: whose, about which ticket and review, to which agent, its ce_id, when it arrived. */
    record Event(String shopId, String ticketId, String platformReviewId, String agentId, String ceId, long nanos) {}

    private final Set<String> shops;
    private final String marker;
    private final String type;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Event> events = new ArrayList<>(); // guarded by this
    private final Set<String> reviews = ConcurrentHashMap.newKeySet();

    /**
     * @param marker a string every shop id contains (a cheap filter before the JSON is read)
     */
    ShopEvents(Set<String> shops, String marker, String type) {
        this.shops = Set.copyOf(shops);
        this.marker = marker;
        this.type = type;
    }

    @Override
    public void handle(ConsumerRecord<String, String> r, long receivedNanos) {
        String value = r.value();
        if (value == null || !value.contains(marker) || !type.equals(TopicTail.header(r, "ce_type"))) {
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(value);
        } catch (IOException e) {
            return;
        }
        String shop = body.path("shopId").asText(null);
        if (shop == null || !shops.contains(shop)) {
            return;
        }
        Event e = new Event(
                shop,
                body.path("ticketId").asText(null),
                body.path("platformReviewId").asText(null),
                body.path("agentId").asText(null),
                TopicTail.header(r, "ce_id"),
                receivedNanos);
        add(e);
    }

    void add(Event e) {
        synchronized (this) {
            events.add(e);
        }
        if (e.platformReviewId() != null) {
            reviews.add(e.shopId() + "\u0000" + e.platformReviewId());
        }
    }

    /** Distinct reviews seen so far. */
    long distinctReviews() {
        return reviews.size();
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }
}
