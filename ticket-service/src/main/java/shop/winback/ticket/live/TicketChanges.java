package shop.winback.ticket.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import shop.winback.ticket.live.LiveEvent.Data;
import shop.winback.ticket.messaging.out.TicketEvents.TicketAssignedV1;
import shop.winback.ticket.messaging.out.TicketEvents.TicketCallNowV1;
import shop.winback.ticket.messaging.out.TicketEvents.TicketEscalatedV1;
import shop.winback.ticket.messaging.out.TicketEvents.TicketHandedOverV1;
import shop.winback.ticket.messaging.out.TicketEvents.TicketOpenedV1;
import shop.winback.ticket.messaging.out.TicketEvents.TicketReassignedV1;
import shop.winback.ticket.messaging.out.TicketEvents.TicketResolvedV1;

/**
 * What one committed change of {@code tickets.v1} means on the live streams: which desks and the shop's supervision
 * hear of it, under which event name. Read from the published payload (the contract of asyncapi.yaml), so every
 * instance derives the same events from the same record. Types not listed concern no stream.
 */
final class TicketChanges {

    static final String QUEUED = "queued";
    static final String ASSIGNED = "assigned";
    static final String UNASSIGNED = "unassigned";
    static final String ESCALATED = "escalated";
    static final String BREACHED = "breached";
    static final String CALL_NOW = "call-now";
    static final String CLOSED = "closed";

    private TicketChanges() {}

    static List<LiveEvent> of(String type, JsonNode p) {
        if (type == null || p == null || !p.isObject()) {
            return List.of();
        }
        List<LiveEvent> events = new ArrayList<>(3);
        switch (type) {
            case TicketOpenedV1.TYPE -> {
                // a new ticket starts in the queue; routing usually assigns it in the same transaction (dropped then,
                // see LiveTicketsConsumer)
                if ("WAITING".equals(text(p, "status"))) {
                    events.add(LiveEvent.supervision(QUEUED, data(p, "openedAt")));
                }
            }
            case TicketAssignedV1.TYPE -> {
                Data d = data(p, "assignedAt").agents(uuid(p, "agentId"), null).reason(text(p, "reason"));
                events.add(LiveEvent.desk(ASSIGNED, d.agentId(), d));
                events.add(LiveEvent.supervision(ASSIGNED, d));
            }
            case TicketReassignedV1.TYPE -> {
                UUID from = uuid(p, "fromAgentId");
                UUID to = uuid(p, "toAgentId");
                Data d = data(p, "reassignedAt").agents(to, from).reason(text(p, "cause"));
                if (to != null) {
                    events.add(LiveEvent.desk(ASSIGNED, to, d));
                }
                if (from != null && !from.equals(to)) {
                    events.add(LiveEvent.desk(UNASSIGNED, from, d));
                }
                // handed back (no new agent): the ticket waits in the queue again
                events.add(LiveEvent.supervision(to == null ? QUEUED : ASSIGNED, d));
            }
            case TicketHandedOverV1.TYPE -> {
                // the day agent who takes it already heard ticket.assigned.v1; the night agent loses it here
                UUID from = uuid(p, "fromAgentId");
                UUID to = uuid(p, "toAgentId");
                Data d = data(p, "handedOverAt").agents(to, from).reason("HANDED_OVER");
                if (from != null && !from.equals(to)) {
                    events.add(LiveEvent.desk(UNASSIGNED, from, d));
                }
                if (to == null && from != null) {
                    events.add(LiveEvent.supervision(QUEUED, d));
                }
            }
            case TicketEscalatedV1.TYPE -> {
                UUID supervisor = uuid(p, "supervisorId");
                Data d = data(p, "escalatedAt")
                        .agents(uuid(p, "agentId"), null)
                        .reason(text(p, "reason"))
                        .breach(supervisor, instant(p, "dueAt"));
                if (d.agentId() != null) {
                    events.add(LiveEvent.desk(ESCALATED, d.agentId(), d));
                }
                // every escalation is a breached service level; it is escalated to someone when a supervisor was on
                // shift
                events.add(LiveEvent.supervision(BREACHED, d));
                if (supervisor != null) {
                    events.add(LiveEvent.supervision(ESCALATED, d));
                }
            }
            case TicketCallNowV1.TYPE -> {
                Data d = data(p, "buyerOnlineAt")
                        .agents(uuid(p, "agentId"), null)
                        .callsLeft(p.path("callsLeftToday").asInt());
                if (d.agentId() != null) {
                    events.add(LiveEvent.desk(CALL_NOW, d.agentId(), d));
                }
            }
            case TicketResolvedV1.TYPE -> {
                // the outcome only: the reason is typed by an agent
                Data d = data(p, "resolvedAt").agents(uuid(p, "agentId"), null).outcome(text(p, "outcome"));
                if (d.agentId() != null) {
                    events.add(LiveEvent.desk(CLOSED, d.agentId(), d));
                }
                events.add(LiveEvent.supervision(CLOSED, d));
            }
            default -> {
                // ticket.closed.v1 repeats ticket.resolved.v1; the others concern no stream
            }
        }
        return events.stream()
                .filter(e -> e.data().ticketId() != null && e.data().shopId() != null)
                .toList();
    }

    static Data data(JsonNode p, String atField) {
        return Data.of(uuid(p, "ticketId"), text(p, "shopId"), text(p, "orderId"), instant(p, atField));
    }

    static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static UUID uuid(JsonNode p, String field) {
        String v = text(p, field);
        try {
            return v == null ? null : UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Instant instant(JsonNode p, String field) {
        String v = text(p, field);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** For the batch rule of LiveTicketsConsumer: a supervision event that puts the ticket on an agent. */
    static boolean assignsTicket(LiveEvent e) {
        return e.audience() == LiveEvent.Audience.SUPERVISION && Objects.equals(e.name(), ASSIGNED);
    }
}
