package shop.winback.ticket.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import shop.winback.ticket.stats.EconomicsViews.Figures;
import shop.winback.ticket.stats.EconomicsViews.Rates;
import shop.winback.ticket.stats.EconomicsViews.Times;

/** The counters of some days (and members) added up, and the figures derived from them (spec-17). */
final class EconomicsTally {

    private final Map<Figure, Long> counts = new EnumMap<>(Figure.class);
    private final SortedMap<String, Long> compensationByType = new TreeMap<>();
    private final Map<Figure, SortedMap<Integer, Long>> histograms = new EnumMap<>(Figure.class);

    void add(Figure figure, String detail, long value) {
        switch (figure) {
            case COMPENSATION_FEN -> compensationByType.merge(detail, value, Long::sum);
            case SECONDS_TO_ASSIGNMENT, SECONDS_TO_FIRST_CONTACT, SECONDS_TO_RESOLUTION ->
                histograms
                        .computeIfAbsent(figure, f -> new TreeMap<>())
                        .merge(Integer.parseInt(detail), value, Long::sum);
            default -> counts.merge(figure, value, Long::sum);
        }
    }

    void addAll(EconomicsTally other) {
        other.counts.forEach((f, v) -> counts.merge(f, v, Long::sum));
        other.compensationByType.forEach((t, v) -> compensationByType.merge(t, v, Long::sum));
        other.histograms.forEach((f, h) -> h.forEach(
                (b, v) -> histograms.computeIfAbsent(f, x -> new TreeMap<>()).merge(b, v, Long::sum)));
    }

    Figures figures(Rates rates) {
        long good = count(Figure.REVIEWS_GOOD);
        long neutral = count(Figure.REVIEWS_NEUTRAL);
        long bad = count(Figure.REVIEWS_BAD);
        long received = good + neutral + bad;
        long recoveredNeutral = count(Figure.RECOVERED_NEUTRAL);
        long recoveredBad = count(Figure.RECOVERED_BAD);
        long recovered = recoveredNeutral + recoveredBad;
        long paid =
                compensationByType.values().stream().mapToLong(Long::longValue).sum();
        return new Figures(
                received,
                good,
                neutral,
                bad,
                received == 0
                        ? null
                        : BigDecimal.valueOf(good)
                                .divide(BigDecimal.valueOf(received), 4, RoundingMode.HALF_UP)
                                .doubleValue(),
                count(Figure.TICKETS_OPENED),
                count(Figure.STILL_OPEN),
                recovered,
                recoveredNeutral,
                recoveredBad,
                count(Figure.UNRECOVERED),
                paid,
                new TreeMap<>(compensationByType),
                count(Figure.COURIER_CLAIMED_FEN),
                count(Figure.COURIER_SETTLED_FEN),
                recoveredNeutral * rates.incentiveNeutralFen() + recoveredBad * rates.incentiveBadFen(),
                recovered == 0
                        ? null
                        : BigDecimal.valueOf(paid)
                                .divide(BigDecimal.valueOf(recovered), 0, RoundingMode.HALF_UP)
                                .longValueExact(),
                recovered * (rates.buyerValueFen() + rates.avoidedBadReviewCostFen()),
                times(Figure.SECONDS_TO_ASSIGNMENT),
                times(Figure.SECONDS_TO_FIRST_CONTACT),
                times(Figure.SECONDS_TO_RESOLUTION));
    }

    private long count(Figure figure) {
        return counts.getOrDefault(figure, 0L);
    }

    private Times times(Figure figure) {
        SortedMap<Integer, Long> h = histograms.getOrDefault(figure, new TreeMap<>());
        long n = h.values().stream().mapToLong(Long::longValue).sum();
        return new Times(n, DurationBuckets.percentile(h, 0.5), DurationBuckets.percentile(h, 0.9));
    }
}
