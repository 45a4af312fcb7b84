package shop.winback.loadgen.chaos;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import shop.winback.loadgen.ReviewFactory;
import shop.winback.loadgen.ReviewIds;

/**
 * The steady load of reviews through POST /api/v1/reviews. Review i is the loadgen's review i of the shop
 * (ReviewFactory: exact negative share, one buyer per order); a failed or unanswered POST is sent again with
 * the same body, hence the same platformReviewId, until review-service answers.
 */
final class ReviewDriver {

    private final RetryingPoster poster;
    private final URI reviewsUri;
    private final ReviewFactory factory;
    private final ReviewIds ids;
    private final PacedSender pacer;
    /** platformReviewId → negative?, for every review answered 2xx. */
    private final Map<String, Boolean> accepted = new ConcurrentHashMap<>();
    /** platformReviewId → final non-2xx answer (a 4xx, or "gave up"). */
    private final Map<String, String> failed = new ConcurrentHashMap<>();

    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger repeated = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();

    ReviewDriver(
            RetryingPoster poster,
            URI reviewUrl,
            ReviewIds ids,
            double negative,
            ScheduledExecutorService ticker,
            double rate) {
        this.poster = poster;
        this.reviewsUri = URI.create(reviewUrl + "/api/v1/reviews");
        this.ids = ids;
        this.factory = new ReviewFactory(ids, negative);
        this.pacer = new PacedSender(ticker, rate, this::send);
    }

    void start() {
        pacer.start();
    }

    int stop() {
        return pacer.stop();
    }

    private void send(int i) {
        pending.incrementAndGet();
        String id = ids.platformReviewId(ReviewIds.Phase.MEASURED, i);
        boolean negative = ReviewFactory.isNegative(factory.rating(i));
        poster.post(
                        reviewsUri,
                        factory.body(ReviewIds.Phase.MEASURED, i),
                        Map.of(),
                        s -> s >= 500 || s == 408 || s == 429)
                .thenAccept(a -> {
                    if (a.ok()) {
                        accepted.put(id, negative);
                        (a.status() == 201 ? created : repeated).incrementAndGet();
                    } else {
                        failed.put(id, a.status() + " " + abbreviate(a.body()));
                    }
                    pending.decrementAndGet();
                });
    }

    Map<String, Boolean> accepted() {
        return accepted;
    }

    Map<String, String> failed() {
        return failed;
    }

    int created() {
        return created.get();
    }

    /** Answered 200: stored before, i.e. a retry of a request whose first answer was lost. */
    int repeated() {
        return repeated.get();
    }

    int pending() {
        return pending.get();
    }

    int started() {
        return pacer.started();
    }

    static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return one.length() <= 200 ? one : one.substring(0, 200) + "…";
    }
}
