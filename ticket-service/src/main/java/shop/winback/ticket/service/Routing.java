package shop.winback.ticket.service;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.settings.TicketSettings;

/**
 * Who may take a ticket, and who takes it.
 *
 * <p>Eligible: the ticket's tier (REVIEW_RECOVERY, or SUPERVISOR for a suspected professional
 * bad-reviewer), ONLINE, on shift now, with room, and — when the ticket names a product category
 * and the agent lists skills — that category among them (an agent with no skills takes any). A
 * supervisor's ticket goes to a MANAGER while no supervisor is on shift (ONLINE and within their shift).
 *
 * <p>Among the eligible: the agent who handled this buyer before; else an agent who lists the
 * category; else anyone — each time fewest open tickets first, then longest since the last assignment.
 */
public final class Routing {

    /** Fewest open tickets, then longest since the last assignment (never = longest). */
    static final Comparator<Agent> NEXT_AGENT = Comparator.<Agent>comparingInt(a -> a.openTickets)
            .thenComparing(a -> a.lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.createdAt)
            .thenComparing(a -> a.id.toString());

    /** Why an agent got a ticket (the assigned event says it). */
    public enum Reason {
        RETURNING_BUYER,
        SKILL,
        NEXT_FREE
    }

    public record Choice(Agent agent, Reason reason) {}

    private Routing() {}

    public static boolean onShift(Agent agent, TicketSettings settings, LocalTime now) {
        return settings.hoursOf(agent.shift).contains(now);
    }

    /**
     * The tier that takes the ticket now: its own, except that a supervisor's ticket goes to a
     * manager while no supervisor is on shift (a supervisor on shift but full keeps it: they come free).
     */
    public static Tier takerTier(Ticket ticket, boolean supervisorOnShift) {
        return ticket.requiredTier == Tier.SUPERVISOR && !supervisorOnShift ? Tier.MANAGER : ticket.requiredTier;
    }

    public static boolean eligible(Agent agent, Ticket ticket, boolean supervisorOnShift) {
        return agent.tier == takerTier(ticket, supervisorOnShift)
                && agent.status == AgentStatus.ONLINE
                && agent.hasRoom()
                && (agent.skills.length == 0 || ticket.itemCategory == null || knows(agent, ticket.itemCategory));
    }

    /**
     * The agent for the ticket among those on shift, or null when nobody is eligible.
     *
     * @param supervisorOnShift whether any supervisor of the shop is ONLINE and on shift now, with room or not
     */
    public static Choice choose(Ticket ticket, Collection<Agent> onShift, boolean supervisorOnShift) {
        Agent skilled = null;
        Agent any = null;
        for (Agent agent : onShift) {
            if (!eligible(agent, ticket, supervisorOnShift)) {
                continue;
            }
            if (Objects.equals(agent.id, ticket.preferredAgentId)) {
                return new Choice(agent, Reason.RETURNING_BUYER);
            }
            if (ticket.itemCategory != null
                    && knows(agent, ticket.itemCategory)
                    && (skilled == null || NEXT_AGENT.compare(agent, skilled) < 0)) {
                skilled = agent;
            }
            if (any == null || NEXT_AGENT.compare(agent, any) < 0) {
                any = agent;
            }
        }
        if (skilled != null) {
            return new Choice(skilled, Reason.SKILL);
        }
        return any == null ? null : new Choice(any, Reason.NEXT_FREE);
    }

    private static boolean knows(Agent agent, String category) {
        return Arrays.stream(agent.skills).anyMatch(category::equalsIgnoreCase);
    }
}
