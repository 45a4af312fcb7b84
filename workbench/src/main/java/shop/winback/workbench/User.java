package shop.winback.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in user, read from their bearer token's claims. The workbench does not verify the
 * signature: it only decides what to show from these; every call goes to the services with the token,
 * and they verify it and decide what the user may see and do.
 */
@TemplateData
public record User(
        String token,
        String name,
        String shopId,
        Optional<String> agentId,
        List<String> roles,
        Optional<String> tier,
        Instant expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The claims of a JWT, or empty when it is not one (malformed, no shop, expired). */
    public static Optional<User> of(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            String shop = claims.path("shop_id").asText(null);
            Instant exp =
                    claims.has("exp") ? Instant.ofEpochSecond(claims.get("exp").asLong()) : null;
            if (shop == null || exp == null || !exp.isAfter(now)) {
                return Optional.empty();
            }
            List<String> roles = new ArrayList<>();
            claims.path("groups").forEach(g -> roles.add(g.asText()));
            String name = claims.path("upn").asText(claims.path("sub").asText(""));
            return Optional.of(new User(
                    token.strip(),
                    name,
                    shop,
                    Optional.ofNullable(claims.path("agent_id").asText(null)),
                    List.copyOf(roles),
                    Optional.ofNullable(claims.path("tier").asText(null)),
                    exp));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /**
     * Supervisors and managers by role: those the services let see the whole shop's queue, agents and approvals
     * (the supervisor's page).
     */
    public boolean supervises() {
        return is("supervisor") || is("manager");
    }

    /** Supervisors and managers, by role or by an agent token of that tier. */
    public boolean oversees() {
        return is("supervisor")
                || is("manager")
                || tier.filter(t -> t.equals("SUPERVISOR") || t.equals("MANAGER"))
                        .isPresent();
    }
}
