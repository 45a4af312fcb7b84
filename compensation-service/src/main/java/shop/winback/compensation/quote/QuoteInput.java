package shop.winback.compensation.quote;

import java.util.List;
import shop.winback.compensation.domain.Rating;

/** What the ladder looks at: the order, the review, the buyer's wish. */
public record QuoteInput(long orderAmountFen, int distinctItems, Rating rating, List<String> complaintReasons,
                         boolean buyerWantsReturn) {
}
