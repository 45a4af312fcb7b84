package shop.winback.ticket.messaging.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import shop.winback.ticket.domain.Rating;

/**
 * ticket-service's own copy of {@code review.received.v1} (producer: review-service): only the
 * fields it reads. Unknown fields are ignored, so the producer may add fields freely;
 * {@code ReviewEventContractTests} keeps this copy honest against the producer's AsyncAPI schema.
 */
public record ReviewReceivedV1(
        @NotNull UUID reviewId,
        @NotBlank String shopId,
        @NotBlank String platformReviewId,
        @NotBlank String orderId,
        @NotNull @Valid Item item,
        @NotNull @Valid Buyer buyer,
        long orderAmountFen,
        int distinctItems,
        @NotNull Rating rating,
        @NotNull Instant createdAt,
        BuyerSuspicion buyerSuspicion,
        Goods goods,
        List<ComplaintReason> complaintReasons,
        Dsr dsr) {

    public static final String TYPE = "review.received.v1";

    /** The reasons of the producer's list (asyncapi 1.2.0); one this copy does not know counts as OTHER. */
    static final Set<String> KNOWN_REASONS = Set.of(
            "QUALITY_DAMAGE",
            "SIZE_FIT",
            "NOT_AS_DESCRIBED",
            "COLOUR_DIFFERENCE",
            "MISSING_ITEM",
            "PARCEL_DAMAGED",
            "SLOW_SHIPPING",
            "COURIER_CONDUCT",
            "SERVICE_ATTITUDE",
            "PRICE",
            "OTHER");

    /** Without complaint reasons (as tests build them). */
    public ReviewReceivedV1(
            UUID reviewId,
            String shopId,
            String platformReviewId,
            String orderId,
            Item item,
            Buyer buyer,
            long orderAmountFen,
            int distinctItems,
            Rating rating,
            Instant createdAt,
            BuyerSuspicion buyerSuspicion,
            Goods goods) {
        this(
                reviewId,
                shopId,
                platformReviewId,
                orderId,
                item,
                buyer,
                orderAmountFen,
                distinctItems,
                rating,
                createdAt,
                buyerSuspicion,
                goods,
                List.of(),
                null);
    }

    /** An event from before 1.3.0: no goods. */
    public ReviewReceivedV1(
            UUID reviewId,
            String shopId,
            String platformReviewId,
            String orderId,
            Item item,
            Buyer buyer,
            long orderAmountFen,
            int distinctItems,
            Rating rating,
            Instant createdAt,
            BuyerSuspicion buyerSuspicion) {
        this(
                reviewId,
                shopId,
                platformReviewId,
                orderId,
                item,
                buyer,
                orderAmountFen,
                distinctItems,
                rating,
                createdAt,
                buyerSuspicion,
                null,
                List.of(),
                null);
    }

    /** {@code category}: the shop's product category, null when the shop sends none (routes by skills). */
    public record Item(@NotBlank String sku, String title, String category) {}

    /** Phone and address arrive sealed (see PersonalData); the masked phone is for display. Older events lack vip. */
    public record Buyer(
            @NotBlank String id,
            String province,
            String city,
            String phoneMasked,
            String phoneSealed,
            String addressSealed,
            Boolean vip) {

        public boolean isVip() {
            return Boolean.TRUE.equals(vip);
        }
    }

    /** What the buyer received, when the order system said (review.received.v1 1.3.0); null otherwise. */
    public record Goods(Instant receivedAt, Boolean wornOrUsed, java.util.List<String> photoUrls) {}

    /** What the text complains about, with the words that show it (only the reason is read). */
    public record ComplaintReason(String reason) {}

    /** The buyer's shop scores (DSR, 1–5): 描述相符, 服务态度, 物流服务; null in events that lack them. */
    public record Dsr(int description, int service, int shipping) {}

    /**
     * The distinct reasons in the producer's order (by first occurrence in the text, so the first is the main
     * complaint), unknown ones as OTHER.
     */
    public List<String> reasonsAsWritten() {
        if (complaintReasons == null) {
            return List.of();
        }
        return complaintReasons.stream()
                .map(r -> r == null || r.reason() == null || !KNOWN_REASONS.contains(r.reason()) ? "OTHER" : r.reason())
                .distinct()
                .toList();
    }

    /** The distinct reasons the review complains of, unknown ones as OTHER (the producer's rule), in a stable order. */
    public List<String> reasons() {
        return reasonsAsWritten().stream().sorted().toList();
    }

    /** review-service's judgement whether the buyer is a professional bad-reviewer (职业差评师). */
    public record BuyerSuspicion(boolean suspected) {}

    /** Suspected professional bad-reviewers go to a supervisor: evidence first, no quick cash. */
    public boolean suspectedProfessional() {
        return buyerSuspicion != null && buyerSuspicion.suspected();
    }
}
