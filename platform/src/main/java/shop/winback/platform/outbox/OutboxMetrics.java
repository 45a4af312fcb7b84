package shop.winback.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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

    public OutboxMetrics(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        Gauge.builder("winback.outbox.backlog", this, m -> m.query("SELECT count(*) FROM outbox_event WHERE published_at IS NULL"))
                .description("Events committed and not yet acknowledged by Kafka")
                .register(meters);
        Gauge.builder("winback.outbox.oldest.unpublished", this, m -> m.query(
                        "SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) FROM outbox_event WHERE published_at IS NULL"))
                .description("Age of the oldest event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(meters);
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
