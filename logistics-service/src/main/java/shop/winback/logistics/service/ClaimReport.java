package shop.winback.logistics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Month-end settlement with the couriers: the claims filed in a calendar month, per courier. */
@ApplicationScoped
public class ClaimReport {

    private final EntityManager em;

    public ClaimReport(EntityManager em) {
        this.em = em;
    }

    @Schema(name = "CourierClaims")
    public record CourierLine(
            String courier,
            long claims,
            long open,
            long settled,
            long rejected,
            long claimedFen,
            long settledFen,
            long outstandingFen) {}

    @Schema(name = "ClaimReport")
    public record Report(
            String month,
            String zone,
            Instant from,
            Instant to,
            String currency,
            List<CourierLine> couriers,
            long claimedFen,
            long settledFen,
            long outstandingFen) {}

    @Transactional
    public Report of(String shopId, YearMonth month, ZoneId zone) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT courier, count(*),
                               count(*) FILTER (WHERE status = 'OPEN'),
                               count(*) FILTER (WHERE status = 'SETTLED'),
                               count(*) FILTER (WHERE status = 'REJECTED'),
                               coalesce(sum(amount_fen), 0),
                               coalesce(sum(settled_amount_fen) FILTER (WHERE status = 'SETTLED'), 0),
                               coalesce(sum(amount_fen) FILTER (WHERE status = 'OPEN'), 0)
                        FROM lost_parcel_claim
                        WHERE shop_id = ?1 AND claimed_at >= ?2 AND claimed_at < ?3
                        GROUP BY courier ORDER BY courier""")
                .setParameter(1, shopId)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList();
        List<CourierLine> lines = rows.stream()
                .map(r -> new CourierLine((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7])))
                .toList();
        return new Report(
                month.toString(),
                zone.getId(),
                from,
                to,
                "CNY",
                lines,
                lines.stream().mapToLong(CourierLine::claimedFen).sum(),
                lines.stream().mapToLong(CourierLine::settledFen).sum(),
                lines.stream().mapToLong(CourierLine::outstandingFen).sum());
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
