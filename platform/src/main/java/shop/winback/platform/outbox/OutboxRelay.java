package shop.winback.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.platform.tracing.Traces;

/**
 * Copies committed outbox events to Kafka. Two paths:
 * <ul>
 * <li>fast: right after commit, the events of that transaction are sent; acknowledged ones are
 * deleted in small batches by one background thread, off the request path (the broker holds them
 * now: keeping a second copy would cost the database an update and an index entry per event);</li>
 * <li>sweep ({@link OutboxSweeper}): every {@code outbox.sweep-interval}, events still unpublished
 * after the grace period (a crash, a broker outage) are locked with SKIP LOCKED, so several
 * instances share the work, sent, and marked in the same transaction.</li>
 * </ul>
 * Either path may send an event twice (crash between send and mark); consumers de-duplicate on ce_id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int MARK_BATCH = 1000;
    private static final long MARK_WINDOW_MS = 20;

    private final Emitter<String> emitter;
    private final EntityManager em;
    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Clock clock;
    private final URI source;
    private final LinkedBlockingQueue<UUID> acknowledged = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread marker;

    public OutboxRelay(
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
                    Emitter<String> emitter,
            EntityManager em,
            DataSource dataSource,
            OutboxConfig config,
            Clock clock) {
        this.emitter = emitter;
        this.em = em;
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.source = URI.create(config.source());
    }

    /** Last of the startup observers, so the messaging channels are wired before anything is sent. */
    void start(@Observes @Priority(OutboxSweeper.AFTER_MESSAGING) StartupEvent ignored) {
        running = true;
        marker = new Thread(this::markAcknowledged, "outbox-marker");
        marker.setDaemon(true);
        marker.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (marker != null) {
            marker.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** Fast path: called after a commit with that transaction's events, in the order they were written. */
    void sendCommitted(List<OutboxEvent> events) {
        int missed = 0;
        String reason = null;
        for (OutboxEvent event : events) {
            try {
                send(event).thenRun(() -> acknowledged.add(event.id));
            } catch (RuntimeException e) {
                // buffer full or channel down: the sweeper will pick the event up
                missed++;
                reason = e.toString();
            }
        }
        if (missed > 0) {
            // one line per transaction, not per event: under overload, logging must not add to the load
            Log.warnf(
                    "%d of %d outbox events not sent on the fast path (%s); the sweeper will send them",
                    missed, events.size(), reason);
        }
    }

    /** Sends what the fast path missed, in the caller's transaction; returns how many events were published. */
    int sweepOnce() {
        // An index scan in created_at order, never a bitmap scan: the fast path deletes thousands of rows
        // a second, and a bitmap scan revisits every one of them still awaiting vacuum on each sweep
        // (200 ms a sweep at 5,000 events/s), where an index scan marks them dead in the index once.
        Jdbc.update(dataSource, "SET LOCAL enable_bitmapscan = off", (statement, connection) -> {});
        @SuppressWarnings("unchecked")
        List<OutboxEvent> stale = em.createNativeQuery("""
                        SELECT * FROM outbox_event
                        WHERE published_at IS NULL AND created_at < ?1
                        ORDER BY created_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                .setParameter(1, Instant.now(clock).minus(config.sweepGrace()))
                .setParameter(2, config.sweepBatch())
                .getResultList();
        if (stale.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> sends = new ArrayList<>(stale.size());
        for (OutboxEvent event : stale) {
            try {
                sends.add(send(event));
            } catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e));
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
            // the individual futures below say which events made it
        }
        int published = 0;
        for (int i = 0; i < stale.size(); i++) {
            OutboxEvent event = stale.get(i);
            CompletableFuture<Void> sent = sends.get(i);
            if (sent.isDone() && !sent.isCompletedExceptionally()) {
                em.remove(event);
                published++;
            } else {
                event.attempts++;
                event.lastError =
                        sent.isDone() ? failureOf(sent) : "no broker acknowledgement within " + config.sendTimeout();
            }
        }
        Log.infof("Outbox sweep re-sent %d of %d unpublished events", published, stale.size());
        return published;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        var kafkaRecord = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.messageKey);
        if (event.traceParent != null) {
            kafkaRecord.withHeaders(
                    new RecordHeaders().add(Traces.HEADER, event.traceParent.getBytes(StandardCharsets.US_ASCII)));
        }
        OutgoingKafkaRecordMetadata<String> kafka = kafkaRecord.build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.id.toString())
                .withType(event.type)
                .withSource(source)
                .withSubject(event.subject)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        emitter.send(Message.of(
                event.payload,
                Metadata.of(kafka, cloudEvent),
                () -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return done;
    }

    /**
     * Deletes acknowledged events, about every {@link #MARK_WINDOW_MS} ms in one statement
     * of fixed shape ({@code id = ANY(?)}), outside any JTA transaction: cheap for the database and
     * for us, and off the request path. A crash before marking only means the sweeper re-sends.
     */
    private void markAcknowledged() {
        List<UUID> batch = new ArrayList<>(MARK_BATCH);
        while (running || !acknowledged.isEmpty()) {
            try {
                UUID first = acknowledged.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MARK_WINDOW_MS);
                while (batch.size() < MARK_BATCH && running) {
                    long left = until - System.nanoTime();
                    UUID next = left > 0 ? acknowledged.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    acknowledged.drainTo(batch, MARK_BATCH - batch.size());
                }
                forget(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                // the rows stay unpublished and the sweeper re-sends them: a duplicate, never a loss
                Log.warnf("Could not delete %d published outbox events: %s", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    private void forget(List<UUID> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var noSeqScan = connection.createStatement();
                    PreparedStatement delete = connection.prepareStatement(
                            // rows the sweeper holds are skipped, not waited for: it deletes them itself once sent;
                            // the rows locked here are deleted where they lie (ctid), without a second lookup
                            """
                         WITH locked AS MATERIALIZED (
                             SELECT ctid FROM outbox_event WHERE id = ANY(?) FOR UPDATE SKIP LOCKED)
                         DELETE FROM outbox_event WHERE ctid = ANY(ARRAY(SELECT ctid FROM locked))""")) {
                // Always through the primary key. A queue table is often empty when autovacuum analyzes it;
                // with "no rows" in its statistics the planner scans the table, which under load holds tens
                // of thousands of rows awaiting vacuum (170 ms a delete, up to 17 s, when it joined two scans).
                noSeqScan.execute("SET LOCAL enable_seqscan = off");
                delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                delete.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static String failureOf(CompletableFuture<Void> sent) {
        try {
            sent.join();
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String text = cause.toString();
            return text.length() > 500 ? text.substring(0, 500) : text;
        }
    }
}
