package shop.winback.ticket.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.Shift;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.messaging.out.TicketEvents;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;

/**
 * 晚班交接: when the day shift starts, what the night shift left open — tickets of night-shift
 * agents and tickets nobody took overnight — is handed to the day shift by the same routing
 * rules, listed in the day's handover report, and must be touched (a contact attempt or a
 * resolution) by the shop's touch-by time (default noon), else it escalates (SlaWatch).
 * Once per shop and local day, whichever instance gets there first.
 */
@ApplicationScoped
public class NightHandover {

    private final Dispatcher dispatcher;
    private final TicketEvents events;
    private final TicketSettingsStore settings;
    private final EntityManager em;
    private final Clock clock;

    public NightHandover(
            Dispatcher dispatcher, TicketEvents events, TicketSettingsStore settings, EntityManager em, Clock clock) {
        this.dispatcher = dispatcher;
        this.events = events;
        this.settings = settings;
        this.em = em;
        this.clock = clock;
    }

    public record HandedOver(
            UUID ticketId, String orderId, UUID fromAgentId, UUID toAgentId, boolean touched, String status) {}

    public record Report(
            UUID id,
            String shopId,
            LocalDate shiftDate,
            Instant startedAt,
            Instant touchBy,
            List<HandedOver> tickets) {}

    @Scheduled(
            every = "${ticket.handover-check-interval:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<String> shops = em.createNativeQuery("SELECT DISTINCT shop_id FROM agent WHERE shift = 'NIGHT'")
                .getResultList();
        for (String shop : shops) {
            try {
                if (dayShiftRunning(shop, now)) {
                    handOver(shop, now);
                }
            } catch (RuntimeException e) {
                Log.warnf(e, "handover of shop %s failed; the next check retries", shop);
            }
        }
    }

    /**
     * Whether the shop's handover may be due now: its day shift is running and it has night-shift
     * agents (as the minute check decides; the day's handover itself happens once, see handOver).
     */
    @Transactional
    public boolean mayBeDue(String shopId, Instant now) {
        return dayShiftRunning(shopId, now)
                && !em.createNativeQuery("SELECT 1 FROM agent WHERE shop_id = ?1 AND shift = 'NIGHT' LIMIT 1")
                        .setParameter(1, shopId)
                        .getResultList()
                        .isEmpty();
    }

    private boolean dayShiftRunning(String shopId, Instant now) {
        TicketSettings shop = settings.effective(shopId);
        return shop.hoursOf(Shift.DAY).contains(now.atZone(shop.zone()).toLocalTime());
    }

    /**
     * Hands over what the night left open, unless this shop's handover of the day was done.
     *
     * @return the report, or null when the day's handover had already been done
     */
    @Transactional
    public Report handOver(String shopId, Instant now) {
        TicketSettings shop = settings.effective(shopId);
        ZonedDateTime local = now.atZone(shop.zone());
        LocalDate day = local.toLocalDate();
        Instant touchBy = day.atTime(shop.handoverTouchBy()).atZone(shop.zone()).toInstant();
        Instant dayStart = day.atTime(shop.dayShiftStart()).atZone(shop.zone()).toInstant();
        UUID id = UUID.randomUUID();
        int created = em.createNativeQuery("""
                        INSERT INTO handover (id, shop_id, shift_date, started_at, touch_by) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (shop_id, shift_date) DO NOTHING""")
                .setParameter(1, id)
                .setParameter(2, shopId)
                .setParameter(3, day)
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, Timestamp.from(touchBy))
                .executeUpdate();
        if (created == 0) {
            return null;
        }
        dispatcher.lockShop(shopId);
        List<Ticket> leftOpen =
                Ticket.list("""
                shopId = ?1 and (status = ?2 and agentId in (select a.id from Agent a where a.shopId = ?1 and a.shift = ?3)
                                 or status = ?4 and openedAt < ?5) order by priority desc, openedAt""", shopId, TicketStatus.ASSIGNED, Shift.NIGHT, TicketStatus.WAITING, dayStart);
        Map<UUID, UUID> from = new HashMap<>();
        for (Ticket ticket : leftOpen) {
            from.put(ticket.id, ticket.agentId);
            if (ticket.status == TicketStatus.ASSIGNED) {
                Agent night = Agent.findById(ticket.agentId);
                night.openTickets--;
                night.updatedAt = now;
                ticket.status = TicketStatus.WAITING;
                ticket.agentId = null;
            }
            ticket.handedOverAt = now;
            ticket.handoverDueAt = touchBy;
            em.createNativeQuery(
                            "INSERT INTO handover_ticket (handover_id, ticket_id, from_agent_id) VALUES (?1, ?2, ?3)")
                    .setParameter(1, id)
                    .setParameter(2, ticket.id)
                    .setParameter(3, from.get(ticket.id))
                    .executeUpdate();
        }
        em.flush();
        dispatcher.assignWaiting(shopId);
        List<HandedOver> handed = new ArrayList<>();
        for (Ticket ticket : leftOpen) {
            events.handedOver(ticket, id, from.get(ticket.id), touchBy);
            handed.add(new HandedOver(
                    ticket.id, ticket.orderId, from.get(ticket.id), ticket.agentId, false, ticket.status.name()));
        }
        Log.infof("handover of shop %s for %s: %d tickets", shopId, day, handed.size());
        return new Report(id, shopId, day, now, touchBy, handed);
    }

    /** The shop's handover report of a local day, with who has touched what since. */
    @Transactional
    public Report report(String shopId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery(
                        "SELECT id, started_at, touch_by FROM handover WHERE shop_id = ?1 AND shift_date = ?2")
                .setParameter(1, shopId)
                .setParameter(2, day)
                .getResultList();
        if (head.isEmpty()) {
            return null;
        }
        UUID id = (UUID) head.get(0)[0];
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT t.id, t.order_id, h.from_agent_id, t.agent_id,
                               (t.last_touched_at IS NOT NULL AND t.last_touched_at >= t.handed_over_at), t.status
                        FROM handover_ticket h JOIN ticket t ON t.id = h.ticket_id
                        WHERE h.handover_id = ?1 ORDER BY t.opened_at, t.id""").setParameter(1, id).getResultList();
        List<HandedOver> tickets = rows.stream()
                .map(r -> new HandedOver(
                        (UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3], (Boolean) r[4], (String) r[5]))
                .toList();
        return new Report(
                id, shopId, day, SqlValues.instant(head.get(0)[1]), SqlValues.instant(head.get(0)[2]), tickets);
    }
}
