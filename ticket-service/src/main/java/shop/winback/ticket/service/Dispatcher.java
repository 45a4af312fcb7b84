package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.messaging.out.TicketEvents;
import shop.winback.ticket.repository.TicketStore;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;
import shop.winback.ticket.stats.EconomicsLedger;

/**
 * Does the job of the person who used to refresh the review list and hand out each new bad
 * review: gives waiting tickets, most urgent first, to the right agent on shift (see {@link Routing}).
 *
 * <p>Every change that can start or free work (new tickets, a resolved ticket, an agent coming
 * online, gaining capacity or changing shift, a shift of the shop starting or ending (ShiftChanges),
 * a reassignment) takes the shop's dispatch lock, changes state, then
 * calls {@link #assignWaiting}. The lock is a PostgreSQL transaction-scoped advisory lock, so any
 * number of service instances see one consistent queue: no ticket is assigned twice, no agent
 * exceeds capacity, and no waiting ticket is missed when capacity appears.
 */
@ApplicationScoped
public class Dispatcher {

    /** Tickets fetched per round; more rounds follow while agents have room. */
    private static final int ROUND = 500;

    private final EconomicsLedger ledger;
    private final TicketStore store;
    private final TicketEvents events;
    private final TicketSettingsStore settings;
    private final Clock clock;

    public Dispatcher(
            TicketStore store, TicketEvents events, TicketSettingsStore settings, EconomicsLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Serialises all dispatch decisions of one shop until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockShop(String shopId) {
        store.lockShops(List.of(shopId));
    }

    /** Most urgent first: higher priority, then opened earlier. */
    static final Comparator<Ticket> MOST_URGENT = Comparator.<Ticket>comparingLong(t -> -t.priority)
            .thenComparing(t -> t.openedAt)
            .thenComparing(t -> t.id);

    /**
     * Stores new tickets and hands out what fits; the caller holds the shops' locks. Usually
     * nothing of a shop is waiting: then its new tickets are routed here, most urgent first, and
     * stored already assigned — for all shops together, one read of the agents, one insert batch and
     * one counter update. Otherwise they join the queue and {@link #assignWaiting} hands out the
     * shop's whole queue in priority order.
     *
     * @param openedByShop new, unsaved tickets by shop (a shop may have none: its queue is looked at all the same)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(Map<String, List<Ticket>> openedByShop) {
        if (openedByShop.isEmpty()) {
            return;
        }
        TicketStore.Staff staff = store.staff(openedByShop.keySet());
        List<Ticket> toStore = new ArrayList<>();
        Map<Agent, Integer> assignedTo = new HashMap<>();
        List<String> queues = new ArrayList<>();
        openedByShop.forEach((shopId, opened) -> {
            List<Agent> onShift = onShift(shopId, staff.online().getOrDefault(shopId, List.of()));
            boolean supervisorOnShift = supervisorAmong(onShift);
            List<Agent> available = withRoom(onShift);
            toStore.addAll(opened);
            if (available.isEmpty() || staff.queueWaiting().contains(shopId)) {
                if (!available.isEmpty()) {
                    queues.add(shopId); // the new tickets wait their turn behind the older ones
                }
                return;
            }
            List<Ticket> urgentFirst = new ArrayList<>(opened);
            urgentFirst.sort(MOST_URGENT);
            for (Ticket ticket : urgentFirst) {
                Routing.Choice choice =
                        available.isEmpty() ? null : Routing.choose(ticket, available, supervisorOnShift);
                if (choice != null) {
                    assign(ticket, choice.agent(), choice.reason().name());
                    assignedTo.merge(choice.agent(), 1, Integer::sum);
                    if (!choice.agent().hasRoom()) {
                        available.remove(choice.agent());
                    }
                }
            }
        });
        store.insert(toStore);
        store.assigned(assignedTo);
        queues.forEach(this::assignWaiting);
    }

    /**
     * Assigns waiting tickets, most urgent first, to eligible agents on shift; the caller holds the
     * shop's lock. A ticket nobody may take now (no supervisor online, no one with the skill) stays
     * waiting and the next one is tried. Two queries a round, whatever the number of tickets.
     *
     * @return how many tickets were assigned
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int assignWaiting(String shopId) {
        List<Agent> onShift = onShift(
                shopId,
                Agent.<Agent>find(
                                "shopId = ?1 and status = ?2 and (tier in ?3 and openTickets < capacity or tier = ?4)",
                                shopId,
                                AgentStatus.ONLINE,
                                List.of(Tier.REVIEW_RECOVERY, Tier.SUPERVISOR, Tier.MANAGER),
                                Tier.SUPERVISOR)
                        .list());
        boolean supervisorOnShift = supervisorAmong(onShift);
        List<Agent> available = withRoom(onShift);
        int assigned = 0;
        int skipped = 0;
        while (!available.isEmpty()) {
            List<Ticket> waiting = mostUrgentWaiting(shopId, skipped, ROUND);
            for (Ticket ticket : waiting) {
                Routing.Choice choice = Routing.choose(ticket, available, supervisorOnShift);
                if (choice == null) {
                    skipped++;
                    continue;
                }
                assign(ticket, choice.agent(), choice.reason().name());
                assigned++;
                if (!choice.agent().hasRoom()) {
                    available.remove(choice.agent());
                    if (available.isEmpty()) {
                        break;
                    }
                }
            }
            if (waiting.size() < ROUND) {
                break;
            }
        }
        return assigned;
    }

    /** Gives the ticket to the agent; the caller holds the shop's lock. */
    void assign(Ticket ticket, Agent agent, String reason) {
        Instant now = Instant.now(clock);
        if (ticket.assignedAt == null) { // its first agent: the time to assignment ends (a ticket handed back keeps it)
            ledger.firstAssigned(ticket, agent.id, now);
        }
        ticket.status = TicketStatus.ASSIGNED;
        ticket.agentId = agent.id;
        ticket.assignedAt = now;
        agent.openTickets++;
        agent.lastAssignedAt = now;
        agent.updatedAt = now;
        events.assigned(ticket, agent, reason);
    }

    /** Whether a supervisor is on shift, with room or not: while none is, supervisors' tickets go to a manager. */
    private static boolean supervisorAmong(List<Agent> onShift) {
        return onShift.stream().anyMatch(a -> a.tier == Tier.SUPERVISOR);
    }

    private static List<Agent> withRoom(List<Agent> agents) {
        List<Agent> withRoom = new ArrayList<>(agents.size());
        for (Agent agent : agents) {
            if (agent.hasRoom()) {
                withRoom.add(agent);
            }
        }
        return withRoom;
    }

    private List<Agent> onShift(String shopId, List<Agent> agents) {
        TicketSettings shop = settings.effective(shopId);
        LocalTime now = Instant.now(clock).atZone(shop.zone()).toLocalTime();
        List<Agent> onShift = new ArrayList<>(agents.size());
        for (Agent agent : agents) {
            if (Routing.onShift(agent, shop, now)) {
                onShift.add(agent);
            }
        }
        return onShift;
    }

    /**
     * Most urgent first: higher priority, then opened earlier; after the ones nobody could take.
     * The status is a literal, so even a generic plan uses the index of waiting tickets.
     */
    private static List<Ticket> mostUrgentWaiting(String shopId, int skip, int limit) {
        return Ticket.<Ticket>find(
                        "shopId = ?1 and status = " + WAITING + " order by priority desc, openedAt, id", shopId)
                .range(skip, skip + limit - 1)
                .list();
    }

    private static final String WAITING = "shop.winback.ticket.domain.TicketStatus.WAITING";
}
