package shop.winback.review.settings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.review.config.SignalDefaults;

/**
 * A shop's review-signal thresholds. Stored with only what the shop set (null = the default);
 * {@link #over} fills in the rest.
 */
@Schema(name = "ReviewSettings", description = "Thresholds of the review signals; omitted fields keep the defaults")
public record ShopSettings(
        @Schema(description = "Rolling DSR below which an item is flagged", example = "4.8")
        @DecimalMin("1.0")
        @DecimalMax("5.0")
        Double dsrThreshold,

        @Schema(description = "Latest reviews of an item the rolling DSR averages", example = "30") @Min(1) @Max(10_000)
        Integer dsrWindowReviews,

        @Schema(description = "Reviews an item needs before its DSR counts", example = "5") @Min(1) @Max(10_000)
        Integer dsrMinReviews,

        @Schema(
                description = "Buyers with the same complaint about one item that make a production problem",
                example = "3")
        @Min(2)
        @Max(1_000)
        Integer alertBuyers,

        @Schema(description = "Hours within which those complaints count", example = "72") @Min(1) @Max(24 * 90)
        Integer alertWindowHours,

        @Schema(description = "Days of a buyer's history read for suspicion", example = "90") @Min(1) @Max(730)
        Integer suspicionWindowDays,

        @Schema(description = "Neutral/bad reviews in that window that are a sign", example = "3") @Min(1) @Max(1_000)
        Integer suspicionMinNegative,

        @Schema(description = "Share of neutral/bad reviews that is a sign", example = "0.5")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        Double suspicionNegativeShare,

        @Schema(description = "Account age in days under which an account is young", example = "30") @Min(0) @Max(3650)
        Integer suspicionYoungAccountDays,

        @Schema(description = "Score from which a buyer is suspected", example = "0.6")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        Double suspicionThreshold) {

    /** Every field set: the shop's values where it has them, the defaults elsewhere. */
    public ShopSettings over(SignalDefaults d) {
        return new ShopSettings(
                or(dsrThreshold, d.dsrThreshold()),
                or(dsrWindowReviews, d.dsrWindowReviews()),
                or(dsrMinReviews, d.dsrMinReviews()),
                or(alertBuyers, d.alertBuyers()),
                or(alertWindowHours, (int) d.alertWindow().toHours()),
                or(suspicionWindowDays, (int) d.suspicionWindow().toDays()),
                or(suspicionMinNegative, d.suspicionMinNegative()),
                or(suspicionNegativeShare, d.suspicionNegativeShare()),
                or(suspicionYoungAccountDays, (int) d.suspicionYoungAccount().toDays()),
                or(suspicionThreshold, d.suspicionThreshold()));
    }

    public static ShopSettings none() {
        return new ShopSettings(null, null, null, null, null, null, null, null, null, null);
    }

    public Duration alertWindow() {
        return Duration.ofHours(alertWindowHours);
    }

    public Duration suspicionWindow() {
        return Duration.ofDays(suspicionWindowDays);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
