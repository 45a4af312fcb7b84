package shop.winback.logistics.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.logistics.domain.Courier;

/** A shipment as the shop's order system posts it. Addresses stop at province and city: no personal data here. */
@Schema(name = "ShipmentRequest")
public record ShipmentRequest(
        @Schema(description = "Optional: the token's shop") @Size(max = 64)
        String shopId,

        @NotBlank @Size(max = 64) String orderId,
        @NotNull Courier courier,

        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and dashes only")
        String trackingNumber,

        @NotNull @Valid PlaceRequest origin,
        @NotNull @Valid PlaceRequest buyer,

        @Schema(description = "What the origin station weighed, if known") @Min(1) @Max(100_000)
        Integer originWeightGrams,

        OffsetDateTime shippedAt,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid SlipLineRequest> packingSlip) {

    public record PlaceRequest(
            @NotBlank @Size(max = 20) String province,
            @Size(max = 30) String city) {}

    public record SlipLineRequest(
            @NotBlank @Size(max = 64) String sku,
            @Size(max = 200) String title,
            @NotNull @Min(1) @Max(10_000) Integer quantity,
            @NotNull @Min(1) @Max(100_000) Integer unitWeightGrams,

            @Schema(description = "The packer marked this line out of stock (not packed)")
            boolean outOfStock) {}
}
