package shop.winback.compensation.messaging.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.UUID;

/**
 * compensation-service's own copy of {@code lost-parcel.claimed.v1} on {@code logistics.v1}
 * (producer: logistics-service): only the fields it reads; unknown fields are ignored.
 * {@code LogisticsEventContractTests} keeps this copy honest against logistics-service's AsyncAPI file.
 */
public record LostParcelClaimedV1(
        @NotNull UUID claimId,
        @NotBlank String shopId,
        @NotBlank String orderId,
        @NotBlank String courier,
        String trackingNumber,
        @NotNull @PositiveOrZero Long amountFen,
        @NotBlank String currency,
        @NotBlank String verdict,
        @NotBlank String status,
        @NotNull Instant claimedAt) {

    public static final String TYPE = "lost-parcel.claimed.v1";
}
