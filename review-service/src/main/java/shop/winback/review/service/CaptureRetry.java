package shop.winback.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import shop.winback.platform.messaging.TransientFailures;
import shop.winback.review.domain.Review;

/**
 * Runs a capture transaction again when the database gave up on it for reasons that pass by
 * themselves (a deadlock between concurrent batches, a serialization failure): the order system
 * gets its answer instead of a 500 for something that was never its fault.
 */
@ApplicationScoped
public class CaptureRetry {

    static final int ATTEMPTS = 3;

    private final ReviewCapture capture;

    public CaptureRetry(ReviewCapture capture) {
        this.capture = capture;
    }

    public List<ReviewCapture.Captured> captureAll(List<Review> reviews) {
        for (int attempt = 1; ; attempt++) {
            try {
                return capture.captureAll(reviews);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !TransientFailures.isTransient(e)) {
                    throw e;
                }
                reviews.forEach(r -> r.id = null); // rolled back: the next attempt starts afresh
            }
        }
    }
}
