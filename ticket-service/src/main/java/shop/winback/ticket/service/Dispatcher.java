package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.messaging.TicketEvents;

/**
 * Does the job of the person who used to refresh the review list and hand out each new bad
 * review: gives waiting tickets, most urgent first, to ONLINE review-recovery agents with room —
 * fewest open tickets first, then whoever has waited longest since their last assignment.
 *
 * <p>Every change that can start or free work (new tickets, a closed ticket, an agent coming
 * online or gaining capacity) takes the shop's dispatch lock, changes state, then calls
 * {@link #assignWaiting}. The lock is a PostgreSQL transaction-scoped advisory lock, so any number
 * of service instances see one consistent queue: no ticket is assigned twice, no agent exceeds
 * capacity, and no waiting ticket is missed when capacity appears.
 */
@ApplicationScoped
public class Dispatcher {

    /** Recovery work goes to the 中差评 team. */
    static final Tier RECOVERY_TIER = Tier.REVIEW_RECOVERY;

    /** Who gets the next ticket: fewest open tickets, then longest since the last assignment (never = longest). */
    static final Comparator<Agent> NEXT_AGENT = Comparator.<Agent>comparingInt(a -> a.openTickets)
            .thenComparing(a -> a.lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.createdAt)
            .thenComparing(a -> a.id.toString());

    /** Tickets fetched per round; more rounds follow while agents have room. */
    private static final int ROUND = 500;

    private final EntityManager em;
    private final TicketEvents events;
    private final Clock clock;

    public Dispatcher(EntityManager em, TicketEvents events, Clock clock) {
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    /** Serialises all dispatch decisions of one shop until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockShop(String shopId) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) AS locked")
                .setParameter(1, "dispatch:" + shopId)
                .getSingleResult();
    }

    /** Queues new tickets and hands out what fits; the caller holds the shop's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(String shopId, List<Ticket> opened) {
        opened.forEach(ticket -> ticket.persist());
        assignWaiting(shopId);
    }

    /**
     * Assigns waiting tickets, most urgent first, while someone has room; the caller holds the
     * shop's lock. Two queries a round (who has room, what waits), whatever the number of tickets.
     *
     * @return how many tickets were assigned
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int assignWaiting(String shopId) {
        int assigned = 0;
        while (true) {
            PriorityQueue<Agent> withRoom = new PriorityQueue<>(NEXT_AGENT);
            withRoom.addAll(agentsWithRoom(shopId));
            if (withRoom.isEmpty()) {
                return assigned;
            }
            List<Ticket> waiting = mostUrgentWaiting(shopId, (int) Math.min(ROUND, room(withRoom)));
            for (Ticket ticket : waiting) {
                Agent agent = withRoom.poll();
                assign(ticket, agent);
                assigned++;
                if (agent.hasRoom()) {
                    withRoom.add(agent); // re-ranked: one more open ticket, just assigned
                }
                if (withRoom.isEmpty()) {
                    return assigned;
                }
            }
            if (waiting.size() < ROUND) {
                return assigned;
            }
        }
    }

    private void assign(Ticket ticket, Agent agent) {
        Instant now = Instant.now(clock);
        ticket.status = TicketStatus.ASSIGNED;
        ticket.agentId = agent.id;
        ticket.assignedAt = now;
        agent.openTickets++;
        agent.lastAssignedAt = now;
        agent.updatedAt = now;
        events.assigned(ticket, agent);
    }

    private static long room(PriorityQueue<Agent> agents) {
        return agents.stream().mapToLong(a -> a.capacity - a.openTickets).sum();
    }

    private static List<Agent> agentsWithRoom(String shopId) {
        return Agent.<Agent>find("shopId = ?1 and tier = ?2 and status = ?3 and openTickets < capacity",
                shopId, RECOVERY_TIER, AgentStatus.ONLINE).list();
    }

    /** Most urgent first: higher priority, then opened earlier. */
    private static List<Ticket> mostUrgentWaiting(String shopId, int limit) {
        return Ticket.<Ticket>find("shopId = ?1 and status = ?2 order by priority desc, openedAt, id",
                shopId, TicketStatus.WAITING).page(0, limit).list();
    }
}
