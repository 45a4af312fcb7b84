package shop.winback.ticket.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.stats.EconomicsViews.Rates;
import shop.winback.ticket.stats.EconomicsViews.RecoveryEconomics;
import shop.winback.ticket.stats.EconomicsViews.Row;

/**
 * Recovery economics from the per-day counters ({@code economics_day}, kept by EconomicsLedger):
 * a report reads the period's days of one breakdown, never the tickets, so its cost does not grow
 * with the shop's history.
 */
@ApplicationScoped
public class EconomicsReport {

    private static final String DAYS = """
            SELECT day, member, figure, detail, value FROM economics_day
            WHERE shop_id = ? AND dimension = ? AND day BETWEEN CAST(? AS date) AND CAST(? AS date) AND value <> 0""";
    /** A breakdown's members over the whole period, added up by the database: one row per member and figure. */
    private static final String PERIOD = """
            SELECT member, figure, detail, sum(value) FROM economics_day
            WHERE shop_id = ? AND dimension = ? AND day BETWEEN CAST(? AS date) AND CAST(? AS date) AND value <> 0
            GROUP BY member, figure, detail HAVING sum(value) <> 0""";

    /**
     * A breakdown (agent, product, reason) has rows per day and member for periods of at most this many days; a
     * longer period gives each member's totals only. A shop with thousands of SKUs would otherwise get hundreds of
     * thousands of rows for a year (measured: 48 MB by product for a shop of 100,000 reviews, and a heap exhausted at
     * 300,000), and the report's cost would grow with the shop's activity instead of the period's length.
     */
    static final int MAX_DAYS_PER_MEMBER = 31;

    private final DataSource dataSource;

    public EconomicsReport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private record Cell(LocalDate day, String member, Figure figure, String detail, long value) {}

    private record DayMember(LocalDate day, String member) implements Comparable<DayMember> {
        @Override
        public int compareTo(DayMember o) {
            int byDay = day.compareTo(o.day);
            return byDay != 0 ? byDay : member.compareTo(o.member);
        }
    }

    public RecoveryEconomics of(String shopId, Period period, Breakdown by, TicketSettings settings) {
        Rates rates = new Rates(
                settings.buyerValueFen(),
                settings.avoidedBadReviewCostFen(),
                settings.incentiveNeutralFen(),
                settings.incentiveBadFen());
        String byName = by.name().toLowerCase(Locale.ROOT);
        EconomicsTally total = new EconomicsTally();
        List<Cell> shopCells = cells(shopId, Breakdown.SHOP, period);
        shopCells.forEach(c -> total.add(c.figure(), c.detail(), c.value()));
        if (by == Breakdown.SHOP) {
            Map<LocalDate, EconomicsTally> perDay = new TreeMap<>();
            for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
                perDay.put(d, new EconomicsTally());
            }
            shopCells.forEach(c -> perDay.get(c.day()).add(c.figure(), c.detail(), c.value()));
            List<Row> rows = new ArrayList<>(perDay.size());
            perDay.forEach((day, tally) -> rows.add(new Row(day, null, null, tally.figures(rates))));
            return new RecoveryEconomics(
                    shopId,
                    period.from(),
                    period.to(),
                    period.zone().getId(),
                    byName,
                    rates,
                    total.figures(rates),
                    rows,
                    List.of(new Row(null, null, null, total.figures(rates))));
        }
        Map<DayMember, EconomicsTally> perDayMember = new TreeMap<>();
        Map<String, EconomicsTally> perMember = new TreeMap<>();
        if (period.days() <= MAX_DAYS_PER_MEMBER) {
            for (Cell c : cells(shopId, by, period)) {
                perDayMember
                        .computeIfAbsent(new DayMember(c.day(), c.member()), k -> new EconomicsTally())
                        .add(c.figure(), c.detail(), c.value());
                perMember.computeIfAbsent(c.member(), k -> new EconomicsTally()).add(c.figure(), c.detail(), c.value());
            }
        } else {
            for (Cell c : memberTotals(shopId, by, period)) {
                perMember.computeIfAbsent(c.member(), k -> new EconomicsTally()).add(c.figure(), c.detail(), c.value());
            }
        }
        Map<String, String> names = by == Breakdown.AGENT ? agentNames(shopId, perMember.keySet()) : Map.of();
        List<Row> rows = new ArrayList<>(perDayMember.size());
        perDayMember.forEach(
                (k, tally) -> rows.add(new Row(k.day(), k.member(), names.get(k.member()), tally.figures(rates))));
        List<Row> totals = new ArrayList<>(perMember.size());
        perMember.forEach(
                (member, tally) -> totals.add(new Row(null, member, names.get(member), tally.figures(rates))));
        return new RecoveryEconomics(
                shopId,
                period.from(),
                period.to(),
                period.zone().getId(),
                byName,
                rates,
                total.figures(rates),
                rows,
                totals);
    }

    private List<Cell> cells(String shopId, Breakdown by, Period period) {
        return Jdbc.query(
                dataSource,
                DAYS,
                shopBreakdownPeriod(shopId, by, period),
                rs -> new Cell(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        Figure.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getLong(5)));
    }

    private List<Cell> memberTotals(String shopId, Breakdown by, Period period) {
        return Jdbc.query(
                dataSource,
                PERIOD,
                shopBreakdownPeriod(shopId, by, period),
                rs -> new Cell(null, rs.getString(1), Figure.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4)));
    }

    /** The parameters DAYS and PERIOD share: the shop, the breakdown and the period's first and last day. */
    private static Jdbc.Binder shopBreakdownPeriod(String shopId, Breakdown by, Period period) {
        return (s, connection) -> {
            s.setString(1, shopId);
            s.setString(2, by.name());
            s.setString(3, period.from().toString());
            s.setString(4, period.to().toString());
        };
    }

    /** The names of the agents among the members (a compensation's requester may be a principal name, not an agent id). */
    private Map<String, String> agentNames(String shopId, Iterable<String> members) {
        List<UUID> ids = new ArrayList<>();
        for (String m : members) {
            try {
                ids.add(UUID.fromString(m));
            } catch (IllegalArgumentException notAnAgentId) {
                // a supervisor's principal name: shown as it is
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        Jdbc.query(
                dataSource,
                "SELECT id, name FROM agent WHERE shop_id = ? AND id = ANY(?)",
                (s, connection) -> {
                    s.setString(1, shopId);
                    s.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
                },
                rs -> names.put(rs.getObject(1, UUID.class).toString(), rs.getString(2)));
        return names;
    }
}
