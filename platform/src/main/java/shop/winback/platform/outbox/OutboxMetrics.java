package shop.winback.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * The outbox backlog for dashboards and alerts: events committed but not yet acknowledged by
 * Kafka ({@code winback_outbox_backlog}) and the age of the oldest one
 * ({@code winback_outbox_oldest_unpublished_seconds}). Read from the database when scraped, over
 * the partial index of unpublished events, so it is the truth for every instance together.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    private final DataSource dataSource;
    private final Clock clock;

    public OutboxMetrics(DataSource dataSource, MeterRegistry meters, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        Gauge.builder(
                        "winback.outbox.backlog",
                        this,
                        m -> m.query("SELECT count(*) FROM outbox_event WHERE published_at IS NULL"))
                .description("Events committed and not yet acknowledged by Kafka")
                .register(meters);
        // created_at is written from the service's clock, so the age is counted on it too, not on the database's now()
        Gauge.builder(
                        "winback.outbox.oldest.unpublished",
                        this,
                        m -> m.secondsSince("SELECT min(created_at) FROM outbox_event WHERE published_at IS NULL"))
                .description("Age of the oldest event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(meters);
    }

    private double secondsSince(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            OffsetDateTime oldest = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            return oldest == null
                    ? 0
                    : Duration.between(oldest.toInstant(), Instant.now(clock)).toMillis() / 1000.0;
        } catch (Exception e) {
            Log.debugf("outbox metrics unavailable: %s", e.toString());
            return Double.NaN;
        }
    }

    private double query(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getDouble(1) : 0;
        } catch (Exception e) {
            Log.debugf("outbox metrics unavailable: %s", e.toString());
            return Double.NaN;
        }
    }
}
