package shop.winback.compensation.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import shop.winback.compensation.domain.ApprovalLevel;
import shop.winback.compensation.domain.Tier;
import shop.winback.compensation.service.AgentRegistry;
import shop.winback.compensation.service.Requester;
import shop.winback.platform.problem.ForbiddenProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;

/**
 * Who the caller is in compensation terms: managers act as MANAGER, supervisors as SUPERVISOR, agents
 * with the tier ticket-service hired them with ({@link AgentRegistry}): the token says who the agent is,
 * the registry what they may grant. The id is the token's {@code agent_id} when it carries one, else its
 * principal name.
 */
@RequestScoped
public class Identity {

    private final Caller caller;
    private final AgentRegistry registry;
    /** Looked up once per request. */
    private Requester requester;

    public Identity(Caller caller, AgentRegistry registry) {
        this.caller = caller;
        this.registry = registry;
    }

    public String id() {
        return caller.agentId().map(UUID::toString).orElseGet(caller::name);
    }

    public Requester requester() {
        if (requester == null) {
            requester = lookUp();
        }
        return requester;
    }

    private Requester lookUp() {
        if (caller.is(Roles.MANAGER)) {
            return new Requester(id(), Tier.MANAGER);
        }
        if (caller.is(Roles.SUPERVISOR)) {
            return new Requester(id(), Tier.SUPERVISOR);
        }
        return new Requester(caller.requireAgentId().toString(), agentsAuthority());
    }

    /**
     * An agent's authority is the tier the shop hired them with (ticket-service's agents, kept in the agent
     * registry), never more than that: an agent the registry does not know may grant nothing, and a token
     * claiming another tier than the registry's is refused rather than quietly corrected.
     */
    private Tier agentsAuthority() {
        UUID agent = caller.requireAgentId();
        Tier registered = registry.tierOf(caller.shopId(), agent)
                .orElseThrow(() -> new ForbiddenProblem(("Agent %s is not in the "
                                + "agent registry of shop %s (the agents hired in ticket-service); a newly hired agent is known here "
                                + "within seconds")
                        .formatted(agent, caller.shopId())));
        caller.tier().filter(claim -> !claim.equals(registered.name())).ifPresent(claim -> {
            throw new ForbiddenProblem(
                    ("The token claims tier %s but the agent registry (ticket-service) has agent %s as %s")
                            .formatted(claim, agent, registered));
        });
        return registered;
    }

    /** The approval level of a supervisor or manager. */
    public ApprovalLevel approvalLevel() {
        return caller.is(Roles.MANAGER) ? ApprovalLevel.MANAGER : ApprovalLevel.SUPERVISOR;
    }

    /** Agents (and nothing more) see only their own requests. */
    public boolean seesOnlyOwn() {
        return caller.seesOnlyOwnWork();
    }

    public String shopId() {
        return caller.shopId();
    }

    public boolean overseesShop() {
        return caller.overseesShop();
    }
}
