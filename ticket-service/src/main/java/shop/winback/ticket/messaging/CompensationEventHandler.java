package shop.winback.ticket.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import shop.winback.platform.messaging.EventRoutes;
import shop.winback.ticket.config.CompensationsConfig;
import shop.winback.ticket.messaging.in.CompensationEventV1;
import shop.winback.ticket.stats.EconomicsLedger;

/**
 * Keeps {@code ticket_compensation} in step with {@code compensations.v1}: one row per compensation
 * with its latest status, the money counted as spent once it is PAID. Events of one order arrive in
 * order (they share a key), but a redelivery or a producer retry may bring an older state late, so a
 * status never moves back: REQUESTED &lt; APPROVED, REJECTED &lt; PAID. A compensation without a
 * ticket id is linked to the shop's open ticket of the order, if there is one.
 */
@ApplicationScoped
public class CompensationEventHandler {

    /** The name this consumer's events are remembered under in the inbox. */
    static final String CONSUMER = "ticket-service/compensations";

    private static final String RANK_NEW = rank("EXCLUDED.status");
    private static final String RANK_OLD = rank("c.status");

    private static final String UPSERT = """
            INSERT INTO ticket_compensation AS c
                (compensation_id, shop_id, order_id, ticket_id, agent_id, type, amount_fen, status, paid_at, updated_at)
            VALUES (?, ?, ?,
                    COALESCE(CAST(? AS uuid), (SELECT t.id FROM ticket t
                                               WHERE t.shop_id = ? AND t.order_id = ? AND t.status <> 'CLOSED'
                                               ORDER BY t.opened_at LIMIT 1)),
                    ?, ?, ?, ?, ?, ?)
            ON CONFLICT (compensation_id) DO UPDATE SET
                ticket_id  = CASE WHEN ? THEN EXCLUDED.ticket_id ELSE COALESCE(c.ticket_id, EXCLUDED.ticket_id) END,
                agent_id   = CASE WHEN %1$s >= %2$s THEN COALESCE(EXCLUDED.agent_id, c.agent_id) ELSE c.agent_id END,
                type       = CASE WHEN %1$s >= %2$s THEN EXCLUDED.type ELSE c.type END,
                amount_fen = CASE WHEN %1$s >= %2$s THEN EXCLUDED.amount_fen ELSE c.amount_fen END,
                status     = CASE WHEN %1$s >= %2$s THEN EXCLUDED.status ELSE c.status END,
                paid_at    = COALESCE(c.paid_at, EXCLUDED.paid_at),
                updated_at = EXCLUDED.updated_at
            WHERE c.shop_id = EXCLUDED.shop_id""".formatted(RANK_NEW, RANK_OLD);

    private final EntityManager em;
    private final EconomicsLedger ledger;
    private final Clock clock;
    private final EventRoutes routes;

    public CompensationEventHandler(EntityManager em, EconomicsLedger ledger, Clock clock, CompensationsConfig config) {
        this.ledger = ledger;
        this.em = em;
        this.clock = clock;
        this.routes = EventRoutes.of(config.deadLetterTopic(), CONSUMER)
                .on(CompensationEventV1.STATUS_OF_TYPE.keySet(), CompensationEventV1.class, this::handle);
    }

    EventRoutes routes() {
        return routes;
    }

    /** The states of compensations, in poll order, each delivered for the first time. */
    private void handle(List<EventRoutes.Received<CompensationEventV1>> events) {
        Instant now = Instant.now(clock);
        for (EventRoutes.Received<CompensationEventV1> event : events) {
            CompensationEventV1 compensation = event.data();
            upsert(
                    compensation,
                    CompensationEventV1.STATUS_OF_TYPE.get(event.event().type()),
                    now);
            if (CompensationEventV1.APPROVED.equals(event.event().type())) {
                count(compensation);
            }
        }
    }

    private void upsert(CompensationEventV1 e, String status, Instant now) {
        UUID explicitTicket = uuidOrNull(e.ticketId());
        Instant paidAt = "PAID".equals(status) ? e.occurredAt() : null;
        em.unwrap(Session.class).doWork((Connection connection) -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                int i = 1;
                upsert.setObject(i++, e.compensationId());
                upsert.setString(i++, e.shopId());
                upsert.setString(i++, e.orderId());
                setUuid(upsert, i++, explicitTicket);
                upsert.setString(i++, e.shopId());
                upsert.setString(i++, e.orderId());
                setUuid(upsert, i++, uuidOrNull(e.agentId()));
                upsert.setString(i++, e.type());
                upsert.setLong(i++, e.amountFen());
                upsert.setString(i++, status);
                setInstant(upsert, i++, paidAt);
                setInstant(upsert, i++, now);
                upsert.setBoolean(i, explicitTicket != null);
                upsert.executeUpdate();
            }
        });
    }

    /**
     * Money paid out (recovery economics): the approved amount on the day of occurredAt, by type, for
     * the agent who offered it ({@code agentId}, whoever approved it: spec-17 and the reporting job),
     * and under the product and complaint reasons of the ticket it is linked to.
     */
    private void count(CompensationEventV1 e) {
        String[] sku = new String[1];
        List<String> reasons = new java.util.ArrayList<>();
        em.unwrap(Session.class).doWork((Connection connection) -> {
            try (PreparedStatement ticket = connection.prepareStatement("""
                    SELECT t.item_sku, t.complaint_reasons FROM ticket_compensation c JOIN ticket t ON t.id = c.ticket_id
                    WHERE c.compensation_id = ? AND t.shop_id = ?""")) {
                ticket.setObject(1, e.compensationId());
                ticket.setString(2, e.shopId());
                try (java.sql.ResultSet rs = ticket.executeQuery()) {
                    if (rs.next()) {
                        sku[0] = rs.getString(1);
                        java.sql.Array array = rs.getArray(2);
                        if (array != null) {
                            reasons.addAll(List.of((String[]) array.getArray()));
                        }
                    }
                }
            }
        });
        ledger.compensationApproved(e.shopId(), e.agentId(), sku[0], reasons, e.type(), e.amountFen(), e.occurredAt());
    }

    /** Ticket and agent ids are strings on the wire; one that is not a UUID is not one of ours. */
    static UUID uuidOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    private static void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private static String rank(String status) {
        return "(CASE " + status + " WHEN 'REQUESTED' THEN 1 WHEN 'APPROVED' THEN 2 WHEN 'REJECTED' THEN 2"
                + " WHEN 'PAID' THEN 3 ELSE 0 END)";
    }
}
