package shop.winback.ticket.messaging.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import shop.winback.ticket.domain.Rating;

/**
 * ticket-service's own copy of {@code review.revised.v1} (producer: review-service): the fields it
 * reads to credit a recovery. Kept honest by {@code ReviewEventContractTests}.
 */
public record ReviewRevisedV1(
        @NotNull UUID reviewId,
        @NotBlank String shopId,
        @NotBlank String orderId,
        @NotNull @Valid State after,
        boolean textStillNegative,
        @NotNull Instant revisedAt) {

    public static final String TYPE = "review.revised.v1";

    public record State(@NotNull Rating rating) {}
}
