package shop.winback.compensation.domain;

import java.time.Instant;
import java.util.List;

/**
 * What this service knows of an order from its neutral and bad reviews (review.received.v1):
 * the facts money is decided from, whatever a request body says.
 *
 * @param neutralReview     a line of the order was rated 中评
 * @param badReview         a line of the order was rated 差评
 * @param suspectedProfessional review-service judged the buyer a professional bad-reviewer (职业差评师)
 * @param suspicionReasons  why, in review-service's words
 */
public record OrderFact(
        String shopId,
        String orderId,
        long orderAmountFen,
        int distinctItems,
        boolean neutralReview,
        boolean badReview,
        String buyerProvince,
        String buyerCity,
        boolean suspectedProfessional,
        List<String> suspicionReasons,
        boolean qualityComplaint,
        Instant goodsReceivedAt,
        Boolean goodsWornOrUsed) {

    /** The rating a case is about when the request names none: the worst the order received. */
    public Rating worstRating() {
        return badReview ? Rating.BAD : Rating.NEUTRAL;
    }

    /** Whether one of the order's lines received this rating. */
    public boolean received(Rating rating) {
        return rating == Rating.BAD ? badReview : neutralReview;
    }
}
