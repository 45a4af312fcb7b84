package shop.winback.ticket.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import shop.winback.platform.outbox.Outbox;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.Ticket;

/**
 * The events of {@code tickets.v1}, published through the outbox in the caller's transaction.
 * Keyed by order id. Payloads are the public contract documented in asyncapi.yaml.
 */
@ApplicationScoped
public class TicketEvents {

    private final Outbox outbox;
    private final TicketConfig config;

    public TicketEvents(Outbox outbox, TicketConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public record Item(String sku, String title) {
    }

    public record Buyer(String id, String province, String city) {
    }

    public record TicketOpenedV1(UUID ticketId, String shopId, String orderId, UUID reviewId, String platformReviewId,
                                 Buyer buyer, Item item, String rating, long orderAmountFen, int distinctItems,
                                 int priority, String status, Instant reviewCreatedAt, Instant openedAt) {
        public static final String TYPE = "ticket.opened.v1";
    }

    public record TicketAssignedV1(UUID ticketId, String shopId, String orderId, UUID reviewId, String platformReviewId,
                                   UUID agentId, String agentName, String agentTier, String rating,
                                   Instant openedAt, Instant assignedAt) {
        public static final String TYPE = "ticket.assigned.v1";
    }

    public record TicketClosedV1(UUID ticketId, String shopId, String orderId, UUID reviewId, UUID agentId,
                                 Instant openedAt, Instant assignedAt, Instant closedAt) {
        public static final String TYPE = "ticket.closed.v1";
    }

    public void opened(Ticket t) {
        publish(t, TicketOpenedV1.TYPE, t.openedAt, new TicketOpenedV1(t.id, t.shopId, t.orderId, t.reviewId,
                t.platformReviewId, new Buyer(t.buyerId, t.buyerProvince, t.buyerCity), new Item(t.itemSku, t.itemTitle),
                t.rating.name(), t.orderAmountFen, t.distinctItems, t.priority, t.status.name(), t.reviewCreatedAt,
                t.openedAt));
    }

    public void assigned(Ticket t, Agent a) {
        publish(t, TicketAssignedV1.TYPE, t.assignedAt, new TicketAssignedV1(t.id, t.shopId, t.orderId, t.reviewId,
                t.platformReviewId, a.id, a.name, a.tier.name(), t.rating.name(), t.openedAt, t.assignedAt));
    }

    public void closed(Ticket t) {
        publish(t, TicketClosedV1.TYPE, t.closedAt, new TicketClosedV1(t.id, t.shopId, t.orderId, t.reviewId,
                t.agentId, t.openedAt, t.assignedAt, t.closedAt));
    }

    private void publish(Ticket t, String type, Instant at, Object payload) {
        outbox.publish(config.topic(), t.orderId, type, t.id.toString(), at, payload);
    }
}
