package shop.winback.ticket.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event of a live stream, before it is addressed to a subscriber: who it is for ({@link Audience}: the desk of
 * {@code data.agentId}'s agent, or the supervision of the shop), its SSE event name, and its data.
 */
public record LiveEvent(Audience audience, String name, UUID deskAgentId, Data data) {

    public enum Audience {
        /** One agent's desk: {@link LiveEvent#deskAgentId()} says whose. */
        DESK,
        /** The shop's supervisors and managers. */
        SUPERVISION
    }

    /** The SSE {@code event:} a stream sends first when what the client missed is no longer held. */
    public static final String RESET = "reset";

    static LiveEvent desk(String name, UUID agentId, Data data) {
        return new LiveEvent(Audience.DESK, name, agentId, data);
    }

    static LiveEvent supervision(String name, Data data) {
        return new LiveEvent(Audience.SUPERVISION, name, null, data);
    }

    /**
     * The {@code data:} of every live event, JSON. Ids, states and times only: no buyer phone, address or free text
     * (the rule of tickets.v1); the client reads the rest through the REST API. Fields that do not apply are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "LiveEventData",
            description =
                    "The data of a live event. Ids, states and times only (no buyer phone, address or free text): read the "
                            + "ticket through GET /api/v1/tickets/{id} for the rest. Fields that do not apply are absent.")
    public record Data(
            @Schema(description = "The ticket (absent only on a compensation asked for without one)")
            UUID ticketId,

            @Schema(example = "demo-shop", required = true) String shopId,
            @Schema(example = "TB-O-88231907") String orderId,

            @Schema(description = "When it happened (UTC)", required = true)
            Instant at,

            @Schema(
                    description =
                            "The agent who has the ticket now (assigned, escalated, call-now, closed), or gets it (unassigned)")
            UUID agentId,

            @Schema(description = "Who had the ticket before (a reassignment, a hand-back, a handover)")
            UUID previousAgentId,

            @Schema(
                    description =
                            "Why: the assignment's reason (e.g. NEXT_FREE, RETURNING_BUYER), the reassignment's cause (MOVED, "
                                    + "HANDED_BACK, HANDED_OVER), the breached service level (FIRST_CONTACT_OVERDUE, "
                                    + "RESOLUTION_OVERDUE, QUEUE_WAIT_OVERDUE, HANDOVER_OVERDUE) or why a compensation waits "
                                    + "for approval (approvalBecause of compensations.v1, e.g. ABOVE_AUTHORITY)",
                    example = "NEXT_FREE")
            String reason,

            @Schema(description = "escalated, breached: the supervisor it went to (absent: none on shift)")
            UUID supervisorId,

            @Schema(description = "breached: the deadline that passed")
            Instant dueAt,

            @Schema(description = "call-now: the buyer's phone calls left today")
            Integer callsLeftToday,

            @Schema(
                    description =
                            "closed: RECOVERED, EXPLAINED, UNRECOVERED or CANCELLED; approval-decided: APPROVED or REJECTED",
                    example = "RECOVERED")
            String outcome,

            @Schema(description = "approval-waiting, approval-decided: the compensation (compensation-service)")
            UUID compensationId) {

        static Data of(UUID ticketId, String shopId, String orderId, Instant at) {
            return new Data(ticketId, shopId, orderId, at, null, null, null, null, null, null, null, null);
        }

        Data agents(UUID agentId, UUID previousAgentId) {
            return new Data(
                    ticketId,
                    shopId,
                    orderId,
                    at,
                    agentId,
                    previousAgentId,
                    reason,
                    supervisorId,
                    dueAt,
                    callsLeftToday,
                    outcome,
                    compensationId);
        }

        Data reason(String reason) {
            return new Data(
                    ticketId,
                    shopId,
                    orderId,
                    at,
                    agentId,
                    previousAgentId,
                    reason,
                    supervisorId,
                    dueAt,
                    callsLeftToday,
                    outcome,
                    compensationId);
        }

        Data breach(UUID supervisorId, Instant dueAt) {
            return new Data(
                    ticketId,
                    shopId,
                    orderId,
                    at,
                    agentId,
                    previousAgentId,
                    reason,
                    supervisorId,
                    dueAt,
                    callsLeftToday,
                    outcome,
                    compensationId);
        }

        Data callsLeft(int calls) {
            return new Data(
                    ticketId,
                    shopId,
                    orderId,
                    at,
                    agentId,
                    previousAgentId,
                    reason,
                    supervisorId,
                    dueAt,
                    calls,
                    outcome,
                    compensationId);
        }

        Data compensation(UUID compensationId) {
            return new Data(
                    ticketId,
                    shopId,
                    orderId,
                    at,
                    agentId,
                    previousAgentId,
                    reason,
                    supervisorId,
                    dueAt,
                    callsLeftToday,
                    outcome,
                    compensationId);
        }

        Data outcome(String outcome) {
            return new Data(
                    ticketId,
                    shopId,
                    orderId,
                    at,
                    agentId,
                    previousAgentId,
                    reason,
                    supervisorId,
                    dueAt,
                    callsLeftToday,
                    outcome,
                    compensationId);
        }
    }
}
