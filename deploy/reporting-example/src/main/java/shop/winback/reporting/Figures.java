package shop.winback.reporting;

import java.util.Map;
import java.util.TreeMap;

/**
 * The counted figures of one shop-day, or of one agent, product or complaint reason within it
 * (docs: /work/spec-17.md, copied in README.md). Counts, not ratios: two {@code Figures} add up, and
 * a retraction is a {@code Figures} with negative counts. The derived figures (rate, incentive, cost
 * per recovery, value) are computed from these when a report is written ({@link DailyReport}).
 *
 * @param compensationPaidFenByType approved compensations' {@code amountFen}, by compensation {@code type}
 */
public record Figures(
        long reviewsReceived,
        long good,
        long neutral,
        long bad,
        long ticketsOpened,
        long recoveredNeutral,
        long recoveredBad,
        long unrecovered,
        Map<String, Long> compensationPaidFenByType) {

    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, Map.of());

    public Figures {
        compensationPaidFenByType =
                Map.copyOf(compensationPaidFenByType == null ? Map.of() : compensationPaidFenByType);
    }

    /** One review received, by its rating (GOOD, NEUTRAL or BAD). */
    static Figures review(String rating) {
        return new Figures(1, is(rating, "GOOD"), is(rating, "NEUTRAL"), is(rating, "BAD"), 0, 0, 0, 0, Map.of());
    }

    static Figures ticketOpened() {
        return new Figures(0, 0, 0, 0, 1, 0, 0, 0, Map.of());
    }

    /** One ticket resolved: recovered (split by the ticket's rating) when the outcome is RECOVERED, else unrecovered. */
    static Figures resolved(String outcome, String rating) {
        if ("RECOVERED".equals(outcome)) {
            return new Figures(0, 0, 0, 0, 0, is(rating, "NEUTRAL"), is(rating, "BAD"), 0, Map.of());
        }
        return new Figures(0, 0, 0, 0, 0, 0, 0, 1, Map.of());
    }

    static Figures compensationApproved(String type, long amountFen) {
        return new Figures(0, 0, 0, 0, 0, 0, 0, 0, Map.of(type, amountFen));
    }

    public long recovered() {
        return recoveredNeutral + recoveredBad;
    }

    public long compensationPaidFen() {
        return compensationPaidFenByType.values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    public Figures plus(Figures o) {
        Map<String, Long> byType = new TreeMap<>(compensationPaidFenByType);
        o.compensationPaidFenByType.forEach((type, fen) -> byType.merge(type, fen, Long::sum));
        byType.values().removeIf(fen -> fen == 0);
        return new Figures(
                reviewsReceived + o.reviewsReceived,
                good + o.good,
                neutral + o.neutral,
                bad + o.bad,
                ticketsOpened + o.ticketsOpened,
                recoveredNeutral + o.recoveredNeutral,
                recoveredBad + o.recoveredBad,
                unrecovered + o.unrecovered,
                byType);
    }

    /** The same figures with every count negated: takes back what was counted before. */
    public Figures negated() {
        Map<String, Long> byType = new TreeMap<>();
        compensationPaidFenByType.forEach((type, fen) -> byType.put(type, -fen));
        return new Figures(
                -reviewsReceived,
                -good,
                -neutral,
                -bad,
                -ticketsOpened,
                -recoveredNeutral,
                -recoveredBad,
                -unrecovered,
                byType);
    }

    public boolean countsNothing() {
        return equals(NONE);
    }

    private static long is(String actual, String expected) {
        return expected.equals(actual) ? 1 : 0;
    }
}
