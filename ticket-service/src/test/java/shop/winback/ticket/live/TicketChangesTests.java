package shop.winback.ticket.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.ticket.live.LiveEvent.Audience;

/** Which desks and which supervision hear of each tickets.v1 event, read from the published payloads. */
class TicketChangesTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TICKET = UUID.randomUUID().toString();
    static final UUID FROM = UUID.randomUUID();
    static final UUID TO = UUID.randomUUID();

    static List<LiveEvent> of(String type, String json) throws Exception {
        return TicketChanges.of(type, JSON.readTree(json));
    }

    static String names(List<LiveEvent> events) {
        return String.join(
                ",",
                events.stream()
                        .map(e -> e.audience() == Audience.DESK
                                ? "desk:" + e.name() + "@" + (e.deskAgentId().equals(FROM) ? "from" : "to")
                                : "supervision:" + e.name())
                        .toList());
    }

    @Test
    void aReassignmentLeavesOneDeskForAnother() throws Exception {
        List<LiveEvent> events = of("ticket.reassigned.v1", """
                {"ticketId":"%s","shopId":"s","orderId":"o","fromAgentId":"%s","toAgentId":"%s","cause":"MOVED",
                 "reassignedAt":"2026-11-23T01:45:00Z"}""".formatted(TICKET, FROM, TO));
        assertThat(names(events)).isEqualTo("desk:assigned@to,desk:unassigned@from,supervision:assigned");
        assertThat(events.get(1).data().previousAgentId()).isEqualTo(FROM);
        assertThat(events.get(1).data().agentId()).isEqualTo(TO);
    }

    @Test
    void aHandBackPutsTheTicketInTheQueue() throws Exception {
        assertThat(names(of("ticket.reassigned.v1", """
                {"ticketId":"%s","shopId":"s","orderId":"o","fromAgentId":"%s","toAgentId":null,"cause":"HANDED_BACK",
                 "reassignedAt":"2026-11-23T01:45:00Z"}""".formatted(TICKET, FROM))))
                .isEqualTo("desk:unassigned@from,supervision:queued");
    }

    @Test
    void aHandoverTellsTheNightAgent() throws Exception {
        assertThat(names(of("ticket.handed-over.v1", """
                {"ticketId":"%s","shopId":"s","orderId":"o","fromAgentId":"%s","toAgentId":"%s",
                 "handedOverAt":"2026-11-23T01:00:00Z"}""".formatted(TICKET, FROM, TO))))
                .isEqualTo("desk:unassigned@from");
    }

    @Test
    void aBreachWithoutASupervisorOnShiftIsOnlyBreached() throws Exception {
        assertThat(names(of("ticket.escalated.v1", """
                {"ticketId":"%s","shopId":"s","orderId":"o","reason":"FIRST_CONTACT_OVERDUE","agentId":"%s",
                 "supervisorId":null,"dueAt":"2026-11-23T02:00:02Z","escalatedAt":"2026-11-23T02:00:10Z"}""".formatted(TICKET, FROM))))
                .isEqualTo("desk:escalated@from,supervision:breached");
    }

    @Test
    void aResolutionCarriesTheOutcomeButNotTheAgentsWords() throws Exception {
        List<LiveEvent> events = of("ticket.resolved.v1", """
                {"ticketId":"%s","shopId":"s","orderId":"o","agentId":"%s","outcome":"UNRECOVERED",
                 "reason":"买家电话 138****5678","resolvedAt":"2026-11-23T03:10:40Z"}""".formatted(TICKET, FROM));
        assertThat(names(events)).isEqualTo("desk:closed@from,supervision:closed");
        assertThat(events.get(0).data().outcome()).isEqualTo("UNRECOVERED");
        assertThat(events.get(0).data().reason()).isNull();
    }

    @Test
    void otherTypesAndBrokenPayloadsConcernNoStream() throws Exception {
        assertThat(of("ticket.closed.v1", "{\"ticketId\":\"%s\",\"shopId\":\"s\"}".formatted(TICKET)))
                .isEmpty();
        assertThat(of("ticket.contact-logged.v1", "{\"ticketId\":\"%s\",\"shopId\":\"s\"}".formatted(TICKET)))
                .isEmpty();
        assertThat(of("ticket.assigned.v1", "[]")).isEmpty();
        assertThat(of("ticket.assigned.v1", "{\"ticketId\":\"not-a-uuid\",\"shopId\":\"s\"}"))
                .isEmpty();
    }

    @Test
    void aTicketQueuedAndAssignedInOnePollIsNotShownQueued() throws Exception {
        List<List<LiveEvent>> poll = new ArrayList<>();
        poll.add(of("ticket.opened.v1", """
                {"ticketId":"%s","shopId":"s","orderId":"o","status":"WAITING","openedAt":"2026-11-23T01:30:02Z"}""".formatted(TICKET)));
        poll.add(of("ticket.assigned.v1", """
                {"ticketId":"%s","shopId":"s","orderId":"o","agentId":"%s","reason":"NEXT_FREE",
                 "assignedAt":"2026-11-23T01:30:02Z"}""".formatted(TICKET, TO)));
        assertThat(names(poll.get(0))).isEqualTo("supervision:queued");
        LiveTicketsConsumer.dropQueuedThenAssigned(poll);
        assertThat(poll.get(0)).isEmpty();
        assertThat(names(poll.get(1))).isEqualTo("desk:assigned@to,supervision:assigned");
    }

    @Test
    void onlyCompensationsWaitingForSomeoneAndTheirDecisionsReachSupervision() throws Exception {
        String c = UUID.randomUUID().toString();
        String base = """
                {"compensationId":"%s","shopId":"s","orderId":"o","ticketId":"%s","agentId":"%s","status":"%s",
                 "reason":"买家电话 138****5678","decidedBy":%s,"approvalBecause":%s,"occurredAt":"2026-11-23T01:45:00Z"}""";
        List<LiveEvent> waiting = CompensationChanges.of(
                "compensation.requested.v1",
                JSON.readTree(base.formatted(c, TICKET, FROM, "PENDING", "null", "\"ABOVE_AUTHORITY\"")));
        assertThat(names(waiting)).isEqualTo("supervision:approval-waiting");
        assertThat(waiting.get(0).data().reason()).isEqualTo("ABOVE_AUTHORITY");
        assertThat(waiting.get(0).data().compensationId()).hasToString(c);
        assertThat(CompensationChanges.of(
                        "compensation.requested.v1",
                        JSON.readTree(base.formatted(c, TICKET, FROM, "APPROVED", "null", "null"))))
                .as("granted within the requester's authority")
                .isEmpty();
        assertThat(CompensationChanges.of(
                        "compensation.approved.v1",
                        JSON.readTree(base.formatted(c, TICKET, FROM, "APPROVED", "null", "null"))))
                .isEmpty();
        List<LiveEvent> decided = CompensationChanges.of(
                "compensation.rejected.v1",
                JSON.readTree(base.formatted(c, TICKET, FROM, "REJECTED", "\"s/manager\"", "null")));
        assertThat(names(decided)).isEqualTo("supervision:approval-decided");
        assertThat(decided.get(0).data().outcome()).isEqualTo("REJECTED");
        assertThat(CompensationChanges.of(
                        "compensation.paid.v1", JSON.readTree(base.formatted(c, TICKET, FROM, "PAID", "null", "null"))))
                .isEmpty();
    }
}
