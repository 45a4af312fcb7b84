package shop.winback.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import shop.winback.platform.outbox.Outbox;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.review.config.ReviewConfig;
import shop.winback.review.domain.Review;
import shop.winback.review.messaging.ReviewReceivedV1;
import shop.winback.review.repository.ReviewStore;

/**
 * Captures a review exactly once per (shop, platform review id): the review and its
 * {@code review.received.v1} event commit together; a repeat returns the stored review and
 * publishes nothing, even when two identical posts race (the unique key decides the winner).
 */
@ApplicationScoped
public class ReviewCapture {

    private final ReviewStore store;
    private final Outbox outbox;
    private final ReviewConfig config;
    private final Clock clock;

    public ReviewCapture(ReviewStore store, Outbox outbox, ReviewConfig config, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public record Captured(Review review, boolean created) {
    }

    /** @param review a new, unsaved review as the order system described it */
    @Transactional
    public Captured capture(Review review) {
        Instant now = Instant.now(clock);
        if (review.createdAt.isAfter(now.plus(config.maxClockSkew()))) {
            throw new InvalidRequestProblem("createdAt", "must not be in the future");
        }
        review.id = UUID.randomUUID();
        review.receivedAt = now;
        if (!store.insertIfNew(review)) {
            // committed before us (or racing us, and it won): the same review, no second event
            return new Captured(Review.findByPlatformId(review.shopId, review.platformReviewId).orElseThrow(), false);
        }
        outbox.publish(config.topic(), review.orderId, ReviewReceivedV1.TYPE, review.id.toString(),
                review.receivedAt, ReviewReceivedV1.of(review));
        return new Captured(review, true);
    }
}
