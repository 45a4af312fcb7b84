package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.messaging.TicketEvents;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;

/**
 * Does the job of the person who used to refresh the review list and hand out each new bad
 * review: gives waiting tickets, most urgent first, to the right agent on shift (see {@link Routing}).
 *
 * <p>Every change that can start or free work (new tickets, a resolved ticket, an agent coming
 * online, gaining capacity or changing shift) takes the shop's dispatch lock, changes state, then
 * calls {@link #assignWaiting}. The lock is a PostgreSQL transaction-scoped advisory lock, so any
 * number of service instances see one consistent queue: no ticket is assigned twice, no agent
 * exceeds capacity, and no waiting ticket is missed when capacity appears.
 */
@ApplicationScoped
public class Dispatcher {

    /** Tickets fetched per round; more rounds follow while agents have room. */
    private static final int ROUND = 500;

    private final EntityManager em;
    private final TicketEvents events;
    private final TicketSettingsStore settings;
    private final Clock clock;

    public Dispatcher(EntityManager em, TicketEvents events, TicketSettingsStore settings, Clock clock) {
        this.em = em;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Serialises all dispatch decisions of one shop until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockShop(String shopId) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) AS locked")
                .setParameter(1, "dispatch:" + shopId)
                .getSingleResult();
    }

    /** Most urgent first: higher priority, then opened earlier. */
    static final Comparator<Ticket> MOST_URGENT = Comparator.<Ticket>comparingLong(t -> -t.priority)
            .thenComparing(t -> t.openedAt)
            .thenComparing(t -> t.id);

    /**
     * Stores new tickets and hands out what fits; the caller holds the shop's lock. Usually nothing
     * of the shop is waiting: then the new tickets are routed here, most urgent first, and stored
     * already assigned (one insert each, no update, no second look at them). Otherwise they join
     * the queue and {@link #assignWaiting} hands out the whole queue in priority order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(String shopId, List<Ticket> opened) {
        List<Agent> available = onShiftWithRoom(shopId);
        if (available.isEmpty() || anyWaiting(shopId)) {
            opened.forEach(ticket -> ticket.persist());
            if (!available.isEmpty()) {
                assignWaiting(shopId);
            }
            return;
        }
        List<Ticket> urgentFirst = new ArrayList<>(opened);
        urgentFirst.sort(MOST_URGENT);
        for (Ticket ticket : urgentFirst) {
            Routing.Choice choice = available.isEmpty() ? null : Routing.choose(ticket, available);
            if (choice != null) {
                assign(ticket, choice.agent(), choice.reason().name());
                if (!choice.agent().hasRoom()) {
                    available.remove(choice.agent());
                }
            }
        }
        opened.forEach(ticket -> ticket.persist());
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
        List<Agent> available = onShiftWithRoom(shopId);
        int assigned = 0;
        int skipped = 0;
        while (!available.isEmpty()) {
            List<Ticket> waiting = mostUrgentWaiting(shopId, skipped, ROUND);
            for (Ticket ticket : waiting) {
                Routing.Choice choice = Routing.choose(ticket, available);
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
        ticket.status = TicketStatus.ASSIGNED;
        ticket.agentId = agent.id;
        ticket.assignedAt = now;
        agent.openTickets++;
        agent.lastAssignedAt = now;
        agent.updatedAt = now;
        events.assigned(ticket, agent, reason);
    }

    private List<Agent> onShiftWithRoom(String shopId) {
        TicketSettings shop = settings.effective(shopId);
        LocalTime now = Instant.now(clock).atZone(shop.zone()).toLocalTime();
        List<Agent> agents = Agent.<Agent>find("shopId = ?1 and tier in ?2 and status = ?3 and openTickets < capacity",
                shopId, List.of(Tier.REVIEW_RECOVERY, Tier.SUPERVISOR), AgentStatus.ONLINE).list();
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
        return Ticket.<Ticket>find("shopId = ?1 and status = " + WAITING + " order by priority desc, openedAt, id", shopId)
                .range(skip, skip + limit - 1).list();
    }

    private static boolean anyWaiting(String shopId) {
        return Ticket.find("shopId = ?1 and status = " + WAITING, shopId).firstResultOptional().isPresent();
    }

    private static final String WAITING = "shop.winback.ticket.domain.TicketStatus.WAITING";
}
