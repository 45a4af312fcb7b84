package shop.winback.compensation.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.compensation.domain.CompensationType;

/** A request for a compensation: its canonical JSON (with the requester) is what Idempotency-Key guards. */
@Schema(name = "NewCompensation")
public record NewCompensation(
        @Schema(example = "TB-O-88231907") @NotBlank @Size(max = 64) @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$")
        String orderId,

        @Schema(description = "The ticket this is for, if any", example = "9a0c1e2f-3b4d-4e5f-8a6b-7c8d9e0f1a2b")
        @Size(max = 64)
        @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$")
        String ticketId,

        @Schema(example = "COUPON") @NotNull CompensationType type,

        @Schema(description = "Fen; never more than the order amount (422)", example = "1000")
        @NotNull
        @Min(1)
        @Max(100_000_000)
        Long amountFen,

        @Schema(
                description =
                        "The order's amount, fen. Optional: the service takes it from the order's reviews (reviews.v1); "
                                + "if given it must agree with them (422 otherwise). Required only for an order no neutral or bad review has "
                                + "arrived for (such a request waits for the manager). PRE_SALES' round-off limit is a share of the order's "
                                + "own amount.",
                example = "12900")
        @Min(1)
        @Max(1_000_000_000)
        Long orderAmountFen,

        @Schema(
                description = "Why: a complaint reason code or short label, grouped in month-end accounts",
                example = "QUALITY_DAMAGE")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$")
        String reason,

        @Schema(example = "差评 standard offer accepted by phone")
        @Size(max = 500)
        @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$")
        String note) {}
