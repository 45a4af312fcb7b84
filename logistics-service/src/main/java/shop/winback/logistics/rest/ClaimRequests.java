package shop.winback.logistics.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ClaimRequests {

    private ClaimRequests() {}

    @Schema(name = "ClaimRequest")
    public record File(
            @NotNull UUID weightCheckId,

            @Schema(description = "What the courier is asked to pay, in fen") @NotNull @Min(1) @Max(100_000_000)
            Long amountFen,

            @Schema(description = "More evidence beyond the weight check's (photos' references, the buyer's words)")
            @Size(max = 20)
            List<@NotBlank @Size(max = 500) String> evidence,

            @Size(max = 500) String note) {}

    @Schema(name = "ClaimSettlement")
    public record Settle(
            @Schema(description = "What the courier pays, in fen; default the amount claimed") @Min(0) @Max(100_000_000)
            Long settledAmountFen,

            @Size(max = 500) String note) {}

    @Schema(name = "ClaimRejection")
    public record Reject(@NotBlank @Size(max = 500) String reason) {}
}
