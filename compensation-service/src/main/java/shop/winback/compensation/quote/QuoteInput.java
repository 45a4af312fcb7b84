package shop.winback.compensation.quote;

import java.util.List;
import shop.winback.compensation.domain.Rating;

/**
 * What the ladder looks at: the order, the review, the buyer's wish.
 *
 * @param orderKnown            the facts come from the order's reviews (reviews.v1), not from the request alone
 * @param suspectedProfessional review-service judged the buyer a professional bad-reviewer (职业差评师)
 * @param quality               what is known of a quality complaint; null: nothing
 */
public record QuoteInput(
        long orderAmountFen,
        int distinctItems,
        Rating rating,
        List<String> complaintReasons,
        boolean buyerWantsReturn,
        boolean orderKnown,
        boolean suspectedProfessional,
        QualityCase quality) {

    public QuoteInput(
            long orderAmountFen,
            int distinctItems,
            Rating rating,
            List<String> complaintReasons,
            boolean buyerWantsReturn,
            boolean orderKnown,
            boolean suspectedProfessional) {
        this(
                orderAmountFen,
                distinctItems,
                rating,
                complaintReasons,
                buyerWantsReturn,
                orderKnown,
                suspectedProfessional,
                null);
    }

    /** A case of a known order with an unsuspected buyer. */
    public QuoteInput(
            long orderAmountFen,
            int distinctItems,
            Rating rating,
            List<String> complaintReasons,
            boolean buyerWantsReturn) {
        this(orderAmountFen, distinctItems, rating, complaintReasons, buyerWantsReturn, true, false);
    }
}
