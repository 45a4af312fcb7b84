package shop.winback.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import shop.winback.platform.ids.TimeOrderedUuid;
import shop.winback.platform.problem.Problem;
import shop.winback.review.config.ReviewConfig;
import shop.winback.review.domain.Review;
import shop.winback.review.messaging.out.ReviewEvents;
import shop.winback.review.messaging.out.ReviewReceivedV1;
import shop.winback.review.reasons.ReasonMatch;
import shop.winback.review.repository.ReviewStore;
import shop.winback.review.settings.ShopSettings;
import shop.winback.review.settings.ShopSettingsStore;
import shop.winback.review.signals.BuyerSuspicion;
import shop.winback.review.signals.ItemWatch;

/**
 * Captures a review exactly once per (shop, platform review id): the review and its
 * {@code review.received.v1} event commit together; a repeat returns the stored review and
 * publishes nothing, even when two identical posts race (the unique key decides the winner).
 */
@ApplicationScoped
public class ReviewCapture {

    private final ReviewStore store;
    private final ComplaintReasons complaintReasons;
    private final ShopSettingsStore settingsStore;
    private final BuyerSuspicion suspicions;
    private final ItemWatch items;
    private final ReviewEvents events;
    private final ReviewConfig config;
    private final Clock clock;

    public ReviewCapture(
            ReviewStore store,
            ComplaintReasons complaintReasons,
            ShopSettingsStore settingsStore,
            BuyerSuspicion suspicions,
            ItemWatch items,
            ReviewEvents events,
            ReviewConfig config,
            Clock clock) {
        this.store = store;
        this.complaintReasons = complaintReasons;
        this.settingsStore = settingsStore;
        this.suspicions = suspicions;
        this.items = items;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    public record Captured(Review review, boolean created) {}

    /** The review's times that lie in the future (beyond the shop's clock skew): none when it can be taken as dated. */
    public List<Problem.Violation> timesInTheFuture(Review review) {
        Instant latest = Instant.now(clock).plus(config.maxClockSkew());
        List<Problem.Violation> wrong = new ArrayList<>(0);
        if (review.createdAt.isAfter(latest)) {
            wrong.add(new Problem.Violation("createdAt", "must not be in the future"));
        }
        if (review.goodsReceivedAt != null && review.goodsReceivedAt.isAfter(latest)) {
            wrong.add(new Problem.Violation("goods.receivedAt", "must not be in the future"));
        }
        return wrong;
    }

    /**
     * Captures reviews, of one shop or of many, in one transaction: one batch insert, per shop one
     * round of signal queries, one batch of events. A platform review id the shop used before, or
     * earlier in the same list, is a duplicate: the stored review comes back and nothing is published.
     *
     * @param reviews new, unsaved reviews, already validated
     * @return one result per review, in order
     */
    @Transactional
    public List<Captured> captureAll(List<Review> reviews) {
        Instant now = Instant.now(clock);
        Map<String, Review> firstOfId = new LinkedHashMap<>();
        for (Review review : reviews) {
            if (firstOfId.putIfAbsent(key(review), review) == null) {
                review.id = TimeOrderedUuid.next(); // inserted in time order: see TimeOrderedUuid
                review.receivedAt = now;
            }
        }
        List<Review> candidates = List.copyOf(firstOfId.values());
        boolean[] stored = store.insertAllIfNew(candidates);
        Map<String, Review> known = new HashMap<>();
        Map<String, List<Review>> createdByShop = new TreeMap<>();
        Map<String, List<String>> repeatsByShop = new TreeMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Review review = candidates.get(i);
            if (stored[i]) {
                known.put(key(review), review);
                createdByShop
                        .computeIfAbsent(review.shopId, shop -> new ArrayList<>())
                        .add(review);
            } else {
                // committed before us, or racing us and it won
                repeatsByShop
                        .computeIfAbsent(review.shopId, shop -> new ArrayList<>())
                        .add(review.platformReviewId);
            }
        }
        Map<UUID, List<ReasonMatch>> reasonsOf = new LinkedHashMap<>();
        Map<String, ShopSettings> settingsOf = new HashMap<>();
        createdByShop.forEach((shop, created) -> settingsOf.put(shop, captured(shop, created, reasonsOf)));
        store.insertReasons(reasonsOf);
        // the item signals count the stored complaint reasons: this capture's must be stored first
        createdByShop.forEach((shop, created) -> items.reviewsCaptured(created, reasonsOf, settingsOf.get(shop)));
        repeatsByShop.forEach((shop, ids) -> Review.findByPlatformIds(shop, ids).forEach(r -> known.put(key(r), r)));
        Set<String> createdHere = new HashSet<>();
        List<Captured> results = new ArrayList<>(reviews.size());
        for (Review review : reviews) {
            Review kept = known.get(key(review));
            boolean created = kept == review && createdHere.add(key(review));
            results.add(new Captured(kept, created));
        }
        return results;
    }

    /** What follows from a shop's newly stored reviews: reasons, suspicion, events; @return the shop's settings */
    private ShopSettings captured(String shop, List<Review> created, Map<UUID, List<ReasonMatch>> reasonsOf) {
        ShopSettings settings = settingsStore.effective(shop);
        for (Review review : created) {
            // what a neutral or bad review complains about travels with it, for routing and statistics
            List<ReasonMatch> reasons = review.rating.isNegative() ? complaintReasons.of(shop, review.text) : List.of();
            if (!reasons.isEmpty()) {
                reasonsOf.put(review.id, reasons);
            }
        }
        // a suspected professional bad-reviewer is marked, so routing can send them to a supervisor
        Map<UUID, BuyerSuspicion.Assessment> suspicion = suspicions.assess(
                created.stream().filter(r -> r.rating.isNegative()).toList(), settings);
        for (Review review : created) {
            BuyerSuspicion.Assessment assessed = suspicion.get(review.id);
            events.received(
                    review,
                    reasonsOf.getOrDefault(review.id, List.of()),
                    assessed == null
                            ? null
                            : new ReviewReceivedV1.Suspicion(
                                    assessed.suspected(), assessed.score(), assessed.reasons()));
        }
        return settings;
    }

    /** A platform review id is unique within its shop. */
    private static String key(Review review) {
        return review.shopId + '\u0000' + review.platformReviewId;
    }
}
