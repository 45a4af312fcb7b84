package shop.winback.ticket.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import shop.winback.ticket.settings.TicketSettingsStore;

/**
 * A shift starts (or ends): the queue is handed out at once. Tickets that arrived while nobody was
 * on shift go to the agents whose shift has just begun, without waiting for a review, an agent
 * change or a resolution; a ticket for a supervisor goes to a manager when the supervisors' shift
 * has ended (see Routing).
 *
 * <p>A durable timer like the SLA deadlines: {@code shift_change_timer} holds each shop's next
 * shift change, so a restart forgets nothing (a change missed while no instance ran fires at
 * start). Every instance checks every few seconds; the shop's dispatch lock, the same the
 * Dispatcher takes for every assignment, lets exactly one of them fire each change, so no ticket
 * is assigned twice and no agent exceeds capacity.
 */
@ApplicationScoped
public class ShiftChanges {

    /** Shops fired per check; the next check takes the rest. */
    private static final int BATCH = 100;

    private final Dispatcher dispatcher;
    private final NightHandover handover;
    private final TicketSettingsStore settings;
    private final EntityManager em;
    private final Clock clock;

    public ShiftChanges(
            Dispatcher dispatcher,
            NightHandover handover,
            TicketSettingsStore settings,
            EntityManager em,
            Clock clock) {
        this.dispatcher = dispatcher;
        this.handover = handover;
        this.settings = settings;
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(
            every = "${ticket.shift-change-check-interval:5s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        for (String shop : due(Instant.now(clock))) {
            try {
                int assigned = fire(shop);
                if (assigned > 0) {
                    Log.infof("shift change in shop %s: %d waiting tickets assigned", shop, assigned);
                }
            } catch (RuntimeException e) {
                Log.warnf(e, "shift change of shop %s failed; the next check retries", shop);
            }
        }
    }

    /** Shops whose shift change is due at {@code now}, earliest first. */
    @Transactional
    public List<String> due(Instant now) {
        @SuppressWarnings("unchecked")
        List<String> shops = em.createNativeQuery(
                        "SELECT shop_id FROM shift_change_timer WHERE due_at <= ?1 ORDER BY due_at LIMIT ?2")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, BATCH)
                .getResultList();
        return shops;
    }

    /**
     * Hands out the shop's queue if its shift change is due, and sets the next one. Another
     * instance that fired it a moment ago (it held the lock) has moved the timer on: nothing happens.
     *
     * @return how many waiting tickets were assigned
     */
    @Transactional
    public int fire(String shopId) {
        dispatcher.lockShop(shopId);
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<Object> due = em.createNativeQuery("SELECT due_at FROM shift_change_timer WHERE shop_id = ?1")
                .setParameter(1, shopId)
                .getResultList();
        if (due.isEmpty() || SqlValues.instant(due.get(0)).isAfter(now)) {
            return 0;
        }
        settings.fresh(shopId); // the shifts as they are now, also when changed through another instance
        if (handover.mayBeDue(shopId, now)) {
            // the day shift starts: what the night left open is handed over (listed, touch-by noon), not merely routed
            handover.handOver(shopId, now);
        }
        int assigned = dispatcher.assignWaiting(shopId);
        schedule(shopId, now, true);
        return assigned;
    }

    /**
     * Sets the shop's next shift change after {@code now} from its settings as they are now; the
     * caller holds the shop's lock. {@code replace}: also when the shop has a timer (its shifts changed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String shopId, Instant now, boolean replace) {
        Instant next = settings.fresh(shopId).nextShiftChange(now);
        em.createNativeQuery(
                        "INSERT INTO shift_change_timer (shop_id, due_at) VALUES (?1, ?2) ON CONFLICT (shop_id) DO "
                                + (replace ? "UPDATE SET due_at = excluded.due_at" : "NOTHING"))
                .setParameter(1, shopId)
                .setParameter(2, Timestamp.from(next))
                .executeUpdate();
    }

    /** The shop's shifts changed: its next shift change follows them. */
    @Transactional
    public void shiftsChanged(String shopId) {
        dispatcher.lockShop(shopId);
        schedule(shopId, Instant.now(clock), true);
        // who is on shift may have changed right now
        dispatcher.assignWaiting(shopId);
    }
}
