package shop.winback.loadgen;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends reviews on a fixed schedule: review i is due at start + i/rate (the warm-up's ramp: start +
 * {@link SendSchedule#offsetNanos}), whatever happened to earlier requests (open loop); with --batch, a batch request
 * is due when its first review is. Latency is always taken from that intended time, so when the system stalls, the
 * requests that should have gone out during the stall carry the stall in their latency instead of silently not being
 * sent ("coordinated omission").
 *
 * <p>A request answered 503 or 429 was shed (review-service answers 503 with Retry-After, problem type
 * {@code urn:winback:problem:overloaded}, when its capture queue is full; nothing of the request was stored). Its
 * reviews count as shed, not as errors, and are not sent again: in an open loop a shed request is an outcome.
 *
 * <p>At most {@code maxInFlight} requests are outstanding. When the cap is reached the sender waits for a free slot
 * and counts the request as "behind"; it keeps the original intended time, so the wait shows up in the numbers.
 */
public final class OpenLoopSender {

    /** Live counters of the phase being sent, read by the progress printer. */
    public static final class Progress {
        final String phase;
        final long startNanos;
        final int planned;
        final LongAdder sent = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder shed = new LongAdder();
        final LongAdder behind = new LongAdder();

        Progress(String phase, long startNanos, int planned) {
            this.phase = phase;
            this.startNanos = startNanos;
            this.planned = planned;
        }
    }

    /**
     * Everything one phase recorded. Reviews are indexed by review number, requests by request number; with single
     * posts ({@code batchSize} 0) the two are the same and {@code requestStatus} is {@code status}.
     *
     * @param sent reviews sent
     * @param batchSize reviews per request with --batch (the last request may hold fewer), 0 for single posts
     * @param status per review: for single posts the HTTP status, 0 for a transport failure (timeout, refused...).
     *               With --batch, what a single post would have answered: 201 CREATED, 200 DUPLICATE, 400 REJECTED;
     *               the batch's own status when that was not 2xx (0: transport failure, or no result for the review
     *               in a 2xx answer)
     * @param requestStatus per request: its HTTP status, 0 for a transport failure
     * @param httpLatencyNanos per request: response time minus intended send time
     * @param sendEndNanos when the last request was handed to the HTTP client
     * @param schedule when each review was due, from {@code startNanos}
     * @param failureCounts reasons of the errors (shed requests are not among them), in reviews
     */
    public record PhaseResult(
            ReviewIds.Phase phase,
            int sent,
            long startNanos,
            long sendEndNanos,
            SendSchedule schedule,
            int batchSize,
            int[] status,
            int[] requestStatus,
            long[] httpLatencyNanos,
            long lastCompletionNanos,
            long behind,
            Map<String, Long> failureCounts) {

        /** Intended send time of the request that carried review {@code index}. */
        public long intendedNanos(int index) {
            return startNanos + schedule.offsetNanos(batchSize == 0 ? index : index / batchSize * batchSize);
        }

        /** Accepted: answered 2xx (in a batch: created or duplicate). Only these are expected to become tickets. */
        public boolean ok(int index) {
            return status[index] >= 200 && status[index] < 300;
        }

        /** Shed: its request was answered 503 or 429 (nothing of it stored). */
        public boolean shed(int index) {
            return isShed(status[index]);
        }

        public long okCount() {
            long n = 0;
            for (int s : status) {
                n += s >= 200 && s < 300 ? 1 : 0;
            }
            return n;
        }

        public long count(int httpStatus) {
            long n = 0;
            for (int s : status) {
                n += s == httpStatus ? 1 : 0;
            }
            return n;
        }

        /** Reviews whose request was shed (answered 503 or 429): not accepted, but not errors either. */
        public long shedCount() {
            long n = 0;
            for (int s : status) {
                n += isShed(s) ? 1 : 0;
            }
            return n;
        }

        /**
         * Reviews that failed: neither accepted (created or a duplicate) nor shed. Other HTTP errors, transport failures
         * (refused, timeouts), rejected items, batch answers without a result for the review.
         */
        public long errorCount() {
            return sent - okCount() - shedCount();
        }

        public int requests() {
            return requestStatus.length;
        }

        /** Requests answered 2xx (with --batch: even when some of their reviews were rejected). */
        public long okRequests() {
            long n = 0;
            for (int s : requestStatus) {
                n += s >= 200 && s < 300 ? 1 : 0;
            }
            return n;
        }

        /** HTTP latencies of the requests that got any HTTP answer (transport failures only count as errors). */
        public LatencySummary httpLatency() {
            int n = 0;
            for (int s : requestStatus) {
                n += s != 0 ? 1 : 0;
            }
            long[] samples = new long[n];
            int k = 0;
            for (int i = 0; i < requestStatus.length; i++) {
                if (requestStatus[i] != 0) {
                    samples[k++] = httpLatencyNanos[i];
                }
            }
            return LatencySummary.of(samples);
        }

        /**
         * Accepted reviews (2xx; created or duplicate in a batch) per second, from the first intended send to the last
         * response or the end of the schedule (when review {@code sent} would be due: start + sent/rate at a constant
         * rate), whichever is later: a batch is sent when its first review is due, so without the second bound a run
         * that keeps up would report more than the offered rate.
         */
        public double okPerSecond() {
            long scheduleEnd = startNanos + schedule.offsetNanos(sent);
            long window = Math.max(lastCompletionNanos, scheduleEnd) - startNanos;
            return window <= 0 ? 0 : okCount() / (window / 1e9);
        }

        /** The most frequent failure reasons (counted in reviews), most frequent first. */
        public List<Map.Entry<String, Long>> topFailures(int limit) {
            return failureCounts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(limit)
                    .toList();
        }
    }

    private final ServiceClient client;
    private final ReviewFactory factory;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private volatile Progress progress;

    public OpenLoopSender(ServiceClient client, ReviewFactory factory, int maxInFlight) {
        this.client = client;
        this.factory = factory;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** 503 (review-service's capture queue is full, with Retry-After) or 429: load shed, not a failure. */
    static boolean isShed(int httpStatus) {
        return httpStatus == 503 || httpStatus == 429;
    }

    public Progress progress() {
        return progress;
    }

    public int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }

    /** Sends {@code count} reviews of {@code phase} at {@code rate}/s, one POST each, and waits for all their responses. */
    public PhaseResult run(ReviewIds.Phase phase, int count, double rate) throws InterruptedException {
        return run(phase, count, rate, 0);
    }

    /**
     * Sends {@code count} reviews of {@code phase} at {@code rate} reviews/s and waits for all the responses. With
     * {@code batchSize} 0 every review is one POST /api/v1/reviews; otherwise reviews go {@code batchSize} at a time
     * (the last request with what is left) to POST /api/v1/reviews:batch, request k due at start + k·batchSize/rate.
     */
    public PhaseResult run(ReviewIds.Phase phase, int count, double rate, int batchSize) throws InterruptedException {
        return run(phase, count, SendSchedule.constant(rate), batchSize);
    }

    /**
     * As {@link #run(ReviewIds.Phase, int, double, int)}, on the given schedule (counted in reviews): review i due at
     * start + {@link SendSchedule#offsetNanos}(i), a batch request when its first review is.
     */
    public PhaseResult run(ReviewIds.Phase phase, int count, SendSchedule schedule, int batchSize)
            throws InterruptedException {
        int perRequest = Math.max(1, batchSize);
        int requests = (int) ((count + (long) perRequest - 1) / perRequest);
        int[] status = new int[count];
        int[] requestStatus = batchSize == 0 ? status : new int[requests];
        long[] latency = new long[requests];
        AtomicLong lastCompletion = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime() + 20_000_000L; // a little lead so request 0 is not already late
        lastCompletion.set(start);
        Progress p = new Progress(phase == ReviewIds.Phase.WARMUP ? "warmup" : "measure", start, count);
        progress = p;

        for (int k = 0; k < requests; k++) {
            int from = k * perRequest;
            int size = Math.min(perRequest, count - from);
            // built before the due time, so it does not delay the send
            byte[] body = batchSize == 0 ? factory.body(phase, from) : batchBody(phase, from, size);
            long intended = start + schedule.offsetNanos(from);
            waitUntil(intended);
            if (!inFlight.tryAcquire()) {
                p.behind.increment();
                inFlight.acquire();
            }
            p.sent.add(size);
            int request = k;
            if (batchSize == 0) {
                CompletableFuture<ServiceClient.Outcome> response;
                try {
                    response = client.postReview(body);
                } catch (RuntimeException e) {
                    response = CompletableFuture.completedFuture(new ServiceClient.Outcome(0, e.toString()));
                }
                response.whenComplete((outcome, error) -> {
                    long now = System.nanoTime();
                    ServiceClient.Outcome o = error != null ? new ServiceClient.Outcome(0, error.toString()) : outcome;
                    status[request] = o.status();
                    latency[request] = now - intended;
                    lastCompletion.accumulateAndGet(now, Math::max);
                    if (o.ok()) {
                        p.ok.increment();
                    } else if (isShed(o.status())) {
                        p.shed.increment(); // no failure reason: shedding is not an error
                    } else {
                        p.errors.increment();
                        fail(failures, o.status() == 0 ? o.failure() : "HTTP " + o.status() + " " + o.failure(), 1);
                    }
                    inFlight.release(); // publishes the writes above to whoever acquires next
                });
            } else {
                CompletableFuture<ServiceClient.BatchOutcome> response;
                try {
                    response = client.postBatch(body, size);
                } catch (RuntimeException e) {
                    response = CompletableFuture.completedFuture(
                            new ServiceClient.BatchOutcome(0, e.toString(), null, null));
                }
                response.whenComplete((outcome, error) -> {
                    long now = System.nanoTime();
                    ServiceClient.BatchOutcome o =
                            error != null ? new ServiceClient.BatchOutcome(0, error.toString(), null, null) : outcome;
                    requestStatus[request] = o.status();
                    latency[request] = now - intended;
                    lastCompletion.accumulateAndGet(now, Math::max);
                    recordBatch(o, from, size, status, p, failures);
                    inFlight.release(); // publishes the writes above to whoever acquires next
                });
            }
        }
        long sendEnd = System.nanoTime();

        // Every request has a timeout, so all of them complete; acquiring every permit also makes the arrays visible.
        long patience = ServiceClient.REQUEST_TIMEOUT.toMillis() + 5_000;
        if (!inFlight.tryAcquire(maxInFlight, patience, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("requests still outstanding " + patience + " ms after the last send");
        }
        inFlight.release(maxInFlight);
        return new PhaseResult(
                phase,
                count,
                start,
                sendEnd,
                schedule,
                batchSize,
                status,
                requestStatus,
                latency,
                lastCompletion.get(),
                p.behind.sum(),
                Map.copyOf(failures));
    }

    /** Per-review status of one batch call's reviews {@code from .. from+size-1}; see {@link PhaseResult#status}. */
    private static void recordBatch(
            ServiceClient.BatchOutcome o, int from, int size, int[] status, Progress p, Map<String, Long> failures) {
        if (!o.ok()) { // no answer, a non-2xx one or an unreadable one: none of its reviews is known to be in
            int code = o.status() / 100 == 2 ? 0 : o.status();
            Arrays.fill(status, from, from + size, code);
            if (isShed(code)) {
                p.shed.add(size); // the whole batch was refused before any of it was stored
                return;
            }
            p.errors.add(size);
            fail(failures, o.status() == 0 ? o.failure() : "HTTP " + o.status() + " " + o.failure(), size);
            return;
        }
        int ok = 0;
        for (int j = 0; j < size; j++) {
            ServiceClient.ItemOutcome item = o.items()[j];
            if (item == null) {
                status[from + j] = 0;
                fail(failures, "batch answer (HTTP " + o.status() + ") has no result for the review", 1);
                continue;
            }
            switch (item) {
                case CREATED -> status[from + j] = 201;
                case DUPLICATE -> status[from + j] = 200;
                case REJECTED -> {
                    status[from + j] = 400;
                    fail(failures, "REJECTED " + o.reasons()[j], 1);
                    continue;
                }
            }
            ok++;
        }
        p.ok.add(ok);
        p.errors.add(size - ok);
    }

    private static void fail(Map<String, Long> failures, String reason, long reviews) {
        failures.merge(reason.length() > 160 ? reason.substring(0, 160) + "…" : reason, reviews, Long::sum);
    }

    /** {@code {"reviews":[r_from, …, r_from+size-1]}}, each review exactly the body a single POST would carry. */
    byte[] batchBody(ReviewIds.Phase phase, int from, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size * 640 + 16);
        out.writeBytes(BATCH_OPEN);
        for (int j = 0; j < size; j++) {
            if (j > 0) {
                out.write(',');
            }
            out.writeBytes(factory.body(phase, from + j));
        }
        out.writeBytes(BATCH_CLOSE);
        return out.toByteArray();
    }

    private static final byte[] BATCH_OPEN = "{\"reviews\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BATCH_CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);

    /** Sleeps until the given nanoTime; parkNanos is good to well under a millisecond on Linux. */
    static void waitUntil(long deadlineNanos) {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
