package shop.winback.platform.inbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.winback.platform.jdbc.Jdbc;

/**
 * Remembers which events a consumer has handled, in the consumer's own transaction: the effect
 * and the record commit together, so a redelivered event is recognised and skipped.
 * Relies on the primary key, never on check-then-insert, so concurrent redeliveries are safe.
 * A service that consumes nothing sets {@code winback.inbox.enabled=false} and needs no inbox table.
 * Plain JDBC on the transaction's connection: it runs for every poll, and the ORM's native-query
 * path (plan cache lookups that miss for these statements, flush checks) cost more than the insert.
 */
@ApplicationScoped
@IfBuildProperty(name = "winback.inbox.enabled", stringValue = "true", enableIfMissing = true)
public class Inbox {

    private final EntityManager em;
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration retention;

    public Inbox(
            EntityManager em,
            DataSource dataSource,
            Clock clock,
            @ConfigProperty(name = "inbox.retention", defaultValue = "30d") Duration retention) {
        this.em = em;
        this.dataSource = dataSource;
        this.clock = clock;
        this.retention = retention;
    }

    /** An event as one consumer received it: the inbox remembers the pair. */
    public record Delivery(String consumer, String eventId) {}

    /**
     * The deliveries among {@code deliveries} seen for the first time; one statement for a whole poll, whatever
     * the consumers (a consumer whose types are remembered under several names pays one round trip).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Delivery> firstDeliveries(Collection<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Set.of();
        }
        Instant now = Instant.now(clock);
        return new HashSet<>(Jdbc.query(
                dataSource,
                """
                INSERT INTO inbox_message (consumer, event_id, received_at)
                SELECT d.consumer, d.event_id, ? FROM unnest(?, ?) AS d(consumer, event_id)
                ON CONFLICT (consumer, event_id) DO NOTHING
                RETURNING consumer, event_id""",
                (insert, connection) -> {
                    Jdbc.setInstant(insert, 1, now);
                    insert.setArray(
                            2,
                            connection.createArrayOf(
                                    "text",
                                    deliveries.stream().map(Delivery::consumer).toArray()));
                    insert.setArray(
                            3,
                            connection.createArrayOf(
                                    "text",
                                    deliveries.stream().map(Delivery::eventId).toArray()));
                },
                row -> new Delivery(row.getString(1), row.getString(2))));
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        int deleted = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("DELETE FROM inbox_message WHERE received_at < ?1")
                        .setParameter(1, Instant.now(clock).minus(retention))
                        .executeUpdate());
        if (deleted > 0) {
            Log.infof("Forgot %d inbox records older than %s", deleted, retention);
        }
    }
}
