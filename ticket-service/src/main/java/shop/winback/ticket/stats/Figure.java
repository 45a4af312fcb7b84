package shop.winback.ticket.stats;

/** A counter of {@code economics_day}; each is added to on the local day the spec-17 table names. */
public enum Figure {
    /** review.received.v1, by rating, on the day of createdAt (when the buyer wrote it). */
    REVIEWS_GOOD,
    REVIEWS_NEUTRAL,
    REVIEWS_BAD,
    /** ticket.opened.v1, on the day of openedAt. */
    TICKETS_OPENED,
    /** Of the tickets opened that day, those not resolved yet (taken off when first resolved). */
    STILL_OPEN,
    /** ticket.resolved.v1 with outcome RECOVERED, by the ticket's rating, on the day of resolvedAt. */
    RECOVERED_NEUTRAL,
    RECOVERED_BAD,
    /** ticket.resolved.v1 with any other outcome, on the day of resolvedAt. */
    UNRECOVERED,
    /** compensation.approved.v1 amountFen, detail = type, on the day of occurredAt. */
    COMPENSATION_FEN,
    /** lost-parcel.claimed.v1 (logistics.v1): amountFen on the day of claimedAt, once per claim. */
    COURIER_CLAIMED_FEN,
    /** lost-parcel.claimed.v1 SETTLED: settledAmountFen on the day of decidedAt, once per claim. */
    COURIER_SETTLED_FEN,
    /** Histograms (detail = bucket, see DurationBuckets) of seconds from the ticket's opening, on the day it ended. */
    SECONDS_TO_ASSIGNMENT,
    SECONDS_TO_FIRST_CONTACT,
    SECONDS_TO_RESOLUTION
}
