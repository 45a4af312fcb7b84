package shop.winback.compensation.quote;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rung offered, with what it is expected to cost the shop. */
@Schema(name = "QuoteOption")
public record QuoteOption(
        @Schema(description = "EXPLAIN (0 %) or a CompensationType", example = "COUPON")
        String type,

        @Schema(description = "The shop's expected cost, fen", example = "1000")
        long costFen,

        @Schema(description = "For RETURN_FOR_REFUND: the return postage the buyer pays, fen")
        Long buyerPaysFen,

        @Schema(example = "差评 standard offer: a 10.00 元 coupon")
        String description,

        @Schema(
                description =
                        "Why this option costs more than the base ceiling: REMOTE_AREA, MANY_ITEMS or STANDARD_OFFER "
                                + "(the shop's own 中评/差评 offer, which the ceiling does not cut); null when it does not")
        String exceedsBaseCeilingBecause,

        @Schema(description = "Whether the requesting tier may grant it alone, at once")
        boolean withinAuthority,

        @Schema(
                description =
                        "When not within authority, why it needs approval: ABOVE_AUTHORITY (above the tier's limit), "
                                + "ORDER_UNKNOWN (no neutral or bad review of the order has arrived: the manager decides) or "
                                + "SUSPECTED_PROFESSIONAL (cash for a suspected professional bad-reviewer: evidence first); null otherwise",
                example = "SUSPECTED_PROFESSIONAL")
        String approvalBecause,

        @Schema(description = "The cost as a share of the order amount, %, one decimal", example = "7.8")
        double shareOfOrderPercent,

        @Schema(description = "The rung of the compensation ladder this option belongs to")
        Ladder.Step ladderStep) {}
