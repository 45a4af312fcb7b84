package shop.winback.compensation.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.compensation.config.ShopDefaults;
import shop.winback.compensation.domain.KnownCodes;

/**
 * A shop's compensation numbers. Stored with only what the shop set (null = the default);
 * {@link #over} fills in the rest. Amounts in fen.
 */
@Schema(
        name = "CompensationSettings",
        description = "Per-shop compensation numbers; omitted fields keep the defaults (DOMAIN)")
public record ShopSettings(
        @Schema(example = "500") @Min(0) @Max(1_000_000) Long neutralOfferFen,
        @Schema(example = "1000") @Min(0) @Max(1_000_000) Long badOfferFen,

        @Schema(description = "Ceiling = return postage + this", example = "100") @Min(0) @Max(100_000)
        Long ceilingMarginFen,

        @Schema(description = "Shop's first-offer share of the return postage", example = "50") @Min(0) @Max(100)
        Integer returnPostageSharePercent,

        @Schema(example = "2") @Min(1) @Max(1000) Integer firmMaxItems,
        @Schema(example = "600") @Min(0) @Max(1_000_000) Long firmRefundFen,
        @Schema(example = "5") @Min(2) @Max(1000) Integer manyItemsThreshold,
        @Schema(example = "100") @Min(0) @Max(100_000) Long manyItemsExtraPerItemFen,
        @Schema(example = "1300") @Min(0) @Max(1_000_000) Long remoteRefundFen,
        @Schema(example = "3000") @Min(0) @Max(10_000_000) Long remoteFullRefundMaxFen,
        @Schema(example = "300") @Min(0) @Max(1_000_000) Long giftCostFen,
        @Schema(example = "70") @Min(0) @Max(100) Integer resendCostPercent,

        @Schema(example = "广东") @Size(min = 1, max = 20) @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$")
        String originProvince,

        @Schema(example = "STO")
        @Size(min = 1, max = 20)
        @Pattern(regexp = KnownCodes.COURIERS, message = KnownCodes.COURIERS_MESSAGE)
        String defaultCourier,

        @Schema(example = "1") @Min(0) @Max(100) Integer preSalesRoundOffPercent,
        @Schema(example = "3") @Min(0) @Max(100_000) Integer preSalesDailyCount,
        @Schema(example = "2000") @Min(0) @Max(100_000_000) Long agentLimitFen,
        @Schema(example = "30") @Min(0) @Max(100_000) Integer agentDailyCount,

        @Schema(example = "20000") @Min(0) @Max(1_000_000_000)
        Long supervisorLimitFen,

        @Schema(example = "100") @Min(0) @Max(100_000) Integer supervisorDailyCount,

        @Schema(
                description = "The shop's time zone (IANA): what its day is for the daily counts",
                example = "Asia/Shanghai")
        @Size(min = 1, max = 40)
        @Pattern(regexp = "^[A-Za-z][A-Za-z0-9_+/-]*$", message = "must be an IANA time zone such as Asia/Shanghai")
        String timeZone,

        @Schema(
                description =
                        "A quality complaint within this many days of receipt, the goods unworn, is offered a return or "
                                + "exchange or a discount; later or worn, the supervisor decides",
                example = "3")
        @Min(0)
        @Max(365)
        Integer qualityReturnDays) {

    /** The shop's time zone; {@link #timeZone} is checked to be one when set. */
    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }

    /** Every field set: the shop's values where it has them, the defaults elsewhere. */
    public ShopSettings over(ShopDefaults d) {
        return new ShopSettings(
                or(neutralOfferFen, d.neutralOfferFen()),
                or(badOfferFen, d.badOfferFen()),
                or(ceilingMarginFen, d.ceilingMarginFen()),
                or(returnPostageSharePercent, d.returnPostageSharePercent()),
                or(firmMaxItems, d.firmMaxItems()),
                or(firmRefundFen, d.firmRefundFen()),
                or(manyItemsThreshold, d.manyItemsThreshold()),
                or(manyItemsExtraPerItemFen, d.manyItemsExtraPerItemFen()),
                or(remoteRefundFen, d.remoteRefundFen()),
                or(remoteFullRefundMaxFen, d.remoteFullRefundMaxFen()),
                or(giftCostFen, d.giftCostFen()),
                or(resendCostPercent, d.resendCostPercent()),
                or(originProvince, d.originProvince()),
                or(defaultCourier, d.defaultCourier()),
                or(preSalesRoundOffPercent, d.preSalesRoundOffPercent()),
                or(preSalesDailyCount, d.preSalesDailyCount()),
                or(agentLimitFen, d.agentLimitFen()),
                or(agentDailyCount, d.agentDailyCount()),
                or(supervisorLimitFen, d.supervisorLimitFen()),
                or(supervisorDailyCount, d.supervisorDailyCount()),
                or(timeZone, d.timeZone()),
                or(qualityReturnDays, d.qualityReturnDays()));
    }

    public static ShopSettings none() {
        return new ShopSettings(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
