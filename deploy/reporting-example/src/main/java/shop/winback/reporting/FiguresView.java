package shop.winback.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures as a report shows them: the counts plus what is derived from them with the shop's settings.
 *
 * @param positiveRate        好评率: good / reviewsReceived, 4 decimals; null when no reviews
 * @param incentiveFen        the shop's incentive per recovered neutral and per recovered bad ticket
 * @param costPerRecoveryFen  compensationPaidFen / recovered, rounded half up; null when nothing was recovered
 * @param valueRecoveredFen   recovered × (buyer value + avoided bad-review cost)
 */
public record FiguresView(
        long reviewsReceived,
        long good,
        long neutral,
        long bad,
        BigDecimal positiveRate,
        long ticketsOpened,
        long recovered,
        long recoveredNeutral,
        long recoveredBad,
        long unrecovered,
        long compensationPaidFen,
        Map<String, Long> compensationPaidFenByType,
        long incentiveFen,
        Long costPerRecoveryFen,
        long valueRecoveredFen) {

    static FiguresView of(Figures f, String shopId, ShopSettings settings) {
        BigDecimal positiveRate = f.reviewsReceived() == 0
                ? null
                : BigDecimal.valueOf(f.good()).divide(BigDecimal.valueOf(f.reviewsReceived()), 4, RoundingMode.HALF_UP);
        long paid = f.compensationPaidFen();
        Long costPerRecovery = f.recovered() == 0
                ? null
                : BigDecimal.valueOf(paid)
                        .divide(BigDecimal.valueOf(f.recovered()), 0, RoundingMode.HALF_UP)
                        .longValueExact();
        long incentive = f.recoveredNeutral() * settings.incentiveNeutralFen().forShop(shopId)
                + f.recoveredBad() * settings.incentiveBadFen().forShop(shopId);
        long value = f.recovered()
                * (settings.buyerValueFen().forShop(shopId)
                        + settings.avoidedBadReviewCostFen().forShop(shopId));
        return new FiguresView(
                f.reviewsReceived(),
                f.good(),
                f.neutral(),
                f.bad(),
                positiveRate,
                f.ticketsOpened(),
                f.recovered(),
                f.recoveredNeutral(),
                f.recoveredBad(),
                f.unrecovered(),
                paid,
                new TreeMap<>(f.compensationPaidFenByType()),
                incentive,
                costPerRecovery,
                value);
    }
}
