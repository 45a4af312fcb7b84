package shop.winback.compensation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The compensation numbers a shop uses until it sets its own (DOMAIN "Who works here",
 * "Compensation ladder"; where DOMAIN names no number, ours, documented in the README).
 * All amounts in fen.
 */
@ConfigMapping(prefix = "compensation.defaults")
public interface ShopDefaults {

    /** Standard offer for a neutral review (中评 5 元). */
    @WithDefault("500")
    long neutralOfferFen();

    /** Standard offer for a bad review (差评 10 元). */
    @WithDefault("1000")
    long badOfferFen();

    /** The ceiling (心理价位) is the estimated return postage plus this: "a refund just above the return postage". */
    @WithDefault("100")
    long ceilingMarginFen();

    /** Share of the return postage the shop offers to pay first (50/50 split). */
    @WithDefault("50")
    int returnPostageSharePercent();

    /** Orders with at most this many distinct items: be firm. */
    @WithDefault("2")
    int firmMaxItems();

    /** The firm small partial refund (5–6 元). */
    @WithDefault("600")
    long firmRefundFen();

    /** Orders with at least this many distinct items: be generous (each item can earn a bad review). */
    @WithDefault("5")
    int manyItemsThreshold();

    /** How much the ceiling grows per distinct item beyond the firm count, for many-item orders (ours). */
    @WithDefault("100")
    long manyItemsExtraPerItemFen();

    /** The lenient refund for remote areas (偏远地区, ~12–13 元). */
    @WithDefault("1300")
    long remoteRefundFen();

    /** In remote areas, a full refund without return is offered for orders up to this amount (ours). */
    @WithDefault("3000")
    long remoteFullRefundMaxFen();

    /** A quality complaint this many days after receipt, unworn, is taken back or discounted (DOMAIN: 3 days). */
    @WithDefault("3")
    int qualityReturnDays();

    /** Expected cost of a small gift with the next order (ours). */
    @WithDefault("300")
    long giftCostFen();

    /** Cost of a free resend as a share of the order (DOMAIN: 65–80 %). */
    @WithDefault("70")
    int resendCostPercent();

    /** Where the shop ships from: the "to" of a return parcel. */
    @WithDefault("广东")
    String originProvince();

    /** Courier used for return postage estimates when the quote names none. */
    @WithDefault("STO")
    String defaultCourier();

    /** PRE_SALES may round off (抹零) at most this share of the order alone. */
    @WithDefault("1")
    int preSalesRoundOffPercent();

    /** PRE_SALES grants within authority per agent and day (2–3 a day). */
    @WithDefault("3")
    int preSalesDailyCount();

    /** IN_SALES, AFTER_SALES and REVIEW_RECOVERY agents alone: at most this per payout (≤ 20 元). */
    @WithDefault("2000")
    long agentLimitFen();

    /** Grants within authority per agent and day for IN_SALES, AFTER_SALES, REVIEW_RECOVERY (ours). */
    @WithDefault("30")
    int agentDailyCount();

    /** What a supervisor grants alone and approves (e.g. ≤ 200 元); more needs the manager. */
    @WithDefault("20000")
    long supervisorLimitFen();

    /** Grants within authority per supervisor and day (ours). */
    @WithDefault("100")
    int supervisorDailyCount();

    /** The shop's time zone: what its day is for the daily counts (default: the service's zone). */
    @WithDefault("${compensation.zone:Asia/Shanghai}")
    String timeZone();
}
