package shop.winback.ticket.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the statistics endpoints answer. Days are local days in the shop's time zone; money is in fen. */
public final class StatsViews {

    private StatsViews() {}

    @Schema(name = "AgentDay", description = "One agent's work on one local day (客服绩效)")
    public record AgentDay(
            UUID agentId,

            @Schema(description = "Null if the agent is not (or no longer) on the shop's roster")
            String agentName,

            @Schema(example = "2026-11-24") LocalDate day,

            @Schema(description = "Tickets assigned to the agent that day")
            long assigned,

            @Schema(description = "Distinct tickets the agent logged a contact attempt on that day")
            long contacted,

            @Schema(description = "Tickets closed RECOVERED that day")
            long recovered,

            @Schema(description = "Tickets closed that day with an outcome other than CANCELLED")
            long resolved,

            @Schema(description = "recovered / resolved; null when nothing was resolved", example = "0.75")
            Double successRate,

            @Schema(
                    description =
                            "Median seconds from the review to the first contact, over the tickets first contacted that day")
            Double medianSecondsToFirstContact,

            @Schema(
                    description =
                            "Median seconds from the review to the resolution, over the tickets resolved that day")
            Double medianSecondsToResolution,

            @Schema(description = "SLA breaches charged to the agent that day")
            long escalations,

            @Schema(description = "Compensations paid that day for the agent's tickets, fen")
            long compensationSpentFen) {}

    @Schema(
            name = "AgentPerformance",
            description = "One row per agent and local day with any activity, by day then agent")
    public record AgentPerformance(
            String shopId,
            LocalDate from,
            LocalDate to,
            @Schema(example = "Asia/Shanghai") String timeZone,
            List<AgentDay> rows) {}

    @Schema(
            name = "RecoveryDay",
            description = "The team's throughput (修改日期) against the shop's risk (产生日期) on one local day")
    public record RecoveryDay(
            @Schema(example = "2026-11-24") LocalDate day,

            @Schema(description = "Tickets closed RECOVERED that day")
            long recoveredTickets,

            @Schema(description = "Reviews carried by the tickets recovered that day")
            long recoveredReviews,

            @Schema(description = "Neutral and bad reviews that opened or joined a ticket that day")
            long negativeReviews,

            @Schema(description = "Of which neutral") long neutralReviews,
            @Schema(description = "Of which bad") long badReviews) {}

    @Schema(name = "RecoveriesByDay", description = "Every local day of the period, days without activity included")
    public record RecoveriesByDay(
            String shopId,
            LocalDate from,
            LocalDate to,
            @Schema(example = "Asia/Shanghai") String timeZone,
            List<RecoveryDay> days) {}

    @Schema(name = "AgentIncentive", description = "What one agent earned and spent over the period")
    public record AgentIncentive(
            UUID agentId,

            @Schema(description = "Null if the agent is not (or no longer) on the shop's roster")
            String agentName,

            @Schema(description = "Neutral-rated tickets recovered (closed RECOVERED in the period)")
            long recoveredNeutral,

            @Schema(description = "Bad-rated tickets recovered")
            long recoveredBad,

            @Schema(description = "Incentive earned: the credit of those tickets, fen", example = "800")
            long incentiveFen,

            @Schema(description = "Compensations paid in the period for the agent's tickets, fen")
            long compensationSpentFen) {}

    @Schema(
            name = "Incentives",
            description = "One row per agent who recovered or spent anything, most incentive first")
    public record Incentives(
            String shopId,
            LocalDate from,
            LocalDate to,
            @Schema(example = "Asia/Shanghai") String timeZone,
            List<AgentIncentive> rows,
            @Schema(description = "Sum of incentiveFen") long totalIncentiveFen,

            @Schema(description = "Sum of compensationSpentFen")
            long totalCompensationSpentFen) {}
}
