package shop.winback.compensation.quote;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.compensation.domain.Rating;

/** The facts a quote was decided from. */
@Schema(name = "OrderFacts")
public record OrderFactsView(
        @Schema(
                description =
                        "reviews.v1: learned from the order's review.received.v1 (the request's figures were checked "
                                + "against them); request: no neutral or bad review of the order has arrived, so the request's figures were "
                                + "used and nothing below the manager is within authority",
                enumeration = {"reviews.v1", "request"},
                example = "reviews.v1")
        String source,

        @Schema(example = "12900") long orderAmountFen,
        @Schema(example = "2") int distinctItems,
        @Schema(example = "BAD") Rating rating,
        @Schema(example = "辽宁") String buyerProvince,

        @Schema(description = "review-service judged the buyer a professional bad-reviewer (职业差评师)")
        boolean suspectedProfessional,

        @Schema(description = "Why, in review-service's words; empty when not suspected")
        List<String> suspicionReasons,

        @Schema(
                description =
                        "When the buyer signed for the goods: the courier's signed-for scan, else the order system's; "
                                + "null when unknown")
        java.time.Instant goodsReceivedAt,

        @Schema(description = "Whether the goods were worn or used; null when unknown")
        Boolean goodsWornOrUsed) {

    public static final String FROM_REVIEWS = "reviews.v1";
    public static final String FROM_REQUEST = "request";
}
