package shop.winback.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;

/**
 * The outbox's timed jobs: re-send what the fast path missed, and forget long-published events.
 * They wait for the end of startup: the relay must not be created (and its emitter connected)
 * before the messaging channels are wired.
 */
@ApplicationScoped
public class OutboxSweeper {

    /** After every other startup observer, the messaging extension's included. */
    static final int AFTER_MESSAGING = Integer.MAX_VALUE - 1;

    private final OutboxRelay relay;
    private final EntityManager em;
    private final OutboxConfig config;
    private final Clock clock;
    private volatile boolean started;

    public OutboxSweeper(OutboxRelay relay, EntityManager em, OutboxConfig config, Clock clock) {
        this.relay = relay;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    void started(@Observes @Priority(AFTER_MESSAGING) StartupEvent ignored) {
        started = true;
    }

    @Scheduled(every = "${outbox.sweep-interval:1s}", delayed = "${outbox.sweep-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        if (started) {
            QuarkusTransaction.requiringNew().run(relay::sweepOnce);
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deletePublished() {
        int deleted = QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("delete from OutboxEvent e where e.publishedAt < :before")
                .setParameter("before", Instant.now(clock).minus(config.retention()))
                .executeUpdate());
        if (deleted > 0) {
            Log.infof("Deleted %d published outbox events older than %s", deleted, config.retention());
        }
    }
}
