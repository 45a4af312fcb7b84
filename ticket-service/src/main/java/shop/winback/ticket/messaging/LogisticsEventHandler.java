package shop.winback.ticket.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import shop.winback.platform.inbox.Inbox;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.platform.messaging.UnprocessableEventException;
import shop.winback.ticket.stats.EconomicsLedger;

/**
 * Courier-fault losses from {@code logistics.v1}: a claim against the courier counts as claimed on
 * the day it was filed, and as claimed back on the day it was SETTLED, each once per claim (a claim
 * row remembers what was counted, so even a copy under another event id adds nothing). Parcel scans
 * and weight checks are read past; a type nobody handles is unprocessable (dead letter).
 */
@ApplicationScoped
public class LogisticsEventHandler {

    static final String CONSUMER = "ticket-service/logistics";
    static final Set<String> KNOWN_NOT_ACTED_ON = Set.of("parcel.scanned.v1", "weight-check.completed.v1");

    private final Inbox inbox;
    private final EventReader reader;
    private final EconomicsLedger ledger;
    private final DataSource dataSource;

    public LogisticsEventHandler(Inbox inbox, EventReader reader, EconomicsLedger ledger, DataSource dataSource) {
        this.inbox = inbox;
        this.reader = reader;
        this.ledger = ledger;
        this.dataSource = dataSource;
    }

    @Transactional
    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    /** Handles the events in one transaction; throws if any of them cannot be handled. */
    @Transactional
    public void handleAll(List<IncomingEvent> events) {
        List<IncomingEvent> claims = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (LostParcelClaimedV1.TYPE.equals(event.type())) {
                claims.add(event);
            } else if (!KNOWN_NOT_ACTED_ON.contains(event.type())) {
                throw new UnprocessableEventException("no handler for event type " + event.type());
            }
        }
        if (claims.isEmpty()) {
            return;
        }
        Set<String> first = new HashSet<>(inbox.firstDeliveries(
                CONSUMER, claims.stream().map(IncomingEvent::id).toList()));
        for (IncomingEvent event : claims) {
            if (first.remove(event.id())) {
                count(reader.read(event, LostParcelClaimedV1.class));
            }
        }
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
