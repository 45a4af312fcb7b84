package shop.winback.ticket.messaging.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * ticket-service's own copy of the payload of every {@code compensations.v1} event (producer:
 * compensation-service): only the fields it reads. Unknown fields are ignored, so the producer may
 * add fields freely; {@code CompensationEventsTests} keeps this copy honest against the producer's
 * AsyncAPI schema. {@code ticketId} may be null; {@code agentId} is a principal name, not a UUID,
 * when a supervisor without an agent id asked. The payload's own {@code status} is not read: the
 * event type says what happened (a requested compensation granted at once says APPROVED, and its
 * approved event follows). {@code decidedBy}: who approved or rejected it, null when granted within
 * the requester's own authority (not read: the money counts for the agent who offered it, {@code agentId}).
 */
public record CompensationEventV1(
        @NotNull UUID compensationId,
        @NotBlank String shopId,
        @NotBlank String orderId,
        String ticketId,
        String agentId,
        @NotBlank String type,
        @PositiveOrZero long amountFen,
        @NotNull Instant occurredAt,
        String decidedBy) {

    public static final String REQUESTED = "compensation.requested.v1";
    public static final String APPROVED = "compensation.approved.v1";
    public static final String REJECTED = "compensation.rejected.v1";
    public static final String PAID = "compensation.paid.v1";

    /** The status each event type leaves a compensation in, in ticket_compensation.status. */
    public static final Map<String, String> STATUS_OF_TYPE = Map.of(
            REQUESTED, "REQUESTED",
            APPROVED, "APPROVED",
            REJECTED, "REJECTED",
            PAID, "PAID");
}
