package shop.winback.compensation.quote;

import java.time.Duration;
import java.time.Instant;

/**
 * DOMAIN "Quality problems" for one case: within a few days of receipt and unworn → photos, then a return or
 * exchange or a discount; later or worn → negotiate, else the supervisor decides; the buyer's own fault → no return,
 * but still avoid the bad review.
 *
 * @param complaint    the order's reviews (or the request) complain of the goods' quality
 * @param receivedAt   when the buyer signed for the goods (the courier's scan, else the order system's); null: unknown
 * @param wornOrUsed   whether the goods were worn or used; null: unknown
 * @param buyerAtFault the agent found the buyer caused it (e.g. washed against the care label)
 */
public record QualityCase(
        boolean complaint, Instant receivedAt, Boolean wornOrUsed, boolean buyerAtFault, Instant now) {

    public enum Verdict {
        /** Not a quality case, or not enough known to apply the rule. */
        NONE,
        /** Within the return window and unworn: return or exchange, or a discount. */
        RETURN_WINDOW,
        /** After the window or worn: negotiate; a return, exchange or refund is the supervisor's decision. */
        LATE_OR_WORN,
        /** The buyer's own fault: no return or exchange. */
        BUYER_AT_FAULT
    }

    public Verdict verdict(int returnDays) {
        if (buyerAtFault) {
            return Verdict.BUYER_AT_FAULT;
        }
        if (!complaint) {
            return Verdict.NONE;
        }
        if (Boolean.TRUE.equals(wornOrUsed)) {
            return Verdict.LATE_OR_WORN;
        }
        if (receivedAt == null) {
            return Verdict.NONE;
        }
        return now.isAfter(receivedAt.plus(Duration.ofDays(returnDays))) ? Verdict.LATE_OR_WORN : Verdict.RETURN_WINDOW;
    }
}
