package shop.winback.ticket.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import shop.winback.platform.outbox.Outbox;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketReview;

/**
 * Every event ticket-service publishes, through the outbox in the caller's transaction: those of {@code tickets.v1},
 * keyed by order id, and of {@code agents.v1} (see {@link #agentHired}), keyed by agent id. Payloads are the public contract documented in asyncapi.yaml; evolution is
 * additive (new fields, new types), so {@code ticket.closed.v1} is still sent beside
 * {@code ticket.resolved.v1}. No buyer phone, address or free-text note ever goes in an event.
 */
@ApplicationScoped
public class TicketEvents {

    private final Outbox outbox;
    private final TicketConfig config;

    public TicketEvents(Outbox outbox, TicketConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public record Item(String sku, String title, String category) {}

    public record Buyer(String id, String province, String city, boolean vip) {}

    public record TicketOpenedV1(
            UUID ticketId,
            String shopId,
            String orderId,
            UUID reviewId,
            String platformReviewId,
            Buyer buyer,
            Item item,
            String rating,
            long orderAmountFen,
            int distinctItems,
            long priority,
            String requiredTier,
            String status,
            Instant reviewCreatedAt,
            Instant openedAt,
            Instant firstContactDueAt,
            Instant resolutionDueAt) {
        public static final String TYPE = "ticket.opened.v1";
    }

    public record TicketReviewAddedV1(
            UUID ticketId,
            String shopId,
            String orderId,
            UUID reviewId,
            String platformReviewId,
            String itemSku,
            String reviewRating,
            String ticketRating,
            long priority,
            String status,
            UUID agentId,
            Instant addedAt) {
        public static final String TYPE = "ticket.review-added.v1";
    }

    public record TicketAssignedV1(
            UUID ticketId,
            String shopId,
            String orderId,
            UUID reviewId,
            String platformReviewId,
            UUID agentId,
            String agentName,
            String agentTier,
            String rating,
            String reason,
            Instant openedAt,
            Instant assignedAt) {
        public static final String TYPE = "ticket.assigned.v1";
    }

    public record TicketEscalatedV1(
            UUID ticketId,
            String shopId,
            String orderId,
            String reason,
            UUID agentId,
            UUID supervisorId,
            Instant dueAt,
            Instant escalatedAt) {
        public static final String TYPE = "ticket.escalated.v1";
    }

    public record TicketReassignedV1(
            UUID ticketId,
            String shopId,
            String orderId,
            UUID fromAgentId,
            UUID toAgentId,
            String toAgentName,
            String toAgentTier,
            String cause,
            UUID byAgentId,
            String status,
            Instant firstContactDueAt,
            Instant resolutionDueAt,
            Instant reassignedAt) {
        public static final String TYPE = "ticket.reassigned.v1";
    }

    public record TicketContactLoggedV1(
            UUID ticketId,
            String shopId,
            String orderId,
            UUID contactId,
            UUID agentId,
            String buyerId,
            String channel,
            String outcome,
            boolean firstContact,
            Instant attemptedAt) {
        public static final String TYPE = "ticket.contact-logged.v1";
    }

    public record TicketCallNowV1(
            UUID ticketId,
            String shopId,
            String orderId,
            UUID agentId,
            String buyerId,
            int callsLeftToday,
            Instant buyerOnlineAt) {
        public static final String TYPE = "ticket.call-now.v1";
    }

    public record TicketHandedOverV1(
            UUID ticketId,
            String shopId,
            String orderId,
            UUID handoverId,
            UUID fromAgentId,
            UUID toAgentId,
            Instant handedOverAt,
            Instant touchBy) {
        public static final String TYPE = "ticket.handed-over.v1";
    }

    public record TicketReviewRevisedV1(
            UUID ticketId,
            String shopId,
            String orderId,
            UUID reviewId,
            String rating,
            boolean textStillNegative,
            String pendingTask,
            String status,
            Instant revisedAt) {
        public static final String TYPE = "ticket.review-revised.v1";
    }

    public record TicketResolvedV1(
            UUID ticketId,
            String shopId,
            String orderId,
            UUID agentId,
            String outcome,
            String reason,
            String rating,
            long creditFen,
            Instant openedAt,
            Instant assignedAt,
            Instant firstContactAt,
            Instant resolvedAt,
            Long secondsToFirstContact,
            long secondsToResolution) {
        public static final String TYPE = "ticket.resolved.v1";
    }

    public record TicketClosedV1(
            UUID ticketId,
            String shopId,
            String orderId,
            UUID reviewId,
            UUID agentId,
            Instant openedAt,
            Instant assignedAt,
            Instant closedAt) {
        public static final String TYPE = "ticket.closed.v1";
    }

    public void opened(Ticket t) {
        publish(
                t,
                TicketOpenedV1.TYPE,
                t.openedAt,
                new TicketOpenedV1(
                        t.id,
                        t.shopId,
                        t.orderId,
                        t.reviewId,
                        t.platformReviewId,
                        new Buyer(t.buyerId, t.buyerProvince, t.buyerCity, t.buyerVip),
                        new Item(t.itemSku, t.itemTitle, t.itemCategory),
                        t.rating.name(),
                        t.orderAmountFen,
                        t.distinctItems,
                        t.priority,
                        t.requiredTier.name(),
                        t.status.name(),
                        t.reviewCreatedAt,
                        t.openedAt,
                        t.firstContactDueAt,
                        t.resolutionDueAt));
    }

    public void reviewAdded(Ticket t, TicketReview r) {
        publish(
                t,
                TicketReviewAddedV1.TYPE,
                r.joinedAt,
                new TicketReviewAddedV1(
                        t.id,
                        t.shopId,
                        t.orderId,
                        r.key.reviewId(),
                        r.platformReviewId,
                        r.itemSku,
                        r.rating.name(),
                        t.rating.name(),
                        t.priority,
                        t.status.name(),
                        t.agentId,
                        r.joinedAt));
    }

    public void assigned(Ticket t, Agent a, String reason) {
        publish(
                t,
                TicketAssignedV1.TYPE,
                t.assignedAt,
                new TicketAssignedV1(
                        t.id,
                        t.shopId,
                        t.orderId,
                        t.reviewId,
                        t.platformReviewId,
                        a.id,
                        a.name,
                        a.tier.name(),
                        t.rating.name(),
                        reason,
                        t.openedAt,
                        t.assignedAt));
    }

    /** Moved to another agent, or (to = null) handed back to the queue. */
    public void reassigned(Ticket t, UUID fromAgentId, Agent to, String cause, UUID byAgentId, Instant at) {
        publish(
                t,
                TicketReassignedV1.TYPE,
                at,
                new TicketReassignedV1(
                        t.id,
                        t.shopId,
                        t.orderId,
                        fromAgentId,
                        to == null ? null : to.id,
                        to == null ? null : to.name,
                        to == null ? null : to.tier.name(),
                        cause,
                        byAgentId,
                        t.status.name(),
                        t.firstContactDueAt,
                        t.resolutionDueAt,
                        at));
    }

    public void escalated(Ticket t, String reason, UUID supervisorId, Instant dueAt, Instant at) {
        publish(
                t,
                TicketEscalatedV1.TYPE,
                at,
                new TicketEscalatedV1(t.id, t.shopId, t.orderId, reason, t.agentId, supervisorId, dueAt, at));
    }

    public void contactLogged(
            Ticket t, UUID contactId, UUID agentId, String channel, String outcome, boolean firstContact, Instant at) {
        publish(
                t,
                TicketContactLoggedV1.TYPE,
                at,
                new TicketContactLoggedV1(
                        t.id, t.shopId, t.orderId, contactId, agentId, t.buyerId, channel, outcome, firstContact, at));
    }

    public void callNow(Ticket t, int callsLeftToday, Instant at) {
        publish(
                t,
                TicketCallNowV1.TYPE,
                at,
                new TicketCallNowV1(t.id, t.shopId, t.orderId, t.agentId, t.buyerId, callsLeftToday, at));
    }

    public void handedOver(Ticket t, UUID handoverId, UUID fromAgentId, Instant touchBy) {
        publish(
                t,
                TicketHandedOverV1.TYPE,
                t.handedOverAt,
                new TicketHandedOverV1(
                        t.id, t.shopId, t.orderId, handoverId, fromAgentId, t.agentId, t.handedOverAt, touchBy));
    }

    public void reviewRevised(Ticket t, TicketReview r) {
        publish(
                t,
                TicketReviewRevisedV1.TYPE,
                r.revisedAt,
                new TicketReviewRevisedV1(
                        t.id,
                        t.shopId,
                        t.orderId,
                        r.key.reviewId(),
                        r.currentRating.name(),
                        r.textStillNegative,
                        t.pendingTask == null ? null : t.pendingTask.name(),
                        t.status.name(),
                        r.revisedAt));
    }

    /** {@code ticket.resolved.v1}, and {@code ticket.closed.v1} for consumers of the first version. */
    public void resolved(Ticket t) {
        Long toFirstContact = t.firstContactAt == null
                ? null
                : Duration.between(t.openedAt, t.firstContactAt).toSeconds();
        publish(
                t,
                TicketResolvedV1.TYPE,
                t.closedAt,
                new TicketResolvedV1(
                        t.id,
                        t.shopId,
                        t.orderId,
                        t.agentId,
                        // typed by an agent: a phone or address in it must not reach every reporting consumer
                        t.outcome.name(),
                        PersonalData.maskFreeText(t.outcomeReason),
                        t.rating.name(),
                        t.creditFen,
                        t.openedAt,
                        t.assignedAt,
                        t.firstContactAt,
                        t.closedAt,
                        toFirstContact,
                        Duration.between(t.openedAt, t.closedAt).toSeconds()));
        publish(
                t,
                TicketClosedV1.TYPE,
                t.closedAt,
                new TicketClosedV1(
                        t.id, t.shopId, t.orderId, t.reviewId, t.agentId, t.openedAt, t.assignedAt, t.closedAt));
    }

    /**
     * {@code agents.v1}: compensation-service keeps its agent registry (whose tier decides an agent's spending
     * authority) from these. Only what other services need to know: no name, capacity, shift or skills.
     */
    public record AgentHiredV1(UUID agentId, String shopId, String tier, Instant hiredAt) {
        public static final String TYPE = "agent.hired.v1";
    }

    public void agentHired(Agent a) {
        outbox.publish(
                config.agentsTopic(),
                a.id.toString(),
                AgentHiredV1.TYPE,
                a.id.toString(),
                a.createdAt,
                new AgentHiredV1(a.id, a.shopId, a.tier.name(), a.createdAt));
    }

    private void publish(Ticket t, String type, Instant at, Object payload) {
        outbox.publish(config.topic(), t.orderId, type, t.id.toString(), at, payload, t.traceParent);
    }
}
