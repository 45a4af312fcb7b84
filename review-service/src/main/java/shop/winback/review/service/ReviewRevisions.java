package shop.winback.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.review.config.ReviewConfig;
import shop.winback.review.domain.Rating;
import shop.winback.review.domain.Review;
import shop.winback.review.domain.ReviewRevision;
import shop.winback.review.messaging.out.ReviewEvents;
import shop.winback.review.reasons.ReasonMatch;
import shop.winback.review.signals.BuyerSuspicion;

/**
 * A buyer revises a review: the revision is kept, the review shows the latest state, and
 * {@code review.revised.v1} goes out — once per (review, revision time), however often the order
 * system sends it. A rating that went up while the words still complain is flagged.
 */
@ApplicationScoped
public class ReviewRevisions {

    private final ReviewEvents events;
    private final ComplaintReasons reasons;
    private final ReviewConfig config;
    private final Clock clock;

    public ReviewRevisions(ReviewEvents events, ComplaintReasons reasons, ReviewConfig config, Clock clock) {
        this.events = events;
        this.reasons = reasons;
        this.config = config;
        this.clock = clock;
    }

    public record Revised(Review review, ReviewRevision revision, List<String> complaintReasons, boolean created) {}

    /** @param text the text after the revision; null when the buyer left it unchanged */
    @Transactional
    public Revised revise(String shopId, String platformReviewId, Rating rating, String text, Instant revisedAt) {
        Instant now = Instant.now(clock);
        if (revisedAt.isAfter(now.plus(config.maxClockSkew()))) {
            throw new InvalidRequestProblem("revisedAt", "must not be in the future");
        }
        // the row lock serialises revisions of one review: a repeat sent concurrently finds the first
        Review review = Review.<Review>find("shopId = ?1 and platformReviewId = ?2", shopId, platformReviewId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundProblem("Review", platformReviewId));
        Optional<ReviewRevision> repeat = ReviewRevision.find(review.id, revisedAt);
        if (repeat.isPresent()) {
            return new Revised(
                    review,
                    repeat.get(),
                    ComplaintReasons.names(complaints(shopId, repeat.get().ratingAfter, repeat.get().textAfter)),
                    false);
        }
        if (revisedAt.isBefore(review.createdAt)) {
            throw new InvalidRequestProblem(
                    "revisedAt", "must not be before the review was written (" + review.createdAt + ")");
        }
        String textAfter = text == null ? review.text : text;
        List<ReasonMatch> complaints = complaints(shopId, rating, textAfter);
        ReviewRevision revision = new ReviewRevision();
        revision.id = UUID.randomUUID();
        revision.reviewId = review.id;
        revision.shopId = shopId;
        revision.ratingBefore = review.rating;
        revision.ratingAfter = rating;
        revision.textBefore = review.text;
        revision.textAfter = textAfter;
        revision.textStillNegative = rating.isBetterThan(review.rating) && reasons.readNegative(complaints);
        revision.revisedAt = revisedAt;
        revision.receivedAt = now;
        revision.persist();
        if (review.revisedAt == null
                || revisedAt.isAfter(review.revisedAt)) { // a late, older revision changes only history
            review.rating = rating;
            review.text = textAfter;
            review.textFingerprint = BuyerSuspicion.fingerprint(textAfter);
            review.revisedAt = revisedAt;
        }
        review.revisionCount++;
        List<String> names = ComplaintReasons.names(complaints);
        events.revised(review, revision, names);
        return new Revised(review, revision, names, true);
    }

    /** A NEUTRAL or BAD text may get the classifier's guess; a GOOD one (often praise) only what its words name. */
    private List<ReasonMatch> complaints(String shopId, Rating rating, String text) {
        return rating.isNegative() ? reasons.of(shopId, text) : reasons.named(shopId, text);
    }
}
