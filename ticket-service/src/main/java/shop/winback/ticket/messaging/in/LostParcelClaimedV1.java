package shop.winback.ticket.messaging.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.UUID;

/**
 * ticket-service's own copy of {@code lost-parcel.claimed.v1} (producer: logistics-service): the
 * fields the courier-fault losses need. A claim is filed (OPEN), then SETTLED (the courier paid
 * {@code settledAmountFen}) or REJECTED; {@code LogisticsEventsTests} keeps this copy honest against
 * the producer's AsyncAPI schema.
 */
public record LostParcelClaimedV1(
        @NotNull UUID claimId,
        @NotBlank String shopId,
        @NotBlank String orderId,
        @PositiveOrZero long amountFen,
        @NotBlank String status,
        Long settledAmountFen,
        @NotNull Instant claimedAt,
        Instant decidedAt) {

    public static final String TYPE = "lost-parcel.claimed.v1";

    public boolean settled() {
        return "SETTLED".equals(status) && settledAmountFen != null;
    }
}
