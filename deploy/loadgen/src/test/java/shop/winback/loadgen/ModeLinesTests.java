package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The BENCH lines of issue 14: the contract's fields first, in its order; extra fields only appended. */
class ModeLinesTests {

    private static final long MS = 1_000_000L;

    @Test
    void costLineDividesEachProcessesCpuByWhatTheWindowAccepted() {
        String line = BenchLines.cost(new BenchLines.Cost(
                1000, 54_000.0, 3_000.0, 15_120.0, 7_800.0, 9_000.0, 12_000.0, 600.0, 61.7, 60_000, 6_000));
        assertEquals(
                "BENCH cost rate=1000/s review_cpu_ms_per_review=0.900 ticket_cpu_ms_per_ticket=0.500 "
                        + "postgres_cpu_ms_per_review=0.252 kafka_cpu_ms_per_review=0.130 loadgen_cpu_ms_per_review=0.150 "
                        + "compensation_cpu_ms_per_review=0.200 logistics_cpu_ms_per_review=0.010 window_s=61.7 accepted=60000 tickets=6000",
                line);
    }

    @Test
    void costLineSaysNotAvailableForAMissingProcessOrNothingAccepted() {
        String line = BenchLines.cost(new BenchLines.Cost(50, null, 10.0, null, null, 5.0, null, null, 10, 0, 0));
        assertEquals(
                "BENCH cost rate=50/s review_cpu_ms_per_review=n/a ticket_cpu_ms_per_ticket=n/a "
                        + "postgres_cpu_ms_per_review=n/a kafka_cpu_ms_per_review=n/a loadgen_cpu_ms_per_review=n/a "
                        + "compensation_cpu_ms_per_review=n/a logistics_cpu_ms_per_review=n/a window_s=10.0 accepted=0 tickets=0",
                line);
    }

    @Test
    void footprintLineTakesTheSlowestStartOfTheFour() {
        Map<String, Double> rss =
                Map.of("review", 301.26, "ticket", 322.0, "compensation", 280.0, "logistics", 275.55, "bare", 190.04);
        Map<String, Double> start =
                Map.of("review", 6.123, "ticket", 7.5, "compensation", 5.0, "logistics", 4.99, "bare", 3.2);
        assertEquals(
                "BENCH footprint review_rss_mb=301.3 ticket_rss_mb=322.0 compensation_rss_mb=280.0 "
                        + "logistics_rss_mb=275.6 start_s=7.50 bare_start_s=3.20 review_start_s=6.12 ticket_start_s=7.50 "
                        + "compensation_start_s=5.00 logistics_start_s=4.99 bare_rss_mb=190.0",
                BenchLines.footprint(new BenchLines.Footprint(rss, start)));
    }

    @Test
    void footprintOfANormalRunHasNoStartTimes() {
        Map<String, Double> rss = new HashMap<>(Map.of("review", 300.0, "ticket", 310.0));
        String line = BenchLines.footprint(new BenchLines.Footprint(rss, Map.of("review", 6.0)));
        assertEquals(
                "BENCH footprint review_rss_mb=300.0 ticket_rss_mb=310.0 compensation_rss_mb=n/a logistics_rss_mb=n/a "
                        + "start_s=n/a bare_start_s=n/a review_start_s=6.00 ticket_start_s=n/a compensation_start_s=n/a "
                        + "logistics_start_s=n/a bare_rss_mb=n/a",
                line,
                "start_s is the slowest of all four, or nothing");
    }

    @Test
    void backlogLine() {
        assertEquals(
                "BENCH backlog tickets=100000 seconds=80.00 per_s=1250.0 ready_s=7.25 first_s=8.10 expected=100000 "
                        + "duplicated=415 double_assigned=0",
                BenchLines.backlog(new BenchLines.BacklogResult(100_000, 100_000, 80.0, 7.25, 8.1, 415, 0)));
        assertEquals(
                "BENCH backlog tickets=0 seconds=n/a per_s=n/a ready_s=7.00 first_s=n/a expected=200 duplicated=0 "
                        + "double_assigned=0",
                BenchLines.backlog(new BenchLines.BacklogResult(200, 0, null, 7.0, null, 0, 0)),
                "nothing assigned");
    }

    @Test
    void historyLine() {
        LatencySummary after = new LatencySummary(6000, 50 * MS, 240 * MS, 400 * MS);
        LatencySummary fresh = new LatencySummary(6000, 40 * MS, 200 * MS, 300 * MS);
        assertEquals(
                "BENCH history reviews=1000000 open_tickets=100000 p99_ms=240.0 fresh_p99_ms=200.0 ratio=1.20 "
                        + "p50_ms=50.0 fresh_p50_ms=40.0 load_s=95.4 lost=0",
                BenchLines.history(new BenchLines.History(1_000_000, 100_000, after, fresh, 95.42, 0)));
    }

    @Test
    void economicsQueryLineComparesTheYearsP99WithTheFreshShops() {
        LatencySummary month = new LatencySummary(30, 12 * MS, 30 * MS, 31 * MS);
        LatencySummary year = new LatencySummary(30, 80 * MS, 250 * MS, 260 * MS);
        LatencySummary freshMonth = new LatencySummary(30, 5 * MS, 9 * MS, 10 * MS);
        LatencySummary freshYear = new LatencySummary(30, 20 * MS, 50 * MS, 55 * MS);
        assertEquals(
                "BENCH economics_query history_reviews=1000000 history_rows=983968 calls=30 month_p50_ms=12.0 "
                        + "month_p99_ms=30.0 year_p50_ms=80.0 year_p99_ms=250.0 fresh_month_p99_ms=9.0 fresh_year_p99_ms=50.0 "
                        + "ratio_p99=5.00 errors=0",
                BenchLines.economicsQuery(
                        new BenchLines.EconomicsQuery(1_000_000, 983_968, 30, month, year, freshMonth, freshYear, 0)));
        assertTrue(
                BenchLines.economicsQuery(new BenchLines.EconomicsQuery(
                                1, 1, 30, LatencySummary.EMPTY, LatencySummary.EMPTY, freshMonth, freshYear, 60))
                        .endsWith(
                                "year_p50_ms=n/a year_p99_ms=n/a fresh_month_p99_ms=9.0 fresh_year_p99_ms=50.0 ratio_p99=n/a errors=60"),
                "every call failed: no figures, no ratio");
    }

    @Test
    void scaleLine() {
        assertEquals(
                "BENCH scale instances=2 shops=200 tickets_per_s=1800.0 single_instance_tickets_per_s=1000.0 "
                        + "speedup=1.80 double_assigned=0 over_capacity=0 tickets=90000 expected=90000",
                BenchLines.scale(new BenchLines.Scale(2, 200, 1800.0, 1000.0, 0, 0, 90_000, 90_000)));
        assertTrue(
                BenchLines.scale(new BenchLines.Scale(2, 3, null, 100.0, 1, 2, 5, 520))
                        .contains(
                                "tickets_per_s=n/a single_instance_tickets_per_s=100.0 speedup=n/a double_assigned=1 over_capacity=2"));
    }

    @Test
    void everyLineStartsWithItsContractFieldsInOrder() {
        String[][] contract = {
            {
                BenchLines.cost(new BenchLines.Cost(1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1, 1, 1)),
                "BENCH cost rate review_cpu_ms_per_review ticket_cpu_ms_per_ticket postgres_cpu_ms_per_review kafka_cpu_ms_per_review"
            },
            {
                BenchLines.footprint(new BenchLines.Footprint(Map.of(), Map.of())),
                "BENCH footprint review_rss_mb ticket_rss_mb compensation_rss_mb logistics_rss_mb start_s bare_start_s"
            },
            {
                BenchLines.backlog(new BenchLines.BacklogResult(1, 1, 1.0, 1.0, 1.0, 0, 0)),
                "BENCH backlog tickets seconds per_s"
            },
            {
                BenchLines.history(new BenchLines.History(1, 1, LatencySummary.EMPTY, LatencySummary.EMPTY, 1, 0)),
                "BENCH history reviews open_tickets p99_ms fresh_p99_ms ratio"
            },
            {
                BenchLines.economicsQuery(new BenchLines.EconomicsQuery(
                        1,
                        1,
                        1,
                        LatencySummary.EMPTY,
                        LatencySummary.EMPTY,
                        LatencySummary.EMPTY,
                        LatencySummary.EMPTY,
                        0)),
                "BENCH economics_query history_reviews history_rows calls month_p50_ms month_p99_ms year_p50_ms "
                        + "year_p99_ms fresh_month_p99_ms fresh_year_p99_ms ratio_p99 errors"
            },
            {
                BenchLines.scale(new BenchLines.Scale(2, 1, 1.0, 1.0, 0, 0, 1, 1)),
                "BENCH scale instances shops tickets_per_s single_instance_tickets_per_s speedup double_assigned over_capacity"
            }
        };
        for (String[] c : contract) {
            String[] fields = c[0].split(" ");
            String[] names = c[1].split(" ");
            for (int i = 0; i < names.length; i++) {
                String name = i < 2 ? fields[i] : fields[i].substring(0, fields[i].indexOf('='));
                assertEquals(names[i], name, c[0]);
            }
        }
    }
}
