package shop.winback.ticket.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the recovery-economics endpoint answers. Days are local days in the shop's time zone; money is in fen. */
public final class EconomicsViews {

    private EconomicsViews() {}

    @Schema(
            name = "EconomicsTimes",
            description =
                    "Seconds from the ticket's opening (the review reaching the shop) to a step, "
                            + "over the tickets that reached the step that day (nearest rank; exact below 128 s, else at most 2.2 % under)")
    public record Times(
            @Schema(description = "Tickets that reached the step", example = "12")
            long count,

            @Schema(description = "Median seconds; null when none", example = "4", nullable = true)
            Long medianSeconds,

            @Schema(description = "90th percentile seconds; null when none", example = "9", nullable = true)
            Long p90Seconds) {}

    @Schema(
            name = "EconomicsFigures",
            description =
                    "The recovery economics of a shop (or of one agent, product or complaint "
                            + "reason) over a day or a period. Reviews are counted on the day the buyer wrote them, tickets on the day "
                            + "they opened, outcomes on the day the ticket was resolved, compensations on the day they were approved.")
    public record Figures(
            @Schema(description = "Reviews received, all ratings (not broken down by agent)", example = "120")
            long reviewsReceived,

            @Schema(example = "114") long goodReviews,
            @Schema(example = "4") long neutralReviews,
            @Schema(example = "2") long badReviews,

            @Schema(
                    description = "好评率: goodReviews / reviewsReceived, 4 decimals; null when no reviews",
                    example = "0.95",
                    nullable = true)
            Double positiveRate,

            @Schema(description = "Neutral and bad reviews that became a ticket (ticket.opened.v1)", example = "6")
            long ticketsOpened,

            @Schema(description = "Of the tickets opened that day, those not resolved yet", example = "1")
            long stillOpen,

            @Schema(description = "Tickets resolved RECOVERED (ticket.resolved.v1)", example = "4")
            long recovered,

            @Schema(description = "Of which the ticket was rated neutral", example = "3")
            long recoveredNeutral,

            @Schema(description = "Of which the ticket was rated bad", example = "1")
            long recoveredBad,

            @Schema(
                    description = "ticket.resolved.v1 with any other outcome (EXPLAINED, UNRECOVERED, CANCELLED)",
                    example = "1")
            long unrecovered,

            @Schema(description = "Compensations approved (compensation.approved.v1), fen", example = "1500")
            long compensationPaidFen,

            @Schema(
                    description = "compensationPaidFen by compensation type",
                    example = "{\"COUPON\": 1000, \"PARTIAL_REFUND\": 500}")
            Map<String, Long> compensationPaidFenByType,

            @Schema(
                    description =
                            "Courier-fault losses claimed from couriers (lost-parcel.claimed.v1 from logistics-service, "
                                    + "on the day filed), fen; not broken down by agent",
                    example = "2990")
            long courierClaimedFen,

            @Schema(
                    description =
                            "Of those, what couriers paid on settled claims (on the day settled), fen: losses claimed back",
                    example = "2990")
            long courierSettledFen,

            @Schema(
                    description =
                            "The agents' incentive: recoveredNeutral × the shop's incentiveNeutralFen + recoveredBad × "
                                    + "incentiveBadFen (default 3 元 / 5 元)",
                    example = "1400")
            long incentiveFen,

            @Schema(
                    description = "compensationPaidFen / recovered, rounded half up; null when nothing was recovered",
                    example = "375",
                    nullable = true)
            Long costPerRecoveryFen,

            @Schema(description = "recovered × (the shop's buyerValueFen + avoidedBadReviewCostFen)", example = "12000")
            long valueRecoveredFen,

            @Schema(description = "Review to the ticket's first assignment, counted on the day of the assignment")
            Times toAssignment,

            @Schema(description = "Review to the first contact attempt, counted on its day")
            Times toFirstContact,

            @Schema(description = "Review to the ticket's first resolution, counted on its day")
            Times toResolution) {}

    @Schema(
            name = "EconomicsRow",
            description = "The figures of one local day, for the shop or one member of the breakdown")
    public record Row(
            @Schema(description = "The local day; null in totals", example = "2026-11-24", nullable = true)
            LocalDate day,

            @Schema(
                    description = "The member: an agent id, a SKU or a complaint reason; null for the whole shop",
                    example = "SKU-TS-WHITE-L",
                    nullable = true)
            String key,

            @Schema(
                    description = "The agent's name (by=agent, null if not on the roster); null otherwise",
                    nullable = true)
            String name,

            Figures figures) {}

    @Schema(name = "EconomicsRates", description = "The shop's settings the derived figures used")
    public record Rates(
            @Schema(example = "3000") long buyerValueFen,
            @Schema(example = "0") long avoidedBadReviewCostFen,
            @Schema(example = "300") long incentiveNeutralFen,
            @Schema(example = "500") long incentiveBadFen) {}

    @Schema(
            name = "RecoveryEconomics",
            description = "Recovery economics of the token's shop over a period of local days")
    public record RecoveryEconomics(
            String shopId,
            LocalDate from,
            LocalDate to,
            @Schema(example = "Asia/Shanghai") String timeZone,

            @Schema(
                    description = "The breakdown of rows and totals",
                    enumeration = {"shop", "agent", "product", "reason"},
                    example = "shop")
            String by,

            Rates rates,

            @Schema(description = "The whole shop over the whole period")
            Figures total,

            @Schema(
                    description =
                            "by=shop: every day of the period, days without activity included; otherwise, for periods of "
                                    + "up to 31 days, one row per day and member with activity, by day then key (longer periods: none, the "
                                    + "members' totals only)")
            List<Row> rows,

            @Schema(description = "One row per member over the whole period (by=shop: the shop's, as total)")
            List<Row> totals) {}
}
