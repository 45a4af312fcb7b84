package shop.winback.compensation.domain;

/** The rungs of the compensation ladder that cost the shop money (explaining costs nothing and is not requested). */
public enum CompensationType {
    /** 抹零: rounding off the price, PRE_SALES' only tool. */
    ROUND_OFF(false),
    /** 优惠券 */
    COUPON(false),
    /** 部分退款 */
    PARTIAL_REFUND(true),
    /** A small gift with the next order. */
    GIFT_NEXT_ORDER(false),
    /** Free shipping on the next order. */
    FREE_SHIPPING_NEXT_ORDER(false),
    /** Return for a refund; the amount is the shop's share of the return postage. */
    RETURN_FOR_REFUND(true),
    /** 免费重发 */
    FREE_RESEND(false),
    /** Full refund, the buyer keeps the goods. */
    FULL_REFUND_NO_RETURN(true);

    private final boolean cash;

    CompensationType(boolean cash) {
        this.cash = cash;
    }

    /** Money paid back to the buyer (DOMAIN: no quick cash for professional bad-reviewers), not goods or tokens. */
    public boolean cash() {
        return cash;
    }

    /** Whether the quote option type (a CompensationType name or EXPLAIN) pays the buyer cash. */
    public static boolean isCash(String optionType) {
        for (CompensationType t : values()) {
            if (t.name().equals(optionType)) {
                return t.cash;
            }
        }
        return false;
    }
}
