package shop.winback.loadgen;

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
 * Sends reviews on a fixed schedule: request i is due at start + i/rate, whatever happened to earlier requests
 * (open loop). Latency is always taken from that intended time, so when the system stalls, the requests that
 * should have gone out during the stall carry the stall in their latency instead of silently not being sent
 * ("coordinated omission").
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
        final LongAdder behind = new LongAdder();

        Progress(String phase, long startNanos, int planned) {
            this.phase = phase;
            this.startNanos = startNanos;
            this.planned = planned;
        }
    }

    /**
     * Everything one phase recorded, indexed by review number.
     *
     * @param status HTTP status per request, 0 for a transport failure (timeout, refused...)
     * @param httpLatencyNanos response time minus intended send time
     * @param sendEndNanos when the last request was handed to the HTTP client
     */
    public record PhaseResult(ReviewIds.Phase phase, int sent, long startNanos, long sendEndNanos, double rate, int[] status,
                              long[] httpLatencyNanos, long lastCompletionNanos, long behind,
                              Map<String, Long> failureCounts) {

        public long intendedNanos(int index) {
            return OpenLoopSender.intendedNanos(startNanos, rate, index);
        }

        public boolean ok(int index) {
            return status[index] >= 200 && status[index] < 300;
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

        public long errorCount() {
            return sent - okCount();
        }

        /** HTTP latencies of the requests that got any HTTP answer (transport failures only count as errors). */
        public LatencySummary httpLatency() {
            int n = 0;
            for (int s : status) {
                n += s != 0 ? 1 : 0;
            }
            long[] samples = new long[n];
            int k = 0;
            for (int i = 0; i < sent; i++) {
                if (status[i] != 0) {
                    samples[k++] = httpLatencyNanos[i];
                }
            }
            return LatencySummary.of(samples);
        }

        /** Successful requests per second between the first intended send and the last response. */
        public double okPerSecond() {
            long window = lastCompletionNanos - startNanos;
            return window <= 0 ? 0 : okCount() / (window / 1e9);
        }

        /** The most frequent failure reasons, most frequent first. */
        public List<Map.Entry<String, Long>> topFailures(int limit) {
            return failureCounts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(limit).toList();
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

    /** Intended send time of request {@code index}: start + index/rate, in nanoTime units. */
    static long intendedNanos(long startNanos, double rate, int index) {
        return startNanos + Math.round(index * (1e9 / rate));
    }

    public Progress progress() {
        return progress;
    }

    public int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }

    /** Sends {@code count} reviews of {@code phase} at {@code rate}/s and waits for all their responses. */
    public PhaseResult run(ReviewIds.Phase phase, int count, double rate) throws InterruptedException {
        int[] status = new int[count];
        long[] latency = new long[count];
        AtomicLong lastCompletion = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime() + 20_000_000L; // a little lead so request 0 is not already late
        lastCompletion.set(start);
        Progress p = new Progress(phase == ReviewIds.Phase.WARMUP ? "warmup" : "measure", start, count);
        progress = p;

        for (int i = 0; i < count; i++) {
            byte[] body = factory.body(phase, i); // built before the due time, so it does not delay the send
            long intended = intendedNanos(start, rate, i);
            waitUntil(intended);
            if (!inFlight.tryAcquire()) {
                p.behind.increment();
                inFlight.acquire();
            }
            p.sent.increment();
            int index = i;
            CompletableFuture<ServiceClient.Outcome> response;
            try {
                response = client.postReview(body);
            } catch (RuntimeException e) {
                response = CompletableFuture.completedFuture(new ServiceClient.Outcome(0, e.toString()));
            }
            response.whenComplete((outcome, error) -> {
                long now = System.nanoTime();
                ServiceClient.Outcome o = error != null ? new ServiceClient.Outcome(0, error.toString()) : outcome;
                status[index] = o.status();
                latency[index] = now - intended;
                lastCompletion.accumulateAndGet(now, Math::max);
                if (o.ok()) {
                    p.ok.increment();
                } else {
                    p.errors.increment();
                    String reason = o.status() == 0 ? o.failure() : "HTTP " + o.status() + " " + o.failure();
                    failures.merge(reason.length() > 160 ? reason.substring(0, 160) + "…" : reason, 1L, Long::sum);
                }
                inFlight.release(); // publishes the writes above to whoever acquires next
            });
        }
        long sendEnd = System.nanoTime();

        // Every request has a timeout, so all of them complete; acquiring every permit also makes the arrays visible.
        long patience = ServiceClient.REQUEST_TIMEOUT.toMillis() + 5_000;
        if (!inFlight.tryAcquire(maxInFlight, patience, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("requests still outstanding " + patience + " ms after the last send");
        }
        inFlight.release(maxInFlight);
        return new PhaseResult(phase, count, start, sendEnd, rate, status, latency, lastCompletion.get(), p.behind.sum(),
                Map.copyOf(failures));
    }

    /** Sleeps until the given nanoTime; parkNanos is good to well under a millisecond on Linux. */
    static void waitUntil(long deadlineNanos) {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
