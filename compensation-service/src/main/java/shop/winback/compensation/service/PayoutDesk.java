package shop.winback.compensation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.Compensation;
import shop.winback.compensation.domain.CompensationStatus;
import shop.winback.compensation.domain.Payout;
import shop.winback.compensation.domain.PayoutStatus;
import shop.winback.compensation.messaging.out.CompensationEvents;
import shop.winback.platform.problem.ConflictProblem;
import shop.winback.platform.problem.NotFoundProblem;

/**
 * What the shop platform reports about a payout. Executed: the compensation is PAID and
 * {@code compensation.paid.v1} goes out, once, however often the platform confirms. Failed: the
 * payout is offered again (same id, so the platform cannot pay twice) until
 * {@code compensation.payout.max-attempts}, then stays FAILED for a person to look at.
 */
@ApplicationScoped
public class PayoutDesk {

    private final CompensationEvents events;
    private final EntityManager em;
    private final CompensationConfig config;
    private final Clock clock;

    public PayoutDesk(CompensationEvents events, EntityManager em, CompensationConfig config, Clock clock) {
        this.events = events;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    public enum Outcome {
        EXECUTED,
        FAILED
    }

    @Transactional
    public Payout confirm(String shopId, UUID payoutId, Outcome outcome, String platformReference, String failure) {
        Payout p = em.find(Payout.class, payoutId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !p.shopId.equals(shopId)) {
            throw new NotFoundProblem("Payout", payoutId);
        }
        Instant now = Instant.now(clock);
        if (outcome == Outcome.EXECUTED) {
            if (p.status == PayoutStatus.EXECUTED) {
                return p; // the platform confirmed again: nothing changes, no second event
            }
            p.status = PayoutStatus.EXECUTED;
            p.platformReference = platformReference;
            p.executedAt = now;
            p.updatedAt = now;
            Compensation c = em.find(Compensation.class, p.compensationId, LockModeType.PESSIMISTIC_WRITE);
            c.status = CompensationStatus.PAID;
            c.paidAt = now;
            events.paid(c, p.id, now);
            return p;
        }
        if (p.status == PayoutStatus.EXECUTED) {
            throw new ConflictProblem(
                    "payout-executed",
                    "Payout already executed",
                    "Payout " + payoutId + " was confirmed executed at " + p.executedAt
                            + "; it cannot fail afterwards");
        }
        p.attempts++;
        p.lastError = failure == null ? "failed" : failure.substring(0, Math.min(500, failure.length()));
        p.status = p.attempts >= config.payout().maxAttempts() ? PayoutStatus.FAILED : PayoutStatus.PENDING;
        p.updatedAt = now;
        return p;
    }

    /** A person decided a FAILED payout should be tried again. */
    @Transactional
    public Payout retry(String shopId, UUID payoutId) {
        Payout p = em.find(Payout.class, payoutId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !p.shopId.equals(shopId)) {
            throw new NotFoundProblem("Payout", payoutId);
        }
        if (p.status != PayoutStatus.FAILED) {
            throw new ConflictProblem(
                    "payout-not-failed", "Payout not failed", "Payout " + payoutId + " is " + p.status);
        }
        p.status = PayoutStatus.PENDING;
        p.updatedAt = Instant.now(clock);
        return p;
    }
}
