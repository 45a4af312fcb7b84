package shop.winback.review.domain;

/** The buyer's overall verdict on an order line: 好评 / 中评 / 差评. */
public enum Rating {
    GOOD,
    NEUTRAL,
    BAD;

    /** Neutral and bad reviews hurt the shop and are worth winning back. */
    public boolean isNegative() {
        return this != GOOD;
    }

    /** BAD → NEUTRAL or GOOD, NEUTRAL → GOOD: what a won-back buyer does. */
    public boolean isBetterThan(Rating other) {
        return ordinal() < other.ordinal();
    }
}
