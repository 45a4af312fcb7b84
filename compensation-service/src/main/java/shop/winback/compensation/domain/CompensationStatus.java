package shop.winback.compensation.domain;

public enum CompensationStatus {
    /** Waiting for a supervisor or manager. */
    PENDING,
    /** Granted: in the ledger, payout queued. */
    APPROVED,
    REJECTED,
    /** The shop platform confirmed it executed the payout. */
    PAID
}
