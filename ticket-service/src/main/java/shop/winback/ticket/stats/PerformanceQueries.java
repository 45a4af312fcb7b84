package shop.winback.ticket.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import shop.winback.ticket.stats.StatsViews.AgentDay;
import shop.winback.ticket.stats.StatsViews.AgentIncentive;
import shop.winback.ticket.stats.StatsViews.RecoveryDay;

/**
 * The shop's statistics, computed by PostgreSQL from the tickets, contact log, escalations and
 * compensations (never from entities, and never in memory row by row). Each timestamp counts on its
 * local day in the shop's zone, {@code (ts AT TIME ZONE zone)::date}; each range is first narrowed
 * on the raw timestamp, so the indexes on them apply.
 */
@ApplicationScoped
public class PerformanceQueries {

    /** Resolved = closed with a real outcome; a CANCELLED ticket (merged, withdrawn) counts for nobody. */
    private static final NamedSql AGENT_DAYS = new NamedSql("""
            WITH assigned AS (
                SELECT t.agent_id, CAST(t.assigned_at AT TIME ZONE :zone AS date) AS day, count(*) AS n
                FROM ticket t
                WHERE t.shop_id = :shop AND t.agent_id IS NOT NULL AND t.assigned_at >= :since AND t.assigned_at < :until
                GROUP BY 1, 2),
            contacted AS (
                SELECT c.agent_id, CAST(c.attempted_at AT TIME ZONE :zone AS date) AS day, count(DISTINCT c.ticket_id) AS n
                FROM contact_attempt c
                WHERE c.shop_id = :shop AND c.attempted_at >= :since AND c.attempted_at < :until
                GROUP BY 1, 2),
            first_contact AS (
                SELECT COALESCE(first_attempt.agent_id, t.agent_id) AS agent_id,
                       CAST(t.first_contact_at AT TIME ZONE :zone AS date) AS day,
                       percentile_cont(0.5) WITHIN GROUP (
                           ORDER BY CAST(EXTRACT(EPOCH FROM t.first_contact_at - t.opened_at) AS double precision)) AS median
                FROM ticket t
                LEFT JOIN LATERAL (SELECT c.agent_id FROM contact_attempt c WHERE c.ticket_id = t.id
                                   ORDER BY c.attempted_at, c.id LIMIT 1) first_attempt ON true
                WHERE t.shop_id = :shop AND t.first_contact_at >= :since AND t.first_contact_at < :until
                GROUP BY 1, 2),
            resolved AS (
                SELECT t.agent_id, CAST(t.closed_at AT TIME ZONE :zone AS date) AS day,
                       count(*) FILTER (WHERE t.outcome = 'RECOVERED') AS recovered,
                       count(*) AS n,
                       percentile_cont(0.5) WITHIN GROUP (
                           ORDER BY CAST(EXTRACT(EPOCH FROM t.closed_at - t.opened_at) AS double precision)) AS median
                FROM ticket t
                WHERE t.shop_id = :shop AND t.status = 'CLOSED' AND t.outcome IS NOT NULL AND t.outcome <> 'CANCELLED'
                  AND t.agent_id IS NOT NULL AND t.closed_at >= :since AND t.closed_at < :until
                GROUP BY 1, 2),
            escalated AS (
                SELECT e.agent_id, CAST(e.escalated_at AT TIME ZONE :zone AS date) AS day, count(*) AS n
                FROM ticket_escalation e
                WHERE e.shop_id = :shop AND e.agent_id IS NOT NULL AND e.escalated_at >= :since AND e.escalated_at < :until
                GROUP BY 1, 2),
            spent AS (
                SELECT p.agent_id, CAST(p.paid_at AT TIME ZONE :zone AS date) AS day, sum(p.amount_fen) AS fen
                FROM ticket_compensation p
                WHERE p.shop_id = :shop AND p.status = 'PAID' AND p.agent_id IS NOT NULL
                  AND p.paid_at >= :since AND p.paid_at < :until
                GROUP BY 1, 2),
            agent_day AS (
                SELECT agent_id, day FROM assigned
                UNION SELECT agent_id, day FROM contacted
                UNION SELECT agent_id, day FROM first_contact WHERE agent_id IS NOT NULL
                UNION SELECT agent_id, day FROM resolved
                UNION SELECT agent_id, day FROM escalated
                UNION SELECT agent_id, day FROM spent)
            SELECT k.agent_id, a.name, k.day,
                   COALESCE(assigned.n, 0) AS assigned,
                   COALESCE(contacted.n, 0) AS contacted,
                   COALESCE(resolved.recovered, 0) AS recovered,
                   COALESCE(resolved.n, 0) AS resolved,
                   first_contact.median AS median_first_contact,
                   resolved.median AS median_resolution,
                   COALESCE(escalated.n, 0) AS escalations,
                   COALESCE(spent.fen, 0) AS spent_fen
            FROM agent_day k
            LEFT JOIN agent a ON a.id = k.agent_id AND a.shop_id = :shop
            LEFT JOIN assigned USING (agent_id, day)
            LEFT JOIN contacted USING (agent_id, day)
            LEFT JOIN first_contact USING (agent_id, day)
            LEFT JOIN resolved USING (agent_id, day)
            LEFT JOIN escalated USING (agent_id, day)
            LEFT JOIN spent USING (agent_id, day)
            ORDER BY k.day, a.name NULLS LAST, k.agent_id""");

    private static final NamedSql RECOVERY_DAYS = new NamedSql("""
            WITH days AS (
                SELECT CAST(d AS date) AS day FROM generate_series(CAST(:fromDay AS date), CAST(:toDay AS date), interval '1 day') d),
            recovered AS (
                SELECT CAST(t.closed_at AT TIME ZONE :zone AS date) AS day, count(*) AS tickets,
                       sum((SELECT count(*) FROM ticket_review r WHERE r.ticket_id = t.id)) AS reviews
                FROM ticket t
                WHERE t.shop_id = :shop AND t.status = 'CLOSED' AND t.outcome = 'RECOVERED'
                  AND t.closed_at >= :since AND t.closed_at < :until
                GROUP BY 1),
            negative AS (
                SELECT CAST(r.joined_at AT TIME ZONE :zone AS date) AS day, count(*) AS reviews,
                       count(*) FILTER (WHERE r.rating = 'NEUTRAL') AS neutral,
                       count(*) FILTER (WHERE r.rating = 'BAD') AS bad
                FROM ticket_review r
                WHERE r.shop_id = :shop AND r.joined_at >= :since AND r.joined_at < :until
                GROUP BY 1)
            SELECT days.day, COALESCE(recovered.tickets, 0), COALESCE(recovered.reviews, 0),
                   COALESCE(negative.reviews, 0), COALESCE(negative.neutral, 0), COALESCE(negative.bad, 0)
            FROM days
            LEFT JOIN recovered USING (day)
            LEFT JOIN negative USING (day)
            ORDER BY days.day""");

    private static final NamedSql INCENTIVES = new NamedSql("""
            WITH recovered AS (
                SELECT t.agent_id,
                       count(*) FILTER (WHERE t.rating = 'NEUTRAL') AS neutral,
                       count(*) FILTER (WHERE t.rating = 'BAD') AS bad,
                       sum(t.credit_fen) AS credit
                FROM ticket t
                WHERE t.shop_id = :shop AND t.status = 'CLOSED' AND t.outcome = 'RECOVERED' AND t.agent_id IS NOT NULL
                  AND t.closed_at >= :since AND t.closed_at < :until
                GROUP BY 1),
            spent AS (
                SELECT p.agent_id, sum(p.amount_fen) AS fen
                FROM ticket_compensation p
                WHERE p.shop_id = :shop AND p.status = 'PAID' AND p.agent_id IS NOT NULL
                  AND p.paid_at >= :since AND p.paid_at < :until
                GROUP BY 1)
            SELECT agent_id, a.name, COALESCE(recovered.neutral, 0), COALESCE(recovered.bad, 0),
                   COALESCE(recovered.credit, 0), COALESCE(spent.fen, 0)
            FROM recovered
            FULL JOIN spent USING (agent_id)
            LEFT JOIN agent a ON a.id = agent_id AND a.shop_id = :shop
            ORDER BY COALESCE(recovered.credit, 0) DESC, a.name NULLS LAST, agent_id""");

    private final DataSource dataSource;

    public PerformanceQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<AgentDay> agentDays(String shopId, Period period) {
        return query(AGENT_DAYS, shopId, period, rs -> {
            long recovered = rs.getLong("recovered");
            long resolved = rs.getLong("resolved");
            return new AgentDay(
                    rs.getObject("agent_id", UUID.class),
                    rs.getString("name"),
                    rs.getObject("day", LocalDate.class),
                    rs.getLong("assigned"),
                    rs.getLong("contacted"),
                    recovered,
                    resolved,
                    resolved == 0 ? null : (double) recovered / resolved,
                    nullableDouble(rs, "median_first_contact"),
                    nullableDouble(rs, "median_resolution"),
                    rs.getLong("escalations"),
                    rs.getLong("spent_fen"));
        });
    }

    public List<RecoveryDay> recoveryDays(String shopId, Period period) {
        return query(
                RECOVERY_DAYS,
                shopId,
                period,
                rs -> new RecoveryDay(
                        rs.getObject(1, LocalDate.class),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)));
    }

    public List<AgentIncentive> incentives(String shopId, Period period) {
        return query(
                INCENTIVES,
                shopId,
                period,
                rs -> new AgentIncentive(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)));
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(NamedSql sql, String shopId, Period period, RowMapper<T> mapper) {
        Map<String, Object> values = Map.of(
                "shop", shopId,
                "zone", SqlZone.of(period.zone()),
                "since", OffsetDateTime.ofInstant(period.since(), ZoneOffset.UTC),
                "until", OffsetDateTime.ofInstant(period.until(), ZoneOffset.UTC),
                "fromDay", period.from(),
                "toDay", period.to());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = sql.prepare(connection, values);
                ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics query failed for shop " + shopId, e);
        }
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
