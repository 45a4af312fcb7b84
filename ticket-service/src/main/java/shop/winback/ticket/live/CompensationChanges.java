package shop.winback.ticket.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import shop.winback.ticket.live.LiveEvent.Data;
import shop.winback.ticket.messaging.in.CompensationEventV1;

/**
 * What a compensations.v1 event means for the shop's supervision: a compensation that waits for a supervisor's or
 * manager's approval ({@code approval-waiting}), and the decision on it ({@code approval-decided}). Grants within the
 * requester's own authority and payouts concern no stream. The requester's and the approver's words stay out.
 */
final class CompensationChanges {

    static final String APPROVAL_WAITING = "approval-waiting";
    static final String APPROVAL_DECIDED = "approval-decided";

    private CompensationChanges() {}

    static List<LiveEvent> of(String type, JsonNode p) {
        if (type == null || p == null || !p.isObject()) {
            return List.of();
        }
        Data d = TicketChanges.data(p, "occurredAt")
                .agents(TicketChanges.uuid(p, "agentId"), null)
                .compensation(TicketChanges.uuid(p, "compensationId"));
        if (d.compensationId() == null || d.shopId() == null) {
            return List.of();
        }
        boolean pending = "PENDING".equals(TicketChanges.text(p, "status"));
        boolean decidedBySomeone = TicketChanges.text(p, "decidedBy") != null;
        return switch (type) {
            case CompensationEventV1.REQUESTED ->
                pending
                        ? List.of(LiveEvent.supervision(
                                APPROVAL_WAITING, d.reason(TicketChanges.text(p, "approvalBecause"))))
                        : List.of();
            case CompensationEventV1.APPROVED, CompensationEventV1.REJECTED ->
                decidedBySomeone
                        ? List.of(LiveEvent.supervision(APPROVAL_DECIDED, d.outcome(TicketChanges.text(p, "status"))))
                        : List.of();
            default -> List.of();
        };
    }
}
