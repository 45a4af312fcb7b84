package shop.winback.logistics.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A buyer's missing-item complaint to check against the slip and the courier's weights. */
@Schema(name = "WeightCheckRequest")
public record WeightCheckRequest(
        @NotBlank @Size(max = 64) String orderId,

        @Schema(description = "The items the buyer says are missing") @NotEmpty @Size(max = 200)
        List<@NotNull @Valid Item> missingItems,

        @Schema(description = "The parcel arrived damaged") boolean damaged,

        @Schema(description = "The win-back ticket this check is for, if any")
        UUID ticketId) {

    public record Item(
            @NotBlank @Size(max = 64) String sku,

            @Schema(description = "Pieces missing; default 1") @Min(1) @Max(10_000)
            Integer quantity) {}
}
