package shop.winback.ticket.stats;

import static shop.winback.platform.csv.Csv.cell;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import shop.winback.ticket.stats.EconomicsViews.Figures;
import shop.winback.ticket.stats.EconomicsViews.RecoveryEconomics;
import shop.winback.ticket.stats.EconomicsViews.Row;
import shop.winback.ticket.stats.EconomicsViews.Times;

/**
 * The report as CSV: a header row, then one row per day (and member, for a breakdown), the same
 * rows as the JSON's {@code rows}. One column per compensation type the producer documents, plus
 * any other type that occurs.
 */
final class EconomicsCsv {

    /** compensation-service's types (compensations.v1 asyncapi), in the order of its ladder. */
    static final List<String> TYPES = List.of(
            "ROUND_OFF",
            "COUPON",
            "PARTIAL_REFUND",
            "GIFT_NEXT_ORDER",
            "FREE_SHIPPING_NEXT_ORDER",
            "RETURN_FOR_REFUND",
            "FREE_RESEND",
            "FULL_REFUND_NO_RETURN");

    private EconomicsCsv() {}

    static String of(RecoveryEconomics report) {
        SortedSet<String> others = new TreeSet<>();
        report.totals()
                .forEach(r -> r.figures().compensationPaidFenByType().keySet().stream()
                        .filter(t -> !TYPES.contains(t))
                        .forEach(others::add));
        List<String> types = new ArrayList<>(TYPES);
        types.addAll(others);
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(
                "day",
                "by",
                "key",
                "name",
                "reviewsReceived",
                "goodReviews",
                "neutralReviews",
                "badReviews",
                "positiveRate",
                "ticketsOpened",
                "stillOpen",
                "recovered",
                "recoveredNeutral",
                "recoveredBad",
                "unrecovered",
                "compensationPaidFen"));
        types.forEach(t -> header.add("compensationPaidFen_" + t));
        header.addAll(List.of(
                "courierClaimedFen",
                "courierSettledFen",
                "incentiveFen",
                "costPerRecoveryFen",
                "valueRecoveredFen",
                "assignments",
                "medianSecondsToAssignment",
                "p90SecondsToAssignment",
                "firstContacts",
                "medianSecondsToFirstContact",
                "p90SecondsToFirstContact",
                "resolutions",
                "medianSecondsToResolution",
                "p90SecondsToResolution"));
        out.append(String.join(",", header)).append('\n');
        // a breakdown over a long period has members' totals only (EconomicsReport.MAX_DAYS_PER_MEMBER): their rows
        // have no day
        List<Row> rows = report.rows().isEmpty() && !"shop".equals(report.by()) ? report.totals() : report.rows();
        for (Row row : rows) {
            Figures f = row.figures();
            List<String> cells = new ArrayList<>(List.of(
                    row.day() == null ? "" : row.day().toString(),
                    report.by(),
                    cell(row.key()),
                    cell(row.name()),
                    n(f.reviewsReceived()),
                    n(f.goodReviews()),
                    n(f.neutralReviews()),
                    n(f.badReviews()),
                    f.positiveRate() == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", f.positiveRate()),
                    n(f.ticketsOpened()),
                    n(f.stillOpen()),
                    n(f.recovered()),
                    n(f.recoveredNeutral()),
                    n(f.recoveredBad()),
                    n(f.unrecovered()),
                    n(f.compensationPaidFen())));
            types.forEach(t -> cells.add(n(f.compensationPaidFenByType().getOrDefault(t, 0L))));
            cells.addAll(List.of(
                    n(f.courierClaimedFen()),
                    n(f.courierSettledFen()),
                    n(f.incentiveFen()),
                    nullable(f.costPerRecoveryFen()),
                    n(f.valueRecoveredFen())));
            times(cells, f.toAssignment());
            times(cells, f.toFirstContact());
            times(cells, f.toResolution());
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    private static void times(List<String> cells, Times t) {
        cells.add(n(t.count()));
        cells.add(nullable(t.medianSeconds()));
        cells.add(nullable(t.p90Seconds()));
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static String nullable(Long value) {
        return value == null ? "" : value.toString();
    }
}
