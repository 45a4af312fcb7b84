package shop.winback.ticket.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.platform.messaging.EventRoutes;
import shop.winback.ticket.config.LogisticsConfig;
import shop.winback.ticket.messaging.in.LostParcelClaimedV1;
import shop.winback.ticket.stats.EconomicsLedger;

/**
 * Courier-fault losses from {@code logistics.v1}: a claim against the courier counts as claimed on
 * the day it was filed, and as claimed back on the day it was SETTLED, each once per claim (a claim
 * row remembers what was counted, so even a copy under another event id adds nothing). Parcel scans
 * and weight checks are read past.
 */
@ApplicationScoped
public class LogisticsEventHandler {

    static final String CONSUMER = "ticket-service/logistics";

    private final EconomicsLedger ledger;
    private final DataSource dataSource;
    private final EventRoutes routes;

    public LogisticsEventHandler(EconomicsLedger ledger, DataSource dataSource, LogisticsConfig config) {
        this.ledger = ledger;
        this.dataSource = dataSource;
        this.routes = EventRoutes.of(config.deadLetterTopic(), CONSUMER)
                .on(LostParcelClaimedV1.TYPE, LostParcelClaimedV1.class, this::claimed)
                .readPast("parcel.scanned.v1", "weight-check.completed.v1");
    }

    EventRoutes routes() {
        return routes;
    }

    private void claimed(List<EventRoutes.Received<LostParcelClaimedV1>> claims) {
        claims.forEach(claim -> count(claim.data()));
    }

    private void count(LostParcelClaimedV1 claim) {
        boolean filed = !Jdbc.query(
                        dataSource,
                        """
                INSERT INTO courier_claim (claim_id, shop_id, order_id) VALUES (?, ?, ?)
                ON CONFLICT (claim_id) DO NOTHING RETURNING claim_id""",
                        (s, c) -> {
                            s.setObject(1, claim.claimId());
                            s.setString(2, claim.shopId());
                            s.setString(3, claim.orderId());
                        },
                        rs -> rs.getString(1))
                .isEmpty();
        boolean settled = claim.settled()
                && !Jdbc.query(
                                dataSource,
                                """
                UPDATE courier_claim SET settled_at = ? WHERE claim_id = ? AND shop_id = ? AND settled_at IS NULL
                RETURNING claim_id""",
                                (s, c) -> {
                                    Jdbc.setInstant(s, 1, settledAt(claim));
                                    s.setObject(2, claim.claimId());
                                    s.setString(3, claim.shopId());
                                },
                                rs -> rs.getString(1))
                        .isEmpty();
        if (filed) {
            ledger.courierClaimed(claim.shopId(), claim.orderId(), claim.amountFen(), claim.claimedAt());
        }
        if (settled) {
            ledger.courierSettled(claim.shopId(), claim.orderId(), claim.settledAmountFen(), settledAt(claim));
        }
    }

    private static java.time.Instant settledAt(LostParcelClaimedV1 claim) {
        return claim.decidedAt() != null ? claim.decidedAt() : claim.claimedAt();
    }
}
