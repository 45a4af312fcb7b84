package shop.winback.compensation.messaging.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * compensation-service's own copy of {@code parcel.scanned.v1} on {@code logistics.v1} (producer: logistics-service):
 * only what tells when a parcel was signed for; unknown fields are ignored.
 */
public record ParcelScannedV1(
        @NotBlank String shopId,
        @NotBlank String orderId,
        @NotBlank String status,
        @NotNull Instant scannedAt) {

    public static final String TYPE = "parcel.scanned.v1";
    /** logistics-service's status of the signed-for scan (签收). */
    public static final String DELIVERED = "DELIVERED";

    public boolean signedFor() {
        return DELIVERED.equals(status);
    }
}
