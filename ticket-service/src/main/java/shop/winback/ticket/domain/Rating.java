package shop.winback.ticket.domain;

/** The review's rating, as review-service publishes it. */
public enum Rating {
    GOOD,
    NEUTRAL,
    BAD;

    /** Neutral and bad reviews are the ones to win back. */
    public boolean needsRecovery() {
        return this != GOOD;
    }

    public boolean isGood() {
        return this == GOOD;
    }
}
