package shop.winback.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The outbox's timed job: re-send what the fast path missed. It waits for the end of startup: the relay must not be created (and its emitter connected)
 * before the messaging channels are wired.
 */
@ApplicationScoped
public class OutboxSweeper {

    /** After every other startup observer, the messaging extension's included. */
    static final int AFTER_MESSAGING = Integer.MAX_VALUE - 1;

    private final OutboxRelay relay;
    private volatile boolean started;

    public OutboxSweeper(OutboxRelay relay) {
        this.relay = relay;
    }

    void started(@Observes @Priority(AFTER_MESSAGING) StartupEvent ignored) {
        started = true;
    }

    @Scheduled(
            every = "${outbox.sweep-interval:1s}",
            delayed = "${outbox.sweep-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        if (started) {
            QuarkusTransaction.requiringNew().run(relay::sweepOnce);
        }
    }
}
