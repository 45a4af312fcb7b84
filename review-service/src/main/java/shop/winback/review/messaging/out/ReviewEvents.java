package shop.winback.review.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import shop.winback.platform.outbox.Outbox;
import shop.winback.review.config.ReviewConfig;
import shop.winback.review.domain.Review;
import shop.winback.review.domain.ReviewRevision;
import shop.winback.review.messaging.out.ItemSignalsV1.ItemDsrBelowThresholdV1;
import shop.winback.review.messaging.out.ItemSignalsV1.ProductProblemAlertV1;
import shop.winback.review.reasons.ReasonMatch;

/**
 * Every event review-service publishes, all on {@code reviews.v1} keyed by the order (so a review's events stay in
 * order), through the outbox in the caller's transaction: an event exists if and only if its change commits.
 */
@ApplicationScoped
public class ReviewEvents {

    private final Outbox outbox;
    private final String topic;

    public ReviewEvents(Outbox outbox, ReviewConfig config) {
        this.outbox = outbox;
        this.topic = config.topic();
    }

    /** A review was captured; in the trace of the request that brought it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(Review review, List<ReasonMatch> reasons, ReviewReceivedV1.Suspicion suspicion) {
        outbox.publish(
                topic,
                review.orderId,
                ReviewReceivedV1.TYPE,
                review.id.toString(),
                review.receivedAt,
                ReviewReceivedV1.of(review, reasons, suspicion),
                review.traceParent);
    }

    /** The buyer revised the review. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revised(Review review, ReviewRevision revision, List<String> complaintReasons) {
        outbox.publish(
                topic,
                review.orderId,
                ReviewRevisedV1.TYPE,
                review.id.toString(),
                revision.revisedAt,
                ReviewRevisedV1.of(review, revision, complaintReasons));
    }

    /** @param orderId the order whose review tipped the item's average */
    @Transactional(Transactional.TxType.MANDATORY)
    public void itemDsrBelowThreshold(String orderId, ItemDsrBelowThresholdV1 signal) {
        outbox.publish(topic, orderId, ItemDsrBelowThresholdV1.TYPE, signal.itemSku(), signal.at(), signal);
    }

    /** @param orderId the order whose review raised the alert */
    @Transactional(Transactional.TxType.MANDATORY)
    public void productProblemAlert(String orderId, ProductProblemAlertV1 alert) {
        outbox.publish(topic, orderId, ProductProblemAlertV1.TYPE, alert.itemSku(), alert.at(), alert);
    }
}
