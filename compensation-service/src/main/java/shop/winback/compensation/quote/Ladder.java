package shop.winback.compensation.quote;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.compensation.domain.CompensationType;

/**
 * DOMAIN's compensation ladder (cost to the shop as a share of the order): explain 0 %, coupon
 * 10–20 %, partial refund or other compensation 20–50 %, free resend 65–80 %, full refund 100 %.
 * The small tokens for the next order (gift, free shipping) sit with the coupon; a return for a
 * refund is "other compensation".
 */
public final class Ladder {

    private Ladder() {}

    @Schema(
            name = "LadderStep",
            description = "The rung of DOMAIN's compensation ladder an option belongs to, with the loss typical of it")
    public record Step(
            @Schema(description = "1 (cheapest) to 5", example = "2")
            int step,

            @Schema(
                    example = "COUPON",
                    enumeration = {"EXPLAIN", "COUPON", "PARTIAL_REFUND", "FREE_RESEND", "FULL_REFUND"})
            String name,

            @Schema(description = "Typical loss, lower bound, % of the order", example = "10")
            int lossMinPercent,

            @Schema(description = "Typical loss, upper bound, % of the order", example = "20")
            int lossMaxPercent) {}

    public static final Step EXPLAIN = new Step(1, "EXPLAIN", 0, 0);
    public static final Step COUPON = new Step(2, "COUPON", 10, 20);
    public static final Step PARTIAL_REFUND = new Step(3, "PARTIAL_REFUND", 20, 50);
    public static final Step FREE_RESEND = new Step(4, "FREE_RESEND", 65, 80);
    public static final Step FULL_REFUND = new Step(5, "FULL_REFUND", 100, 100);

    /** The step of a quote option type (EXPLAIN or a CompensationType name). */
    public static Step stepOf(String optionType) {
        if (QuoteEngine.EXPLAIN.equals(optionType)) {
            return EXPLAIN;
        }
        return switch (CompensationType.valueOf(optionType)) {
            case COUPON, GIFT_NEXT_ORDER, FREE_SHIPPING_NEXT_ORDER, ROUND_OFF -> COUPON;
            case PARTIAL_REFUND, RETURN_FOR_REFUND -> PARTIAL_REFUND;
            case FREE_RESEND -> FREE_RESEND;
            case FULL_REFUND_NO_RETURN -> FULL_REFUND;
        };
    }

    /** The cost as a share of the order, in % to one decimal (0 for an order of 0). */
    public static double shareOfOrderPercent(long costFen, long orderAmountFen) {
        if (orderAmountFen <= 0) {
            return 0;
        }
        return Math.round(costFen * 1000.0 / orderAmountFen) / 10.0;
    }
}
