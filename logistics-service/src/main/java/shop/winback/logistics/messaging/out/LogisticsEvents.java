package shop.winback.logistics.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.logistics.domain.LostParcelClaim;
import shop.winback.logistics.domain.ParcelScan;
import shop.winback.logistics.domain.Shipment;
import shop.winback.logistics.domain.WeightCheck;
import shop.winback.platform.outbox.Outbox;

/**
 * The events of {@code logistics.v1}, published through the outbox in the caller's transaction.
 * Keyed by order id. Payloads are the public contract documented in asyncapi.yaml.
 */
@ApplicationScoped
public class LogisticsEvents {

    private final Outbox outbox;
    private final LogisticsConfig config;

    public LogisticsEvents(Outbox outbox, LogisticsConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public record ParcelScannedV1(
            UUID scanId,
            UUID shipmentId,
            String shopId,
            String orderId,
            String courier,
            String trackingNumber,
            String station,
            String status,
            Instant scannedAt,
            Integer weightGrams,
            String source) {
        public static final String TYPE = "parcel.scanned.v1";
    }

    public record WeightCheckCompletedV1(
            UUID weightCheckId,
            String shopId,
            String orderId,
            UUID ticketId,
            String verdict,
            List<String> missingSkus,
            boolean damaged,
            Integer originWeightGrams,
            Integer lastStationWeightGrams,
            int missingWeightGrams,
            Integer toleranceGrams,
            List<String> evidence,
            String courier,
            String trackingNumber,
            Instant checkedAt) {
        public static final String TYPE = "weight-check.completed.v1";
    }

    public record LostParcelClaimedV1(
            UUID claimId,
            UUID weightCheckId,
            String shopId,
            String orderId,
            String courier,
            String trackingNumber,
            long amountFen,
            String currency,
            String verdict,
            String status,
            Long settledAmountFen,
            List<String> evidence,
            Instant claimedAt,
            Instant decidedAt,
            String decisionReason) {
        public static final String TYPE = "lost-parcel.claimed.v1";
    }

    public void scanned(Shipment s, ParcelScan scan) {
        outbox.publish(
                config.topic(),
                s.orderId,
                ParcelScannedV1.TYPE,
                s.id.toString(),
                scan.receivedAt,
                new ParcelScannedV1(
                        scan.id,
                        s.id,
                        s.shopId,
                        s.orderId,
                        s.courier.name(),
                        s.trackingNumber,
                        scan.station,
                        scan.status.name(),
                        scan.scannedAt,
                        scan.weightGrams,
                        scan.source.name()));
    }

    public void weightChecked(WeightCheck c, Shipment s) {
        outbox.publish(
                config.topic(),
                c.orderId,
                WeightCheckCompletedV1.TYPE,
                c.id.toString(),
                c.checkedAt,
                new WeightCheckCompletedV1(
                        c.id,
                        c.shopId,
                        c.orderId,
                        c.ticketId,
                        c.verdict.name(),
                        c.missingSkus(),
                        c.damaged,
                        c.originWeightGrams,
                        c.lastStationWeightGrams,
                        c.missingWeightGrams,
                        c.toleranceGrams,
                        c.evidence,
                        s.courier.name(),
                        s.trackingNumber,
                        c.checkedAt));
    }

    /** On filing (OPEN) and again, with a new event id, when the claim is settled or rejected. */
    public void claim(LostParcelClaim c) {
        Instant at = c.decidedAt != null ? c.decidedAt : c.claimedAt;
        outbox.publish(
                config.topic(),
                c.orderId,
                LostParcelClaimedV1.TYPE,
                c.id.toString(),
                at,
                new LostParcelClaimedV1(
                        c.id,
                        c.weightCheckId,
                        c.shopId,
                        c.orderId,
                        c.courier.name(),
                        c.trackingNumber,
                        c.amountFen,
                        "CNY",
                        c.verdict.name(),
                        c.status.name(),
                        c.settledAmountFen,
                        c.evidence,
                        c.claimedAt,
                        c.decidedAt,
                        c.decisionReason));
    }
}
