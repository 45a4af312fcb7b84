package shop.winback.compensation.quote;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The options for one case, cheapest first, and the offer to open with. */
@Schema(name = "Quote")
public record Quote(
        @Schema(description = "At least two options, by expected cost, cheapest first") List<QuoteOption> options,
        @Schema(description = "The first offer to make") QuoteOption recommended,
        @Schema(description = "Why that one") String recommendedBecause,
        @Schema(description = "心理价位: a refund just above the return postage (never above the order), fen", example = "1600")
        long baseCeilingFen,
        @Schema(description = "The ceiling after the remote-area and many-items rules, fen", example = "1600") long ceilingFen,
        @Schema(description = "The standard offer for the review's rating (中评 5 元, 差评 10 元), fen", example = "1000")
        long standardOfferFen,
        @Schema(description = "Rules that shaped the quote: FIRM, MANY_ITEMS, REMOTE_AREA") List<String> rules,
        @Schema(description = "The requesting tier's per-payout limit, fen; null when unlimited") Long authorityLimitFen,
        Postage returnPostage) {
}
