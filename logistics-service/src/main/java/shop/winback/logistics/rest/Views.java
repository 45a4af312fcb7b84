package shop.winback.logistics.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.logistics.domain.ClaimStatus;
import shop.winback.logistics.domain.Courier;
import shop.winback.logistics.domain.LostParcelClaim;
import shop.winback.logistics.domain.MissingItem;
import shop.winback.logistics.domain.ParcelScan;
import shop.winback.logistics.domain.ScanSource;
import shop.winback.logistics.domain.ScanStatus;
import shop.winback.logistics.domain.Shipment;
import shop.winback.logistics.domain.SlipLine;
import shop.winback.logistics.domain.Verdict;
import shop.winback.logistics.domain.WeightCheck;

/** What the API answers. Entities never leave the service. */
public final class Views {

    private Views() {}

    public record Place(String province, String city) {}

    @Schema(name = "Shipment")
    public record ShipmentView(
            UUID id,
            String shopId,
            String orderId,
            Courier courier,
            String trackingNumber,
            Place origin,
            Place buyer,
            Integer originWeightGrams,
            List<SlipLine> packingSlip,
            Instant shippedAt,
            Instant createdAt) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(
                    s.id,
                    s.shopId,
                    s.orderId,
                    s.courier,
                    s.trackingNumber,
                    new Place(s.originProvince, s.originCity),
                    new Place(s.buyerProvince, s.buyerCity),
                    s.originWeightGrams,
                    s.packingSlip,
                    s.shippedAt,
                    s.createdAt);
        }
    }

    @Schema(name = "ParcelScan")
    public record ScanView(
            UUID id,
            String station,
            Instant scannedAt,
            ScanStatus status,
            Integer weightGrams,
            String description,
            ScanSource source,
            Instant receivedAt) {
        static ScanView of(ParcelScan s) {
            return new ScanView(
                    s.id, s.station, s.scannedAt, s.status, s.weightGrams, s.description, s.source, s.receivedAt);
        }
    }

    @Schema(name = "CourierLookupResult")
    public record LookupView(boolean asked, int reported, int added, String failure, List<ScanView> scans) {}

    @Schema(name = "WeightCheck")
    public record WeightCheckView(
            UUID id,
            String shopId,
            String orderId,
            UUID shipmentId,
            UUID ticketId,
            List<MissingItem> missingItems,
            List<String> missingSkus,
            boolean damaged,
            Verdict verdict,
            Integer originWeightGrams,
            Integer lastStationWeightGrams,
            int missingWeightGrams,
            int toleranceGrams,
            List<String> evidence,
            boolean claimable,
            Instant checkedAt,
            String checkedBy) {
        static WeightCheckView of(WeightCheck c) {
            return new WeightCheckView(
                    c.id,
                    c.shopId,
                    c.orderId,
                    c.shipmentId,
                    c.ticketId,
                    c.missingItems,
                    c.missingSkus(),
                    c.damaged,
                    c.verdict,
                    c.originWeightGrams,
                    c.lastStationWeightGrams,
                    c.missingWeightGrams,
                    c.toleranceGrams,
                    c.evidence,
                    c.verdict.claimable(),
                    c.checkedAt,
                    c.checkedBy);
        }
    }

    @Schema(name = "LostParcelClaim")
    public record ClaimView(
            UUID id,
            String shopId,
            UUID weightCheckId,
            String orderId,
            Courier courier,
            String trackingNumber,
            Verdict verdict,
            long amountFen,
            Long settledAmountFen,
            String currency,
            List<String> evidence,
            String note,
            ClaimStatus status,
            Instant claimedAt,
            String claimedBy,
            Instant decidedAt,
            String decidedBy,
            String decisionReason) {
        static ClaimView of(LostParcelClaim c) {
            return new ClaimView(
                    c.id,
                    c.shopId,
                    c.weightCheckId,
                    c.orderId,
                    c.courier,
                    c.trackingNumber,
                    c.verdict,
                    c.amountFen,
                    c.settledAmountFen,
                    "CNY",
                    c.evidence,
                    c.note,
                    c.status,
                    c.claimedAt,
                    c.claimedBy,
                    c.decidedAt,
                    c.decidedBy,
                    c.decisionReason);
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {}
}
