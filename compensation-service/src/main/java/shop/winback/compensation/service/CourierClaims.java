package shop.winback.compensation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import shop.winback.compensation.messaging.in.LostParcelClaimedV1;

/** Registers lost-parcel claims against couriers (丢件赔偿登记) for the month-end accounts. */
@ApplicationScoped
public class CourierClaims {

    private final EntityManager em;
    private final Clock clock;

    public CourierClaims(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Each claim event delivered for the first time; a later event about the same claim (e.g. SETTLED) updates it. */
    @Transactional
    public void record(List<LostParcelClaimedV1> claims) {
        Instant now = Instant.now(clock);
        for (LostParcelClaimedV1 c : claims) {
            em.createNativeQuery("""
                            INSERT INTO courier_claim (claim_id, shop_id, order_id, courier, tracking_number, amount_fen, currency,
                                                       verdict, status, claimed_at, updated_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                            ON CONFLICT (claim_id) DO UPDATE SET amount_fen = excluded.amount_fen, verdict = excluded.verdict,
                                status = excluded.status, updated_at = excluded.updated_at""")
                    .setParameter(1, c.claimId())
                    .setParameter(2, c.shopId())
                    .setParameter(3, c.orderId())
                    .setParameter(4, c.courier())
                    .setParameter(5, c.trackingNumber())
                    .setParameter(6, c.amountFen())
                    .setParameter(7, c.currency())
                    .setParameter(8, c.verdict())
                    .setParameter(9, c.status())
                    .setParameter(10, c.claimedAt())
                    .setParameter(11, now)
                    .executeUpdate();
        }
    }
}
