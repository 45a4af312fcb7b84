package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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
 * <p>Every change that can start or free work (a new ticket, a closed ticket, an agent coming
 * online or gaining capacity) takes the shop's dispatch lock, changes state, then calls
 * {@link #assignWaiting}. The lock is a PostgreSQL transaction-scoped advisory lock, so any number
 * of service instances see one consistent queue: no ticket is assigned twice, no agent exceeds
 * capacity, and no waiting ticket is missed when capacity appears.
 */
@ApplicationScoped
public class Dispatcher {

    /** Recovery work goes to the 中差评 team. */
    static final Tier RECOVERY_TIER = Tier.REVIEW_RECOVERY;

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

    /** Assigns waiting tickets while someone has room; the caller holds the shop's lock. Returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int assignWaiting(String shopId) {
        int assigned = 0;
        while (true) {
            Optional<Agent> agent = nextFreeAgent(shopId);
            if (agent.isEmpty()) {
                return assigned;
            }
            Optional<Ticket> ticket = mostUrgentWaiting(shopId);
            if (ticket.isEmpty()) {
                return assigned;
            }
            assign(ticket.get(), agent.get());
            assigned++;
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

    private static Optional<Agent> nextFreeAgent(String shopId) {
        return Agent.<Agent>find("""
                        shopId = ?1 and tier = ?2 and status = ?3 and openTickets < capacity
                        order by openTickets, lastAssignedAt nulls first, createdAt, id""",
                shopId, RECOVERY_TIER, AgentStatus.ONLINE).firstResultOptional();
    }

    private static Optional<Ticket> mostUrgentWaiting(String shopId) {
        return Ticket.<Ticket>find("shopId = ?1 and status = ?2 order by priority desc, openedAt, id",
                shopId, TicketStatus.WAITING).firstResultOptional();
    }
}
