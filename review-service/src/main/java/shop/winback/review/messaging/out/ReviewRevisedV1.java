package shop.winback.review.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import shop.winback.review.domain.Review;
import shop.winback.review.domain.ReviewRevision;

/**
 * Data of {@code review.revised.v1} on {@code reviews.v1}: a buyer changed rating and/or text.
 * {@code textStillNegative} flags a rating that went up while the words still complain (it still
 * hurts conversion); {@code complaintReasons} are those found in the new text. See asyncapi.yaml.
 */
public record ReviewRevisedV1(
        UUID reviewId,
        UUID revisionId,
        String shopId,
        String platformReviewId,
        String orderId,
        String buyerId,
        String itemSku,
        State before,
        State after,
        boolean ratingImproved,
        boolean textStillNegative,
        List<String> complaintReasons,
        Instant revisedAt,
        Instant receivedAt) {

    public static final String TYPE = "review.revised.v1";

    public record State(String rating, String text) {}

    public static ReviewRevisedV1 of(Review review, ReviewRevision r, List<String> complaintReasons) {
        return new ReviewRevisedV1(
                review.id,
                r.id,
                review.shopId,
                review.platformReviewId,
                review.orderId,
                review.buyerId,
                review.itemSku,
                new State(r.ratingBefore.name(), r.textBefore),
                new State(r.ratingAfter.name(), r.textAfter),
                r.ratingAfter.isBetterThan(r.ratingBefore),
                r.textStillNegative,
                complaintReasons,
                r.revisedAt,
                r.receivedAt);
    }
}
