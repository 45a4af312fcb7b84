package shop.winback.review.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import shop.winback.platform.admission.GroupCommit;
import shop.winback.review.config.ReviewConfig;
import shop.winback.review.domain.Review;

/**
 * Where captures wait for the database: single posts and batches that arrive together are stored
 * together, in one transaction (group commit), and what does not fit in the line is refused at
 * once with 503 instead of waiting without bound (see {@link GroupCommit}).
 */
@ApplicationScoped
public class CaptureLine {

    private final GroupCommit<Review, ReviewCapture.Captured> line;

    public CaptureLine(CaptureRetry retry, ReviewConfig config, MeterRegistry meters) {
        ReviewConfig.Capture capture = config.capture();
        this.line = new GroupCommit<>(
                "review-capture", capture.maxQueued(), capture.maxGroup(), capture.maxWait(), retry::captureAll);
        Gauge.builder("winback.capture.queued", line, GroupCommit::queued)
                .description("Reviews waiting to be stored")
                .register(meters);
        FunctionCounter.builder("winback.capture.refused", line, l -> l.stats().refused())
                .description("Reviews refused with 503 because the capture line was full or they waited too long")
                .register(meters);
        FunctionCounter.builder("winback.capture.groups", line, l -> l.stats().groups())
                .description("Transactions that stored captured reviews (each holds one or more requests)")
                .register(meters);
    }

    /**
     * Stores the reviews, together with whatever else waits; one result per review, in order.
     *
     * @throws GroupCommit.OverloadedException at once, when the line is full (nothing is stored)
     */
    public CompletionStage<List<ReviewCapture.Captured>> submit(List<Review> reviews) {
        return line.submit(reviews);
    }

    /** Reviews waiting now. */
    public int queued() {
        return line.queued();
    }

    /** @throws GroupCommit.OverloadedException when a request of this many reviews would be refused now */
    public void requireRoom(int reviews) {
        line.requireRoom(reviews);
    }

    @PreDestroy
    void close() {
        line.close();
    }
}
