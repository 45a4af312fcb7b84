package shop.winback.compensation.messaging.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * compensation-service's own copy of {@code agent.hired.v1} on {@code agents.v1} (producer: ticket-service,
 * which owns the shop's agents): who the agent is and the tier that is their authority.
 * {@code AgentEventContractTests} keeps this copy honest against ticket-service's AsyncAPI file.
 */
public record AgentHiredV1(
        @NotNull UUID agentId,
        @NotBlank @Size(max = 64) String shopId,
        @NotBlank String tier,
        @NotNull Instant hiredAt) {

    public static final String TYPE = "agent.hired.v1";
}
