package shop.winback.loadgen.chaos;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * POSTs one request and, on a transport failure (refused, reset, timeout) or a status the caller calls
 * transient, sends the very same bytes with the very same headers again after a backoff, until a final
 * answer comes or {@link #giveUpAfter} passes. A service killed in the middle of a request may or may not
 * have committed it; the retry finds out through the API's idempotency (platform review id,
 * Idempotency-Key), so the driver itself never loses what it meant to send.
 */
final class RetryingPoster {

    /** The final answer: HTTP status (0 when the driver gave up without one) and body (or the last failure). */
    record Answer(int status, String body, int attempts) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final String authorization;
    private final AtomicLong retries = new AtomicLong();
    private final Map<String, AtomicLong> retryReasons = new ConcurrentHashMap<>();
    private final Semaphore inFlight;
    private final Queue<Runnable> queued = new ConcurrentLinkedQueue<>();
    private volatile long giveUpAtNanos = Long.MAX_VALUE;

    /**
     * @param maxInFlight at most this many requests are under way (first attempt or retries) at once; the rest
     *                    wait their turn in order, so a service that is down meets a bounded number of retries,
     *                    not the whole backlog every 1.6 s
     */
    RetryingPoster(HttpClient http, ScheduledExecutorService timer, String token, int maxInFlight) {
        this.http = http;
        this.timer = timer;
        this.authorization = token == null || token.isBlank() ? null : "Bearer " + token;
        this.inFlight = new Semaphore(maxInFlight);
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    /** From now on, a request that still has no final answer after {@code patience} gives up (status 0). */
    void giveUpAfter(Duration patience) {
        giveUpAtNanos = System.nanoTime() + patience.toNanos();
    }

    long retries() {
        return retries.get();
    }

    Map<String, AtomicLong> retryReasons() {
        return retryReasons;
    }

    /**
     * @param transientStatus which HTTP statuses are retried like a transport failure (e.g. 5xx; 409 "in progress")
     */
    CompletableFuture<Answer> post(URI uri, byte[] body, Map<String, String> headers, IntPredicate transientStatus) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        headers.forEach(b::header);
        HttpRequest request = b.build();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        queued.add(() -> attempt(request, transientStatus, answer, 1));
        answer.whenComplete((a, e) -> {
            inFlight.release();
            startQueued();
        });
        startQueued();
        return answer;
    }

    /** Requests waiting for their turn (not yet sent). */
    int queued() {
        return queued.size();
    }

    private void startQueued() {
        while (!queued.isEmpty() && inFlight.tryAcquire()) {
            Runnable next = queued.poll();
            if (next == null) {
                inFlight.release();
            } else {
                next.run();
            }
        }
    }

    private void attempt(HttpRequest request, IntPredicate transientStatus, CompletableFuture<Answer> answer, int n) {
        if (n == 1 && System.nanoTime() > giveUpAtNanos) {
            answer.complete(new Answer(0, "gave up before sending it", 0));
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            String reason;
            if (e == null) {
                if (!transientStatus.test(r.statusCode())) {
                    answer.complete(new Answer(r.statusCode(), r.body(), n));
                    return;
                }
                reason = "HTTP " + r.statusCode();
            } else {
                reason = reason(e);
            }
            if (System.nanoTime() > giveUpAtNanos) {
                answer.complete(new Answer(0, "gave up after " + n + " attempts, last: " + reason, n));
                return;
            }
            retries.incrementAndGet();
            retryReasons.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
            timer.schedule(
                    () -> attempt(request, transientStatus, answer, n + 1), backoffMillis(n), TimeUnit.MILLISECONDS);
        });
    }

    /** 100 ms, 200, 400, 800, then every 1.6 s: a restarted service is found within a second or two. */
    static long backoffMillis(int attempt) {
        return 100L << Math.min(attempt - 1, 4);
    }

    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof HttpTimeoutException) {
                return "timeout";
            }
        }
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof IOException ? "connection lost" : t.getClass().getSimpleName();
    }
}
