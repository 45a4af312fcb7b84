package shop.winback.compensation.domain;

/** The rungs of the compensation ladder that cost the shop money (explaining costs nothing and is not requested). */
public enum CompensationType {
    /** 抹零: rounding off the price, PRE_SALES' only tool. */
    ROUND_OFF,
    /** 优惠券 */
    COUPON,
    /** 部分退款 */
    PARTIAL_REFUND,
    /** A small gift with the next order. */
    GIFT_NEXT_ORDER,
    /** Free shipping on the next order. */
    FREE_SHIPPING_NEXT_ORDER,
    /** Return for a refund; the amount is the shop's share of the return postage. */
    RETURN_FOR_REFUND,
    /** 免费重发 */
    FREE_RESEND,
    /** Full refund, the buyer keeps the goods. */
    FULL_REFUND_NO_RETURN
}
