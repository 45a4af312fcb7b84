package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Shift;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.messaging.out.TicketEvents;

/** The shop's agents. Whenever one comes online or gains capacity, waiting tickets are handed out. */
@ApplicationScoped
public class AgentRoster {

    private final Dispatcher dispatcher;
    private final Reassignments reassignments;
    private final ShiftChanges shiftChanges;
    private final TicketEvents events;
    private final EntityManager em;
    private final Clock clock;

    public AgentRoster(
            Dispatcher dispatcher,
            Reassignments reassignments,
            ShiftChanges shiftChanges,
            TicketEvents events,
            EntityManager em,
            Clock clock) {
        this.dispatcher = dispatcher;
        this.events = events;
        this.reassignments = reassignments;
        this.shiftChanges = shiftChanges;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Only what is not null changes. {@code handBack}: with status OFFLINE, the agent's open tickets
     * go back to the queue and are routed to others ({@code byAgentId}: who decided, when known).
     */
    public record Change(
            String name,
            Integer capacity,
            AgentStatus status,
            Shift shift,
            String[] skills,
            boolean handBack,
            UUID byAgentId) {}

    @Transactional
    public Agent hire(
            String shopId, String name, Tier tier, int capacity, AgentStatus status, Shift shift, String[] skills) {
        dispatcher.lockShop(shopId);
        Instant now = Instant.now(clock);
        Agent agent = new Agent();
        agent.id = UUID.randomUUID();
        agent.shopId = shopId;
        agent.name = name;
        agent.tier = tier;
        agent.capacity = capacity;
        agent.status = status;
        agent.shift = shift;
        agent.skills = skills;
        agent.createdAt = now;
        agent.updatedAt = now;
        agent.persist();
        events.agentHired(agent); // agents.v1: compensation-service learns the agent's tier (its spending authority)
        shiftChanges.schedule(shopId, now, false); // the shop's first agent starts its shift-change timer
        dispatcher.assignWaiting(shopId);
        return agent;
    }

    @Transactional
    public Agent change(UUID agentId, Change change) {
        Agent agent = Agent.<Agent>findByIdOptional(agentId).orElseThrow(() -> new NotFoundProblem("Agent", agentId));
        dispatcher.lockShop(agent.shopId);
        em.refresh(agent); // the dispatcher of another instance may have just given them a ticket
        if (change.name() != null) {
            agent.name = change.name();
        }
        if (change.capacity() != null) {
            agent.capacity = change.capacity();
        }
        if (change.status() != null) {
            agent.status = change.status();
        }
        if (change.shift() != null) {
            agent.shift = change.shift();
        }
        if (change.skills() != null) {
            agent.skills = change.skills();
        }
        agent.updatedAt = Instant.now(clock);
        if (change.handBack() && agent.status == AgentStatus.OFFLINE) {
            reassignments.handBack(agent, change.byAgentId());
        }
        dispatcher.assignWaiting(agent.shopId);
        return agent;
    }
}
