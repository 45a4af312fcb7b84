package shop.winback.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures both the reporting job ({@code reporting.daily-figures.v1}) and ticket-service
 * ({@code GET /api/v1/recovery-economics}) give, under the job's names, so the two can be compared with equals:
 * counts as longs, the positive rate as a number whatever its scale, money by type without zero entries. What
 * only one side has (ticket-service's still open, times, courier losses) is left out. A figure set that counts
 * nothing is dropped: ticket-service lists every day of the period, the job only days with events.
 */
final class SharedFigures {

    /** The job's name of each shared count, and ticket-service's. */
    private static final Map<String, String> COUNTS = names();

    private SharedFigures() {}

    private static Map<String, String> names() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("reviewsReceived", "reviewsReceived");
        m.put("good", "goodReviews");
        m.put("neutral", "neutralReviews");
        m.put("bad", "badReviews");
        m.put("ticketsOpened", "ticketsOpened");
        m.put("recovered", "recovered");
        m.put("recoveredNeutral", "recoveredNeutral");
        m.put("recoveredBad", "recoveredBad");
        m.put("unrecovered", "unrecovered");
        m.put("compensationPaidFen", "compensationPaidFen");
        m.put("incentiveFen", "incentiveFen");
        m.put("valueRecoveredFen", "valueRecoveredFen");
        return m;
    }

    /** One of the job's figure sets (a FiguresView), or null when it counts nothing. */
    static Map<String, Object> figuresOfJob(JsonNode figures) {
        return of(figures, true);
    }

    /** One of ticket-service's figure sets (EconomicsFigures), or null when it counts nothing. */
    static Map<String, Object> figuresOfTicketService(JsonNode figures) {
        return of(figures, false);
    }

    private static Map<String, Object> of(JsonNode figures, boolean job) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean anything = false;
        for (Map.Entry<String, String> name : COUNTS.entrySet()) {
            JsonNode value = figures.get(job ? name.getKey() : name.getValue());
            if (value == null || !value.isIntegralNumber()) {
                throw new AssertionError("no count " + name + " in " + figures);
            }
            m.put(name.getKey(), value.asLong());
            anything |= value.asLong() != 0;
        }
        SortedMap<String, Long> byType = new TreeMap<>();
        figures.path("compensationPaidFenByType").fields().forEachRemaining(e -> {
            if (e.getValue().asLong() != 0) {
                byType.put(e.getKey(), e.getValue().asLong());
            }
        });
        m.put("compensationPaidFenByType", byType);
        m.put("positiveRate", number(figures.get("positiveRate")));
        m.put("costPerRecoveryFen", number(figures.get("costPerRecoveryFen")));
        return anything || !byType.isEmpty() ? m : null;
    }

    /** A number compared by value (0.5 and 0.5000 are equal), null as null. */
    private static BigDecimal number(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue().stripTrailingZeros();
    }

    /** The job's figures of each day ({@code total}) or of each day and member ({@code byAgent} and so on). */
    static SortedMap<String, Map<String, Object>> rowsOfJob(Map<LocalDate, JsonNode> days, String part) {
        SortedMap<String, Map<String, Object>> all = new TreeMap<>();
        days.forEach((day, report) -> {
            if (part.equals("total")) {
                put(all, day.toString(), figuresOfJob(report.path("total")));
            } else {
                report.path(part)
                        .fields()
                        .forEachRemaining(e -> put(all, day + " " + e.getKey(), figuresOfJob(e.getValue())));
            }
        });
        return all;
    }

    /** ticket-service's rows (by=shop: per day; by=agent/product/reason: per day and member), keyed as {@link #rowsOfJob}. */
    static SortedMap<String, Map<String, Object>> rowsOfTicketService(JsonNode report) {
        SortedMap<String, Map<String, Object>> all = new TreeMap<>();
        for (JsonNode row : report.path("rows")) {
            String key = row.path("key").isNull()
                    ? row.path("day").asText()
                    : row.path("day").asText() + " " + row.path("key").asText();
            put(all, key, figuresOfTicketService(row.path("figures")));
        }
        return all;
    }

    private static void put(Map<String, Map<String, Object>> all, String key, Map<String, Object> figures) {
        if (figures != null) {
            all.put(key, figures);
        }
    }
}
