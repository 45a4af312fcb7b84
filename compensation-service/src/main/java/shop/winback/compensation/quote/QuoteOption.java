package shop.winback.compensation.quote;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rung offered, with what it is expected to cost the shop. */
@Schema(name = "QuoteOption")
public record QuoteOption(
        @Schema(description = "EXPLAIN (0 %) or a CompensationType", example = "COUPON") String type,
        @Schema(description = "The shop's expected cost, fen", example = "1000") long costFen,
        @Schema(description = "For RETURN_FOR_REFUND: the return postage the buyer pays, fen") Long buyerPaysFen,
        @Schema(example = "差评 standard offer: a 10.00 元 coupon") String description,
        @Schema(description = "Why this option costs more than the base ceiling: REMOTE_AREA or MANY_ITEMS; null when it does not")
        String exceedsBaseCeilingBecause,
        @Schema(description = "Whether the requesting tier may grant it alone") boolean withinAuthority) {
}
