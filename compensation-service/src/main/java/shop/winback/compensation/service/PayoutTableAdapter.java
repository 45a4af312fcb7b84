package shop.winback.compensation.service;

import jakarta.enterprise.context.ApplicationScoped;
import shop.winback.compensation.domain.Payout;

/**
 * The payout adapter used everywhere today: the payout row itself is the order to the shop
 * platform. The shop's order system polls {@code GET /api/v1/payouts?status=PENDING}, executes each
 * payout once (keyed by the payout id) and answers {@code POST /api/v1/payouts/{id}/confirmation}.
 * Written in the granting transaction, so a grant and its payout order never part.
 */
@ApplicationScoped
public class PayoutTableAdapter implements PayoutPort {

    @Override
    public void submit(Payout payout) {
        payout.persist();
    }
}
