package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import shop.winback.platform.problem.ConflictProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.problem.ProblemException;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.messaging.out.TicketEvents;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;
import shop.winback.ticket.stats.EconomicsLedger;

/**
 * A supervisor (or manager) moves a ticket to another agent; an agent going offline hands their
 * open tickets back to the queue. The agents' loads move with the ticket; its SLA clocks keep
 * running (the deadlines stay as they were). Under the shop's dispatch lock, like every assignment.
 */
@ApplicationScoped
public class Reassignments {

    /** Why a ticket changed hands ({@code ticket.reassigned.v1}). */
    public enum Cause {
        /** Moved to another agent by a supervisor, a manager, or the agent working it. */
        MOVED,
        /** Its agent went offline and gave it back to the queue; it is routed again. */
        HANDED_BACK
    }

    private final EconomicsLedger ledger;
    private final Dispatcher dispatcher;
    private final TicketEvents events;
    private final TicketSettingsStore settings;
    private final EntityManager em;
    private final Clock clock;

    public Reassignments(
            Dispatcher dispatcher,
            TicketEvents events,
            TicketSettingsStore settings,
            EconomicsLedger ledger,
            EntityManager em,
            Clock clock) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.events = events;
        this.settings = settings;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Gives the ticket to the agent, who must be of the ticket's tier or above, ONLINE, on shift and
     * with room; otherwise nothing changes (409 or 422). The previous agent's place goes to the next
     * waiting ticket.
     *
     * @param byAgentId the agent profile of whoever decided, when their token has one
     */
    @Transactional
    public Ticket reassign(UUID ticketId, UUID toAgentId, UUID byAgentId) {
        Ticket ticket =
                Ticket.<Ticket>findByIdOptional(ticketId).orElseThrow(() -> new NotFoundProblem("Ticket", ticketId));
        dispatcher.lockShop(ticket.shopId);
        em.refresh(ticket); // another instance may have changed it before we held the lock
        if (!ticket.isOpen()) {
            throw new ConflictProblem(
                    "ticket-closed",
                    "Ticket already resolved",
                    "Ticket " + ticketId + " was resolved as " + ticket.outcome + " at " + ticket.closedAt
                            + "; a resolved ticket is not reassigned");
        }
        Agent to = Agent.<Agent>find("id = ?1 and shopId = ?2", toAgentId, ticket.shopId)
                .firstResult();
        if (to == null) {
            throw new ProblemException(
                    422,
                    "urn:winback:problem:unknown-agent",
                    "No such agent",
                    "agentId: the shop has no agent " + toAgentId);
        }
        em.refresh(to);
        requireCanTake(ticket, to);
        Instant now = Instant.now(clock);
        UUID from = ticket.status == TicketStatus.ASSIGNED ? ticket.agentId : null;
        if (from != null) {
            Agent previous = Agent.findById(from);
            em.refresh(previous);
            previous.openTickets--;
            previous.updatedAt = now;
        }
        if (ticket.assignedAt == null) { // a waiting ticket given by hand to its first agent
            ledger.firstAssigned(ticket, to.id, now);
        }
        ticket.status = TicketStatus.ASSIGNED;
        ticket.agentId = to.id;
        ticket.assignedAt = now;
        to.openTickets++;
        to.lastAssignedAt = now;
        to.updatedAt = now;
        events.reassigned(ticket, from, to, Cause.MOVED.name(), byAgentId, now);
        em.flush();
        if (from != null) {
            dispatcher.assignWaiting(ticket.shopId); // the previous agent has room for the next waiting ticket
        }
        return ticket;
    }

    /** Who may be given a ticket by hand: the routing rules, but any tier at or above the ticket's. */
    private void requireCanTake(Ticket ticket, Agent to) {
        if (Objects.equals(to.id, ticket.agentId) && ticket.status == TicketStatus.ASSIGNED) {
            throw new ConflictProblem(
                    "already-assigned",
                    "Already the ticket's agent",
                    "Ticket " + ticket.id + " is already assigned to agent " + to.id);
        }
        if (to.tier.compareTo(ticket.requiredTier) < 0) {
            throw new ProblemException(
                    422,
                    "urn:winback:problem:insufficient-tier",
                    "Agent's tier too low",
                    "agentId: the ticket needs " + ticket.requiredTier + " or above; agent " + to.id + " is "
                            + to.tier);
        }
        if (to.status != AgentStatus.ONLINE) {
            throw new ConflictProblem("agent-not-online", "Agent not online", "Agent " + to.id + " is " + to.status);
        }
        TicketSettings shop = settings.effective(ticket.shopId);
        if (!Routing.onShift(to, shop, Instant.now(clock).atZone(shop.zone()).toLocalTime())) {
            throw new ConflictProblem(
                    "agent-off-shift",
                    "Agent off shift",
                    "Agent " + to.id + " works the " + to.shift + " shift, which is not running now");
        }
        if (!to.hasRoom()) {
            throw new ConflictProblem(
                    "agent-at-capacity",
                    "Agent at capacity",
                    "Agent " + to.id + " already works " + to.openTickets + " of at most " + to.capacity + " tickets");
        }
    }

    /**
     * The agent's open tickets go back to the queue (their SLA clocks keep running; the queue-wait
     * limit starts again); the caller holds the shop's lock and routes the queue afterwards.
     *
     * @return how many tickets were handed back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int handBack(Agent agent, UUID byAgentId) {
        Instant now = Instant.now(clock);
        TicketSettings shop = settings.effective(agent.shopId);
        List<Ticket> open = Ticket.list("agentId = ?1 and status = ?2", agent.id, TicketStatus.ASSIGNED);
        for (Ticket ticket : open) {
            ticket.status = TicketStatus.WAITING;
            ticket.agentId = null;
            ticket.queueDueAt = shop.businessHours().plus(now, shop.queueWait());
            events.reassigned(ticket, agent.id, null, Cause.HANDED_BACK.name(), byAgentId, now);
        }
        agent.openTickets -= open.size();
        agent.updatedAt = now;
        em.flush();
        return open.size();
    }
}
