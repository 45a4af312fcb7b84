package shop.winback.compensation.domain;

public enum PayoutStatus {
    /** Waiting for the shop platform (also again after a failed attempt). */
    PENDING,
    /** The platform confirmed it executed the payout. */
    EXECUTED,
    /** Failed too often: needs a person. */
    FAILED
}
