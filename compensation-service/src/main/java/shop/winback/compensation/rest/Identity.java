package shop.winback.compensation.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import shop.winback.compensation.domain.ApprovalLevel;
import shop.winback.compensation.domain.Tier;
import shop.winback.compensation.service.Requester;
import shop.winback.platform.problem.ProblemException;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;

/**
 * Who the caller is in compensation terms: managers act as MANAGER, supervisors as SUPERVISOR,
 * agents with the tier of their token's {@code tier} claim. The id is the token's {@code agent_id}
 * when it carries one, else its principal name.
 */
@RequestScoped
public class Identity {

    private final Caller caller;

    public Identity(Caller caller) {
        this.caller = caller;
    }

    public String id() {
        return caller.agentId().map(UUID::toString).orElseGet(caller::name);
    }

    public Requester requester() {
        if (caller.is(Roles.MANAGER)) {
            return new Requester(id(), Tier.MANAGER);
        }
        if (caller.is(Roles.SUPERVISOR)) {
            return new Requester(id(), Tier.SUPERVISOR);
        }
        UUID agent = caller.requireAgentId();
        String claim = caller.tier().orElseThrow(() -> forbidden("An agent token must carry the agent's tier (claim tier)"));
        try {
            return new Requester(agent.toString(), Tier.valueOf(claim));
        } catch (IllegalArgumentException e) {
            throw forbidden("Unknown tier in the token: " + claim);
        }
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

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "urn:winback:problem:forbidden", "Forbidden", detail);
    }
}
