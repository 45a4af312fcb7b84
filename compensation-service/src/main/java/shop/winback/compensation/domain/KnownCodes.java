package shop.winback.compensation.domain;

/**
 * The codes a quote or the shop's settings accept: this service's copies of what their producers
 * document (KnownCodesContractTests keeps them equal to logistics-service's and review-service's
 * asyncapi.yaml). A code outside them is a 400, never a price from the fallback table.
 */
public final class KnownCodes {

    /** logistics-service's couriers. */
    public static final String COURIERS = "STO|YTO|ZTO|YUNDA|SF|EMS|BEST|TTK";

    public static final String COURIERS_MESSAGE = "must be one of STO, YTO, ZTO, YUNDA, SF, EMS, BEST, TTK";

    /** review-service's complaint reasons. */
    public static final String COMPLAINT_REASONS =
            "QUALITY_DAMAGE|SIZE_FIT|NOT_AS_DESCRIBED|COLOUR_DIFFERENCE|MISSING_ITEM|PARCEL_DAMAGED|SLOW_SHIPPING|COURIER_CONDUCT|SERVICE_ATTITUDE|PRICE|OTHER";

    public static final String COMPLAINT_REASONS_MESSAGE = "must be one of review-service's complaint reasons: "
            + "QUALITY_DAMAGE, SIZE_FIT, NOT_AS_DESCRIBED, COLOUR_DIFFERENCE, MISSING_ITEM, PARCEL_DAMAGED, SLOW_SHIPPING, COURIER_CONDUCT, SERVICE_ATTITUDE, PRICE, OTHER";

    private KnownCodes() {}
}
