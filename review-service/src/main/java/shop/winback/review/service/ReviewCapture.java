package shop.winback.review.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import shop.winback.platform.outbox.Outbox;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.review.config.ReviewConfig;
import shop.winback.review.domain.Review;
import shop.winback.review.messaging.ReviewReceivedV1;

/**
 * Captures a review exactly once per (shop, platform review id): the review and its
 * {@code review.received.v1} event commit together; a repeat returns the stored review and
 * publishes nothing, even when two identical posts race (the unique key decides the winner).
 */
@ApplicationScoped
public class ReviewCapture {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Outbox outbox;
    private final ReviewConfig config;
    private final Clock clock;

    public ReviewCapture(Outbox outbox, ReviewConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public record Captured(Review review, boolean created) {
    }

    /** @param review a new, unsaved review as the order system described it */
    public Captured capture(Review review) {
        Instant now = Instant.now(clock);
        if (review.createdAt.isAfter(now.plus(config.maxClockSkew()))) {
            throw new InvalidRequestProblem("createdAt", "must not be in the future");
        }
        Optional<Review> existing = stored(review);
        if (existing.isPresent()) {
            return new Captured(existing.get(), false);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(review, now));
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                // an identical post committed first: same review, no second event
                return new Captured(stored(review).orElseThrow(() -> e), false);
            }
            throw e;
        }
    }

    private Captured store(Review review, Instant now) {
        review.id = UUID.randomUUID();
        review.receivedAt = now;
        review.persistAndFlush();
        outbox.publish(config.topic(), review.orderId, ReviewReceivedV1.TYPE, review.id.toString(),
                review.receivedAt, ReviewReceivedV1.of(review));
        return new Captured(review, true);
    }

    private static Optional<Review> stored(Review review) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Review.findByPlatformId(review.shopId, review.platformReviewId));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
