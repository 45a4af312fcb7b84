package shop.winback.platform.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import shop.winback.platform.problem.ForbiddenProblem;
import shop.winback.platform.problem.ProblemException;

/**
 * Who is calling, from the verified bearer token. The token's {@code shop_id} scopes every read
 * and write: services look resources up within {@link #shopId()}, so another shop's resource is
 * simply not found (404), whatever id is guessed.
 */
@RequestScoped
public class Caller {

    public static final String SHOP_CLAIM = "shop_id";
    public static final String AGENT_CLAIM = "agent_id";
    public static final String TIER_CLAIM = "tier";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The shop the token is scoped to (the verifier requires the claim). */
    public String shopId() {
        String shop = token.getClaim(SHOP_CLAIM);
        if (shop == null || shop.isBlank()) {
            throw new ProblemException(
                    401,
                    "urn:winback:problem:unauthenticated",
                    "Unauthenticated",
                    "The bearer token names no shop (claim " + SHOP_CLAIM + ")");
        }
        return shop;
    }

    /** Who, for audit fields and logs: the token's principal name. */
    public String name() {
        return token.getName();
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** Supervisors and managers see and act on the whole shop. */
    public boolean overseesShop() {
        return is(Roles.SUPERVISOR) || is(Roles.MANAGER);
    }

    /**
     * An agent (and nothing more) sees and works only their own: their tickets, their profile.
     * Supervisors, managers and reporting see the whole shop.
     */
    public boolean seesOnlyOwnWork() {
        return is(Roles.AGENT) && !overseesShop() && !is(Roles.REPORTING);
    }

    /** The agent id of an agent token; a token in the agent role without one may do nothing. */
    public UUID requireAgentId() {
        return agentId()
                .orElseThrow(() ->
                        new ForbiddenProblem("An agent token must carry the agent's id (claim " + AGENT_CLAIM + ")"));
    }

    /** The agent this token belongs to, for agent tokens. */
    public Optional<UUID> agentId() {
        String id = token.getClaim(AGENT_CLAIM);
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The agent's tier (PRE_SALES … MANAGER), for agent tokens. */
    public Optional<String> tier() {
        return Optional.ofNullable(token.<String>getClaim(TIER_CLAIM));
    }

    /** A body that names a shop must name the caller's own. */
    public void requireOwnShop(String shopId) {
        if (shopId != null && !shopId.equals(shopId())) {
            throw new ProblemException(
                    403,
                    "urn:winback:problem:other-shop",
                    "Forbidden",
                    "This token is scoped to shop " + shopId() + " and cannot act for shop " + shopId);
        }
    }
}
