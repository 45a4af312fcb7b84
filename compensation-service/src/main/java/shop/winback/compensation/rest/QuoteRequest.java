package shop.winback.compensation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.compensation.domain.KnownCodes;
import shop.winback.compensation.domain.Rating;
import shop.winback.compensation.domain.Tier;

/**
 * The ticket/order context a quote is for. The order's figures are optional: the service takes them
 * from the order's reviews (reviews.v1); given, they must agree (422). For an order no neutral or bad
 * review has arrived for they are required, and nothing in the quote is within authority below the manager.
 */
@Schema(
        name = "QuoteRequest",
        description = "The case to quote. orderAmountFen, distinctItems, rating and buyer are optional: the "
                + "service decides from the order's own facts, learned from its reviews on reviews.v1; a figure given must agree with "
                + "them (422 naming the field). For an order no neutral or bad review has arrived for they are required (400), and the "
                + "quote says ORDER_UNKNOWN.")
public record QuoteRequest(
        @Schema(
                description = "The order: whose facts (from its reviews) the quote is decided from",
                example = "TB-O-88231907")
        @Size(max = 64)
        @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
        String orderId,

        @Schema(example = "9a0c1e2f-3b4d-4e5f-8a6b-7c8d9e0f1a2b")
        @Size(max = 64)
        @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
        String ticketId,

        @Schema(description = "Fen. Optional; must agree with the order's reviews", example = "12900")
        @Min(1)
        @Max(1_000_000_000)
        Long orderAmountFen,

        @Schema(description = "Optional; must agree with the order's reviews", example = "2") @Min(1) @Max(10_000)
        Integer distinctItems,

        @Schema(description = "Optional; must agree with the order's reviews") @Valid
        Buyer buyer,

        @Schema(description = "review-service's complaint reason codes", example = "[\"QUALITY_DAMAGE\"]")
        @Size(max = 20)
        List<
                        @NotBlank
                        @Pattern(regexp = KnownCodes.COMPLAINT_REASONS, message = KnownCodes.COMPLAINT_REASONS_MESSAGE)
                        String>
                complaintReasons,

        @Schema(
                description =
                        "The review being recovered. Optional: one of the ratings the order's lines received; the worst "
                                + "(BAD over NEUTRAL) when omitted",
                example = "BAD")
        Rating rating,

        @Schema(description = "Courier for the return; the shop's default when omitted", example = "STO")
        @Pattern(regexp = KnownCodes.COURIERS, message = KnownCodes.COURIERS_MESSAGE)
        String courier,

        @Schema(description = "Parcel weight; 1000 when omitted", example = "1000") @Min(1) @Max(100_000)
        Integer weightGrams,

        @Schema(description = "The buyer asks to return the goods")
        Boolean buyerWantsReturn,

        @Schema(
                description =
                        "The agent found the buyer caused the problem (e.g. washed against the care label): no return "
                                + "or exchange is offered, only what avoids the bad review")
        Boolean buyerAtFault,

        @Schema(
                description =
                        "Supervisors and managers may quote for an agent's tier; agents always quote with their own",
                example = "REVIEW_RECOVERY")
        Tier agentTier) {

    @Schema(name = "QuoteBuyer")
    public record Buyer(
            @Schema(example = "辽宁")
            @NotBlank
            @Size(max = 20)
            @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
            String province,

            @Schema(example = "沈阳") @Size(max = 30) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
            String city) {}
}
