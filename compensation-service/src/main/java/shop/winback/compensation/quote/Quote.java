package shop.winback.compensation.quote;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The options for one case, cheapest first, and the offer to open with. */
@Schema(name = "Quote")
public record Quote(
        @Schema(description = "At least two options, by expected cost, cheapest first")
        List<QuoteOption> options,

        @Schema(description = "The first offer to make") QuoteOption recommended,
        @Schema(description = "Why that one") String recommendedBecause,

        @Schema(
                description = "心理价位: a refund just above the return postage (never above the order), fen",
                example = "1600")
        long baseCeilingFen,

        @Schema(description = "The ceiling after the remote-area and many-items rules, fen", example = "1600")
        long ceilingFen,

        @Schema(
                description =
                        "The shop's standard offer for the review's rating (中评 5 元, 差评 10 元 by default), fen: always "
                                + "offered as a coupon and never cut by the return-postage ceiling (only never above the order)",
                example = "1000")
        long standardOfferFen,

        @Schema(
                description =
                        "Rules that shaped the quote: FIRM, MANY_ITEMS, REMOTE_AREA; SUSPECTED_PROFESSIONAL (the buyer "
                                + "looks like a professional bad-reviewer: no cash option at once, see recommendedBecause and orderFacts); "
                                + "ORDER_UNKNOWN (no neutral or bad review of the order has arrived: figures from the request, nothing at once "
                                + "below the manager); QUALITY_RETURN_WINDOW (a quality complaint within the shop's days of receipt, the goods "
                                + "unworn: return or exchange, or a discount), QUALITY_LATE_OR_WORN (later, or worn: negotiate; a return, exchange "
                                + "or refund waits for the supervisor), BUYER_AT_FAULT (no return or exchange offered)")
        List<String> rules,

        @Schema(description = "The requesting tier's per-payout limit, fen; null when unlimited")
        Long authorityLimitFen,

        Postage returnPostage,

        @Schema(description = "The order facts the quote was decided from, and where they came from")
        OrderFactsView orderFacts) {

    /** The same quote, saying which facts it was decided from. */
    public Quote withFacts(OrderFactsView facts) {
        return new Quote(
                options,
                recommended,
                recommendedBecause,
                baseCeilingFen,
                ceilingFen,
                standardOfferFen,
                rules,
                authorityLimitFen,
                returnPostage,
                facts);
    }

    /** The option of this type, or null. */
    public QuoteOption option(String type) {
        return options.stream().filter(o -> o.type().equals(type)).findFirst().orElse(null);
    }
}
