package shop.winback.logistics.domain;

/** What a weight check concludes about a missing-item complaint (DOMAIN "Missing items and courier weights"). */
public enum Verdict {
    /** The packer marked the item out of stock on the slip: refund or resend. */
    SHORT_SHIPPED,
    /** Damaged on arrival and few items missing: refund them directly; the courier may be claimed against. */
    DAMAGED_PARCEL,
    /** The parcel lost at least the missing items' weight between origin and last station: claim against the courier. */
    LOST_IN_TRANSIT,
    /** Same weight at both ends and everything packed: the complaint is not supported. */
    CLAIM_NOT_SUPPORTED,
    /** Not enough evidence; the evidence says what is missing. */
    INCONCLUSIVE;

    public boolean claimable() {
        return this == LOST_IN_TRANSIT || this == DAMAGED_PARCEL;
    }
}
