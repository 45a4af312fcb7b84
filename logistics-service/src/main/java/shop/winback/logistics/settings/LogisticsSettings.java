package shop.winback.logistics.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.logistics.domain.Courier;
import shop.winback.logistics.postage.RemoteAreas;
import shop.winback.logistics.postage.Zone;

/** A shop's own numbers; a null (or an absent price) falls back to the configured default. */
@Schema(name = "LogisticsSettings")
public record LogisticsSettings(
        @Schema(description = "Weights closer than this are the same weight", example = "50") @Min(0) @Max(1000)
        Integer toleranceGrams,

        @Schema(description = "Damaged parcel: at most this many missing pieces are refunded directly", example = "2")
        @Min(0)
        @Max(100)
        Integer damagedFewItemsMax,

        @Schema(
                description =
                        "Prices that replace the defaults for one courier and zone (8 couriers × 4 zones: at most "
                                + MOST_RATES + ")")
        @Size(max = MOST_RATES)
        List<@Valid @NotNull PostageRate> postageRates,

        @Schema(
                description =
                        "偏远地区 as the shop counts them: provinces, or province/city for single cities and counties "
                                + "(e.g. [\"新疆\", \"西藏\", \"四川/甘孜\"]); absent: the defaults. A parcel to or from one is priced in the REMOTE zone and "
                                + "flagged remote, which compensation-service's remote-area rule follows",
                example = "[\"新疆\", \"西藏\", \"四川/甘孜\"]")
        @Size(max = MOST_REMOTE_AREAS)
        List<@NotNull @Size(max = 40) String> remoteAreas) {

    /** Every province and a few dozen counties; a longer list is a mistake. */
    public static final int MOST_REMOTE_AREAS = 100;

    /** Every courier and zone priced twice over is plenty; a longer list is a mistake, not a price list. */
    public static final int MOST_RATES = 64;

    /** Prices in fen; 10,000 元 a kilo is beyond any courier's tariff. */
    public record PostageRate(
            @NotNull Courier courier,
            @NotNull Zone zone,
            @NotNull @Min(0) @Max(1_000_000) Long firstKiloFen,
            @NotNull @Min(0) @Max(1_000_000) Long extraKiloFen) {}

    public static LogisticsSettings none() {
        return new LogisticsSettings(null, null, List.of(), null);
    }

    /** Every field filled: the shop's where set, the defaults elsewhere (postage overrides stay a list of exceptions). */
    public LogisticsSettings over(LogisticsConfig.WeightCheck defaults, RemoteAreas defaultRemoteAreas) {
        return new LogisticsSettings(
                toleranceGrams != null ? toleranceGrams : defaults.toleranceGrams(),
                damagedFewItemsMax != null ? damagedFewItemsMax : defaults.damagedFewItemsMax(),
                postageRates != null ? List.copyOf(postageRates) : List.of(),
                remoteAreas != null ? remoteAreas : defaultRemoteAreas.entries());
    }

    /** The remote areas in force (call on effective settings), in their short form. */
    public RemoteAreas remote() {
        return RemoteAreas.parse(remoteAreas == null ? List.of() : remoteAreas, new java.util.ArrayList<>());
    }

    /** The shop's own price for the courier and zone; the last one listed wins. */
    public Optional<PostageRate> rateFor(Courier courier, Zone zone) {
        List<PostageRate> rates = postageRates == null ? List.of() : postageRates;
        return rates.stream()
                .filter(r -> r.courier() == courier && r.zone() == zone)
                .reduce((a, b) -> b);
    }
}
