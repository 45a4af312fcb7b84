package shop.winback.review.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import shop.winback.review.domain.Review;
import shop.winback.review.reasons.ReasonMatch;

/**
 * Data of {@code review.received.v1} on {@code reviews.v1}: everything a reporting job or the
 * ticket service needs without calling back. Amounts in fen, times UTC. The buyer appears by id
 * and province/city; a phone only masked, phone and address in clear only sealed (readable by
 * services holding the personal-data key). Evolve additively; see asyncapi.yaml.
 */
public record ReviewReceivedV1(
        UUID reviewId,
        String shopId,
        String platformReviewId,
        String orderId,
        String orderLineId,
        Item item,
        Buyer buyer,
        long orderAmountFen,
        int distinctItems,
        String rating,
        Dsr dsr,
        String text,
        Instant createdAt,
        Instant receivedAt,
        List<Reason> complaintReasons,
        Suspicion buyerSuspicion,
        Goods goods) {

    public static final String TYPE = "review.received.v1";

    /** A complaint found in the text of a neutral or bad review, with the words that show it. */
    public record Reason(String reason, String evidence) {}

    /** Whether the buyer looks like a professional bad-reviewer, and why; null for good reviews. */
    public record Suspicion(boolean suspected, double score, List<String> reasons) {}

    /** @param category the shop's product category; null when the order system sent none */
    public record Item(String sku, String title, String category) {}

    /** @param vip whether the buyer is a VIP member of the shop; always sent (events from before it lack it) */
    public record Buyer(
            String id,
            String province,
            String city,
            String phoneMasked,
            String phoneSealed,
            String addressSealed,
            boolean vip) {}

    public record Dsr(int description, int service, int shipping) {}

    /** What the buyer received, when the order system said; null otherwise (and in events from before 1.3.0). */
    public record Goods(Instant receivedAt, Boolean wornOrUsed, List<String> photoUrls) {

        static Goods of(Review r) {
            if (r.goodsReceivedAt == null && r.goodsWornOrUsed == null && r.goodsPhotoUrls == null) {
                return null;
            }
            return new Goods(
                    r.goodsReceivedAt,
                    r.goodsWornOrUsed,
                    r.goodsPhotoUrls == null ? List.of() : List.of(r.goodsPhotoUrls));
        }
    }

    public static ReviewReceivedV1 of(Review r, List<ReasonMatch> reasons, Suspicion suspicion) {
        return new ReviewReceivedV1(
                r.id,
                r.shopId,
                r.platformReviewId,
                r.orderId,
                r.orderLineId,
                new Item(r.itemSku, r.itemTitle, r.itemCategory),
                new Buyer(
                        r.buyerId,
                        r.buyerProvince,
                        r.buyerCity,
                        r.buyerPhoneMasked,
                        r.buyerPhoneSealed,
                        r.buyerAddressSealed,
                        r.buyerVip),
                r.orderAmountFen,
                r.distinctItems,
                r.rating.name(),
                new Dsr(r.dsrDescription, r.dsrService, r.dsrShipping),
                r.text,
                r.createdAt,
                r.receivedAt,
                reasons.stream()
                        .map(m -> new Reason(m.reason().name(), m.evidence()))
                        .toList(),
                suspicion,
                Goods.of(r));
    }
}
