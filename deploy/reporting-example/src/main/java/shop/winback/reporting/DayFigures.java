package shop.winback.reporting;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * One shop-day's figures with their breakdowns: by agent (the resolving agent of a ticket, the agent of an approved
 * compensation), by product (the item SKU of the review or ticket) and by complaint reason (each of the review's
 * reasons: a review with several counts under each). Also what one event contributes to a day: the job adds these up
 * per {@code shopId|date}.
 */
public record DayFigures(
        Figures total, Map<String, Figures> byAgent, Map<String, Figures> byProduct, Map<String, Figures> byReason) {

    public static final DayFigures NONE = new DayFigures(Figures.NONE, Map.of(), Map.of(), Map.of());

    public DayFigures {
        total = total == null ? Figures.NONE : total;
        byAgent = Map.copyOf(byAgent == null ? Map.of() : byAgent);
        byProduct = Map.copyOf(byProduct == null ? Map.of() : byProduct);
        byReason = Map.copyOf(byReason == null ? Map.of() : byReason);
    }

    /**
     * What one event adds: {@code figures} to the day, and to the agent, the product and each reason that are known
     * (null or empty when not).
     */
    static DayFigures of(Figures figures, String agentId, String sku, Collection<String> reasons) {
        Map<String, Figures> byReason = new TreeMap<>();
        if (reasons != null) {
            reasons.forEach(reason -> byReason.put(reason, figures));
        }
        return new DayFigures(
                figures,
                agentId == null ? Map.of() : Map.of(agentId, figures),
                sku == null ? Map.of() : Map.of(sku, figures),
                byReason);
    }

    public DayFigures plus(DayFigures o) {
        return new DayFigures(
                total.plus(o.total),
                merge(byAgent, o.byAgent),
                merge(byProduct, o.byProduct),
                merge(byReason, o.byReason));
    }

    public DayFigures negated() {
        return new DayFigures(total.negated(), negate(byAgent), negate(byProduct), negate(byReason));
    }

    private static Map<String, Figures> merge(Map<String, Figures> a, Map<String, Figures> b) {
        Map<String, Figures> sum = new TreeMap<>(a);
        b.forEach((key, figures) -> sum.merge(key, figures, Figures::plus));
        sum.values().removeIf(Figures::countsNothing); // a retraction that took everything back leaves no empty entry
        return sum;
    }

    private static Map<String, Figures> negate(Map<String, Figures> m) {
        Map<String, Figures> negated = new TreeMap<>();
        m.forEach((key, figures) -> negated.put(key, figures.negated()));
        return negated;
    }
}
