package shop.winback.reporting;

import java.time.ZoneId;

/**
 * What the job must know about each shop that the events do not say. Defaults are the platform's: days in
 * Asia/Shanghai, a recovered buyer worth 3000 fen (30 元), no avoided bad-review cost, incentives of 300 fen per
 * recovered neutral and 500 fen per recovered bad review.
 */
public record ShopSettings(
        PerShop<ZoneId> zone,
        PerShop<Long> buyerValueFen,
        PerShop<Long> avoidedBadReviewCostFen,
        PerShop<Long> incentiveNeutralFen,
        PerShop<Long> incentiveBadFen) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final long DEFAULT_BUYER_VALUE_FEN = 3000;
    public static final long DEFAULT_AVOIDED_BAD_REVIEW_COST_FEN = 0;
    public static final long DEFAULT_INCENTIVE_NEUTRAL_FEN = 300;
    public static final long DEFAULT_INCENTIVE_BAD_FEN = 500;

    public static ShopSettings defaults() {
        return new ShopSettings(
                PerShop.of(DEFAULT_ZONE),
                PerShop.of(DEFAULT_BUYER_VALUE_FEN),
                PerShop.of(DEFAULT_AVOIDED_BAD_REVIEW_COST_FEN),
                PerShop.of(DEFAULT_INCENTIVE_NEUTRAL_FEN),
                PerShop.of(DEFAULT_INCENTIVE_BAD_FEN));
    }

    public ZoneId zone(String shopId) {
        return zone.forShop(shopId);
    }
}
