package shop.winback.review.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.review.domain.Rating;
import shop.winback.review.domain.Review;

@Schema(name = "Review", description = "A captured review. Times are UTC.")
public record ReviewView(
        UUID id,
        String shopId,
        String platformReviewId,
        String orderId,
        String orderLineId,
        ReviewRequest.Item item,
        ReviewRequest.Buyer buyer,
        long orderAmountFen,
        int distinctItems,
        Rating rating,
        ReviewRequest.Dsr dsr,
        String text,
        Instant createdAt,
        Instant receivedAt) {

    static ReviewView of(Review r) {
        return new ReviewView(r.id, r.shopId, r.platformReviewId, r.orderId, r.orderLineId,
                new ReviewRequest.Item(r.itemSku, r.itemTitle),
                new ReviewRequest.Buyer(r.buyerId, r.buyerProvince, r.buyerCity),
                r.orderAmountFen, r.distinctItems, r.rating,
                new ReviewRequest.Dsr((int) r.dsrDescription, (int) r.dsrService, (int) r.dsrShipping),
                r.text, r.createdAt, r.receivedAt);
    }
}
