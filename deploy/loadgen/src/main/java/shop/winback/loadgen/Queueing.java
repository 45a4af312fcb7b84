package shop.winback.loadgen;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What backlog and scale share: queue negative reviews on reviews.v1 while ticket-service is stopped (posted through
 * the batch endpoint, then waited for until review-service's outbox has relayed every one of them), and wait for
 * their tickets once it runs again.
 */
final class Queueing {

    /** Reviews per POST /api/v1/reviews:batch while queueing. */
    static final int BATCH = 500;
    /** Batch requests in flight while queueing. */
    static final int IN_FLIGHT = 2;
    /** How long review-service may take to relay what it accepted. */
    static final Duration RELAY_PATIENCE = Duration.ofSeconds(300);
    /** After the last expected ticket, keep listening this long for duplicates and over-assignments. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private Queueing() {}

    /**
     * Posts the jobs (reviews of the given shops) and returns once review-service has published a
     * {@code review.received.v1} for each of the {@code expected} reviews.
     */
    static void queue(
            Options options,
            ServiceClient client,
            List<BulkPoster.Job> jobs,
            Set<String> shops,
            String marker,
            long expected)
            throws SetupException, InterruptedException {
        ShopEvents received = new ShopEvents(shops, marker, ShopEvents.RECEIVED);
        try (TopicTail tail = new TopicTail(options.bootstrap(), Backlog.TOPIC, marker + "-relay", received)) {
            tail.start(Duration.ofSeconds(30));
            long start = System.nanoTime();
            long[] lastSaid = {start};
            long accepted = new BulkPoster(client, IN_FLIGHT).post(jobs, done -> {
                long now = System.nanoTime();
                synchronized (lastSaid) {
                    if (now - lastSaid[0] > 5_000_000_000L) {
                        lastSaid[0] = now;
                        say(
                                "queue: %d of %d reviews accepted, %d relayed to %s",
                                done, expected, received.distinctReviews(), Backlog.TOPIC);
                    }
                }
            });
            double postSeconds = (System.nanoTime() - start) / 1e9;
            say(
                    "queue: %d reviews accepted in %.1f s (%.0f/s, batches of %d)",
                    accepted, postSeconds, accepted / postSeconds, BATCH);
            if (accepted != expected) {
                throw new SetupException("review-service accepted " + accepted + " of " + expected + " reviews");
            }
            long relayed = await(
                    received, expected, System.nanoTime() + RELAY_PATIENCE.toNanos(), "relayed to " + Backlog.TOPIC);
            if (relayed < expected) {
                throw new SetupException("review-service relayed only " + relayed + " of " + expected + " reviews to "
                        + Backlog.TOPIC + " within " + RELAY_PATIENCE.toSeconds() + " s");
            }
            say(
                    "queue: all %d reviews on %s %.1f s after the first post",
                    expected, Backlog.TOPIC, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Waits until {@code events} holds {@code expected} distinct reviews or the deadline passes; returns how many it holds. */
    static long await(ShopEvents events, long expected, long deadlineNanos, String what) throws InterruptedException {
        long lastSaid = System.nanoTime();
        while (true) {
            long seen = events.distinctReviews();
            long now = System.nanoTime();
            if (seen >= expected || now >= deadlineNanos) {
                return seen;
            }
            if (now - lastSaid >= 5_000_000_000L) {
                lastSaid = now;
                say("… %d of %d %s", seen, expected, what);
            }
            Thread.sleep(50);
        }
    }

    /** The first arrival of each review's event (a redelivery or second assignment arrives later). */
    static Map<String, Long> firstSeen(List<ShopEvents.Event> events) {
        Map<String, Long> first = new TreeMap<>();
        for (ShopEvents.Event e : events) {
            first.merge(e.shopId() + "\u0000" + e.platformReviewId(), e.nanos(), Math::min);
        }
        return first;
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
