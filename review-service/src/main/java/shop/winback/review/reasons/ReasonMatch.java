package shop.winback.review.reasons;

import java.util.Objects;

/**
 * One reason found in a review.
 *
 * @param reason   the reason
 * @param evidence the span of the original review text that matched (as the buyer wrote it,
 *                 traditional characters and full-width punctuation included), so an agent sees
 *                 why; empty for {@link ComplaintReason#OTHER}, where nothing matched
 */
public record ReasonMatch(ComplaintReason reason, String evidence) {

    public ReasonMatch {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** The answer when no reason matched. */
    public static ReasonMatch other() {
        return new ReasonMatch(ComplaintReason.OTHER, "");
    }
}
