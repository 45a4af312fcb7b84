package shop.winback.compensation.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import shop.winback.compensation.config.CompensationConfig;

/**
 * Approval chains do not stall: a request waiting for a supervisor longer than
 * {@code compensation.approval.escalate-after} moves up to the manager. One atomic UPDATE, so any
 * number of instances may run it at once; the state is in the database, so it survives restarts.
 */
@ApplicationScoped
public class Escalator {

    private final EntityManager em;
    private final CompensationConfig config;
    private final Clock clock;

    public Escalator(EntityManager em, CompensationConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${compensation.approval.escalation-interval:1m}",
            delayed = "${compensation.approval.escalation-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        int escalated = QuarkusTransaction.requiringNew().call(this::escalateOverdue);
        if (escalated > 0) {
            Log.infof(
                    "Escalated %d compensation requests waiting longer than %s to the manager",
                    escalated, config.approval().escalateAfter());
        }
    }

    /** @return how many requests were escalated */
    public int escalateOverdue() {
        Instant now = Instant.now(clock);
        return em.createNativeQuery("""
                        UPDATE compensation SET required_level = 'MANAGER', escalated_at = ?1
                        WHERE status = 'PENDING' AND required_level = 'SUPERVISOR' AND created_at < ?2""")
                .setParameter(1, now)
                .setParameter(2, now.minus(config.approval().escalateAfter()))
                .executeUpdate();
    }
}
