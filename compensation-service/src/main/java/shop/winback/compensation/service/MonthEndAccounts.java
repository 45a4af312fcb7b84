package shop.winback.compensation.service;

import static shop.winback.platform.csv.Csv.cell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.CourierClaim;
import shop.winback.compensation.domain.LedgerEntry;

/**
 * The month's money: every ledger entry granted in the month (shop time zone) by type, tier, agent,
 * reason and day; and, apart from it, what couriers lost (lost-parcel claims, not REJECTED), which the
 * shop settles with the courier rather than pays out of its own pocket.
 */
@ApplicationScoped
public class MonthEndAccounts {

    private final CompensationConfig config;

    public MonthEndAccounts(CompensationConfig config) {
        this.config = config;
    }

    @Schema(name = "AccountLine")
    public record Line(
            @Schema(example = "COUPON") String key,
            long count,
            @Schema(example = "12000") long amountFen) {}

    @Schema(
            name = "CourierFaultLosses",
            description = "Lost or damaged parcels claimed against couriers (丢件赔偿登记), REJECTED claims excluded")
    public record CourierLosses(
            long count, long amountFen, List<Line> byCourier, List<Line> byVerdict, List<Line> byStatus) {}

    @Schema(name = "MonthEndAccounts")
    public record Accounts(
            String shopId,
            @Schema(example = "2026-11") String month,
            String zone,
            String currency,

            @Schema(description = "Granted compensations (ledger entries)")
            long count,

            long amountFen,
            List<Line> byType,
            List<Line> byTier,
            List<Line> byAgent,
            List<Line> byReason,
            List<Line> byDay,
            CourierLosses courierFaultLosses) {}

    @Transactional
    public Accounts of(String shopId, YearMonth month) {
        ZoneId zone = config.zone();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<LedgerEntry> entries = LedgerEntry.list(
                "shopId = ?1 and grantedAt >= ?2 and grantedAt < ?3 order by grantedAt", shopId, from, to);
        List<CourierClaim> claims = CourierClaim.list(
                "shopId = ?1 and claimedAt >= ?2 and claimedAt < ?3 and status <> 'REJECTED' order by claimedAt",
                shopId,
                from,
                to);
        CourierLosses losses = new CourierLosses(
                claims.size(),
                claims.stream().mapToLong(c -> c.amountFen).sum(),
                lines(claims, c -> c.courier, c -> c.amountFen),
                lines(claims, c -> c.verdict, c -> c.amountFen),
                lines(claims, c -> c.status, c -> c.amountFen));
        return new Accounts(
                shopId,
                month.toString(),
                zone.getId(),
                config.currency(),
                entries.size(),
                entries.stream().mapToLong(e -> e.amountFen).sum(),
                lines(entries, e -> e.type.name(), e -> e.amountFen),
                lines(entries, e -> e.agentTier.name(), e -> e.amountFen),
                lines(entries, e -> e.agentId, e -> e.amountFen),
                lines(entries, e -> e.reason, e -> e.amountFen),
                lines(entries, e -> LocalDate.ofInstant(e.grantedAt, zone).toString(), e -> e.amountFen),
                losses);
    }

    private static <T> List<Line> lines(List<T> items, Function<T, String> key, Function<T, Long> amount) {
        Map<String, long[]> sums = new TreeMap<>();
        for (T item : items) {
            long[] sum = sums.computeIfAbsent(key.apply(item), k -> new long[2]);
            sum[0]++;
            sum[1] += amount.apply(item);
        }
        return sums.entrySet().stream()
                .map(e -> new Line(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** The accounts as CSV: {@code section,key,count,amount_fen}, one line per total. */
    public static String csv(Accounts a) {
        StringBuilder out = new StringBuilder("section,key,count,amount_fen\n");
        row(out, "total", a.month(), a.count(), a.amountFen());
        a.byType().forEach(l -> row(out, "type", l.key(), l.count(), l.amountFen()));
        a.byTier().forEach(l -> row(out, "tier", l.key(), l.count(), l.amountFen()));
        a.byAgent().forEach(l -> row(out, "agent", l.key(), l.count(), l.amountFen()));
        a.byReason().forEach(l -> row(out, "reason", l.key(), l.count(), l.amountFen()));
        a.byDay().forEach(l -> row(out, "day", l.key(), l.count(), l.amountFen()));
        CourierLosses c = a.courierFaultLosses();
        row(out, "courier_fault_total", a.month(), c.count(), c.amountFen());
        c.byCourier().forEach(l -> row(out, "courier_fault_courier", l.key(), l.count(), l.amountFen()));
        c.byVerdict().forEach(l -> row(out, "courier_fault_verdict", l.key(), l.count(), l.amountFen()));
        c.byStatus().forEach(l -> row(out, "courier_fault_status", l.key(), l.count(), l.amountFen()));
        return out.toString();
    }

    private static void row(StringBuilder out, String section, String key, long count, long amountFen) {
        out.append(section)
                .append(',')
                .append(cell(key))
                .append(',')
                .append(count)
                .append(',')
                .append(amountFen)
                .append('\n');
    }
}
