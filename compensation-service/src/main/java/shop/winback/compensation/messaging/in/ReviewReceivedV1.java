package shop.winback.compensation.messaging.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * compensation-service's own copy of {@code review.received.v1} on {@code reviews.v1} (producer:
 * review-service): only the order facts it decides money from; unknown fields are ignored.
 * {@code ReviewEventContractTests} keeps this copy honest against review-service's AsyncAPI file.
 */
public record ReviewReceivedV1(
        @NotBlank @Size(max = 64) String shopId,
        @NotBlank @Size(max = 64) String orderId,
        @NotNull @Valid Buyer buyer,
        @NotNull @PositiveOrZero Long orderAmountFen,
        @NotNull @Min(1) Integer distinctItems,
        @NotBlank String rating,
        Suspicion buyerSuspicion,
        List<Reason> complaintReasons,
        Goods goods) {

    public static final String TYPE = "review.received.v1";

    public record Buyer(
            @NotBlank @Size(max = 100) String province,
            @Size(max = 100) String city) {}

    /** review-service's judgement whether the buyer is a professional bad-reviewer (职业差评师), and why. */
    public record Suspicion(boolean suspected, List<String> reasons) {}

    /** A complaint review-service found in the text (its code: QUALITY_DAMAGE, SIZE_FIT, …). */
    public record Reason(String reason) {}

    /** The goods as the buyer received them, when the order system said (review.received.v1 1.3.0). */
    public record Goods(Instant receivedAt, Boolean wornOrUsed) {}

    /** DOMAIN "Quality problems": the goods themselves are faulty. */
    public boolean qualityComplaint() {
        return complaintReasons != null && complaintReasons.stream().anyMatch(r -> QUALITY.equals(r.reason()));
    }

    public static final String QUALITY = "QUALITY_DAMAGE";

    public boolean suspectedProfessional() {
        return buyerSuspicion != null && buyerSuspicion.suspected();
    }
}
