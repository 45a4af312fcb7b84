package shop.winback.logistics.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.logistics.domain.Courier;
import shop.winback.logistics.domain.ScanStatus;

/** The generic courier push: one parcel, one or more scans. Signed over the raw body (X-Signature). */
@Schema(name = "GenericCourierPush")
public record GenericPush(
        @NotNull Courier courier,
        @NotBlank @Size(max = 40) String trackingNumber,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Scan> scans) {

    public record Scan(
            @NotBlank @Size(max = 200) String station,
            @NotNull OffsetDateTime scannedAt,
            @NotNull ScanStatus status,
            @Min(1) @Max(100_000) Integer weightGrams,
            @Size(max = 500) String description) {}
}
