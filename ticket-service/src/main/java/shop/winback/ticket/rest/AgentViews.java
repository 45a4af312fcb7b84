package shop.winback.ticket.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Shift;
import shop.winback.ticket.domain.Tier;

/** Request and response bodies of the agents API. */
final class AgentViews {

    private AgentViews() {}

    @Schema(name = "NewAgent")
    record NewAgent(
            @Schema(example = "demo-shop")
            @NotBlank
            @Size(max = 64)
            @Pattern(regexp = Ids.SHOP_ID, message = Ids.SHOP_ID_MESSAGE)
            String shopId,

            @Schema(example = "小王")
            @NotBlank
            @Size(max = 100)
            @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
            String name,

            @Schema(example = "REVIEW_RECOVERY") @NotNull Tier tier,

            @Schema(description = "Most tickets worked at once", example = "20") @NotNull @Min(0) @Max(10_000)
            Integer capacity,

            @Schema(description = "Presence; OFFLINE when omitted", example = "ONLINE")
            AgentStatus status,

            @Schema(description = "DAY, NIGHT or ANY (not bound to a shift); ANY when omitted", example = "DAY")
            Shift shift,

            @Schema(description = "Product categories the agent knows; none = any category", example = "[\"服装\"]")
            @Size(max = 20)
            List<@NotBlank @Size(max = 40) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String>
                    skills) {}

    @Schema(name = "AgentChange", description = "Only the fields given change")
    record AgentChange(
            @Schema(example = "小王")
            @Size(min = 1, max = 100)
            @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
            String name,

            @Schema(example = "25") @Min(0) @Max(10_000) Integer capacity,
            @Schema(example = "AWAY") AgentStatus status,
            @Schema(example = "NIGHT") Shift shift,

            @Schema(description = "Replaces the agent's skills; [] = any category", example = "[\"服装\", \"鞋靴\"]")
            @Size(max = 20)
            List<@NotBlank @Size(max = 40) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String>
                    skills,

            @Schema(
                    description =
                            "Only with status OFFLINE: the agent's open tickets go back to the queue and are routed to "
                                    + "others at once (ticket.reassigned.v1, cause HANDED_BACK); their SLA clocks keep running. Without it "
                                    + "they stay with the agent.",
                    example = "true")
            Boolean handBackTickets) {}

    @Schema(name = "Agent")
    record AgentView(
            UUID id,
            String shopId,
            String name,
            Tier tier,
            int capacity,
            AgentStatus status,
            Shift shift,
            List<String> skills,

            @Schema(description = "Tickets assigned and not yet resolved")
            int openTickets,

            Instant lastAssignedAt,
            Instant createdAt,
            Instant updatedAt) {
        static AgentView of(Agent a) {
            return new AgentView(
                    a.id,
                    a.shopId,
                    a.name,
                    a.tier,
                    a.capacity,
                    a.status,
                    a.shift,
                    List.of(a.skills),
                    a.openTickets,
                    a.lastAssignedAt,
                    a.createdAt,
                    a.updatedAt);
        }
    }
}
