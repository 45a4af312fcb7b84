package shop.winback.compensation.service;

import shop.winback.compensation.domain.Payout;

/**
 * The shop platform that executes payouts (issues the coupon, makes the refund, ships the resend).
 * Called inside the transaction that grants the compensation. Whatever the adapter, the payout id is
 * the platform's idempotency key, so a retried execution never pays twice; the platform reports the
 * outcome back through {@link PayoutDesk#confirm}.
 */
public interface PayoutPort {

    void submit(Payout payout);
}
