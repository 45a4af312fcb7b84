package shop.winback.ticket.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.messaging.out.TicketEvents;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;

/**
 * Escalates breached service levels to a supervisor: first contact, resolution, the morning
 * handover, and a ticket nobody took within the shop's queue-wait limit. The deadlines are columns of the ticket (business time, computed when the clock
 * starts), so a restart forgets nothing; every instance scans, and the (ticket, reason) key of
 * {@code ticket_escalation} lets exactly one of them escalate each breach.
 */
@ApplicationScoped
public class SlaWatch {

    /** Breaches handled per scan; the next scan takes the rest. */
    private static final int BATCH = 500;

    public enum Breach {
        FIRST_CONTACT_OVERDUE,
        RESOLUTION_OVERDUE,
        HANDOVER_OVERDUE,
        /** Nobody took the ticket within the shop's queue-wait limit. */
        QUEUE_WAIT_OVERDUE
    }

    /** Where a ticket records that a breach of each kind was escalated (the scan's indexes leave it out then). */
    private static final Map<String, String> ESCALATED_AT = Map.of(
            Breach.FIRST_CONTACT_OVERDUE.name(), "first_contact_escalated_at",
            Breach.RESOLUTION_OVERDUE.name(), "resolution_escalated_at",
            Breach.HANDOVER_OVERDUE.name(), "handover_escalated_at",
            Breach.QUEUE_WAIT_OVERDUE.name(), "queue_escalated_at");

    private final EntityManager em;
    private final TicketEvents events;
    private final TicketSettingsStore settings;
    private final Clock clock;

    public SlaWatch(EntityManager em, TicketEvents events, TicketSettingsStore settings, Clock clock) {
        this.em = em;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            every = "${ticket.sla-scan-interval:10s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scan() {
        try {
            int escalated = escalateOverdue(Instant.now(clock));
            if (escalated > 0) {
                Log.infof("escalated %d breached service levels", escalated);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "SLA scan failed; the next scan retries");
        }
    }

    /** Escalates what is overdue at {@code now}; returns how many breaches were escalated. */
    @Transactional
    public int escalateOverdue(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> overdue = em.createNativeQuery("""
                        SELECT t.id, 'FIRST_CONTACT_OVERDUE', t.first_contact_due_at FROM ticket t
                        WHERE t.status <> 'CLOSED' AND t.first_contact_at IS NULL AND t.first_contact_escalated_at IS NULL
                          AND t.first_contact_due_at <= ?1
                        UNION ALL
                        SELECT t.id, 'RESOLUTION_OVERDUE', t.resolution_due_at FROM ticket t
                        WHERE t.status <> 'CLOSED' AND t.resolution_escalated_at IS NULL AND t.resolution_due_at <= ?1
                        UNION ALL
                        SELECT t.id, 'HANDOVER_OVERDUE', t.handover_due_at FROM ticket t
                        WHERE t.status <> 'CLOSED' AND t.handover_due_at IS NOT NULL AND t.handover_escalated_at IS NULL
                          AND (t.last_touched_at IS NULL OR t.last_touched_at < t.handed_over_at) AND t.handover_due_at <= ?1
                        UNION ALL
                        SELECT t.id, 'QUEUE_WAIT_OVERDUE', t.queue_due_at FROM ticket t
                        WHERE t.status = 'WAITING' AND t.queue_due_at IS NOT NULL AND t.queue_escalated_at IS NULL
                          AND t.queue_due_at <= ?1
                        LIMIT ?2""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, BATCH)
                .getResultList();
        Map<String, Optional<Agent>> supervisors = new HashMap<>();
        int escalated = 0;
        for (Object[] row : overdue) {
            Ticket ticket = Ticket.findById(row[0]);
            String reason = (String) row[1];
            Instant dueAt = SqlValues.instant(row[2]);
            Agent supervisor = supervisors
                    .computeIfAbsent(ticket.shopId, shop -> supervisorOnShift(shop, now))
                    .orElse(null);
            int inserted = em.createNativeQuery("""
                            INSERT INTO ticket_escalation (ticket_id, reason, shop_id, agent_id, supervisor_id, due_at, escalated_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING""")
                    .setParameter(1, ticket.id)
                    .setParameter(2, reason)
                    .setParameter(3, ticket.shopId)
                    .setParameter(4, ticket.agentId)
                    .setParameter(5, supervisor == null ? null : supervisor.id)
                    .setParameter(6, Timestamp.from(dueAt))
                    .setParameter(7, Timestamp.from(now))
                    .executeUpdate();
            // escalated, here or by another instance a moment ago: the ticket leaves the scan for this breach
            em.createNativeQuery("UPDATE ticket SET " + ESCALATED_AT.get(reason) + " = ?1 WHERE id = ?2")
                    .setParameter(1, Timestamp.from(now))
                    .setParameter(2, ticket.id)
                    .executeUpdate();
            if (inserted == 1) { // another instance may have escalated it a moment ago
                events.escalated(ticket, reason, supervisor == null ? null : supervisor.id, dueAt, now);
                escalated++;
            }
        }
        return escalated;
    }

    /** The supervisor on shift with the fewest open tickets; none: the escalation waits for any supervisor. */
    private Optional<Agent> supervisorOnShift(String shopId, Instant now) {
        TicketSettings shop = settings.effective(shopId);
        LocalTime local = now.atZone(shop.zone()).toLocalTime();
        return Agent.<Agent>list(
                        "shopId = ?1 and tier = ?2 and status = ?3", shopId, Tier.SUPERVISOR, AgentStatus.ONLINE)
                .stream()
                .filter(a -> Routing.onShift(a, shop, local))
                .min(Routing.NEXT_AGENT);
    }

    /** A ticket's escalations, oldest first. */
    public record Escalation(String reason, UUID supervisorId, Instant dueAt, Instant escalatedAt) {}

    @Transactional
    public List<Escalation> of(UUID ticketId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT reason, supervisor_id, due_at, escalated_at FROM ticket_escalation
                        WHERE ticket_id = ?1 ORDER BY escalated_at, reason""").setParameter(1, ticketId).getResultList();
        return rows.stream()
                .map(r -> new Escalation((String) r[0], (UUID) r[1], SqlValues.instant(r[2]), SqlValues.instant(r[3])))
                .toList();
    }
}
