package shop.winback.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side: readiness and agent creation through java.net.http; the review POSTs, the hot path, through
 * Vert.x's event-loop HTTP client on one thread with a keep-alive pool. On a 2-core box the generator shares the
 * CPU with everything it measures, and the JDK client cost about as much CPU per request as the service it
 * drove (0.23 ms per request in its worker threads alone).
 */
public final class ServiceClient implements AutoCloseable {

    /** The most the ticket API allows one agent; 10 agents then hold every ticket of a 60 s run. */
    static final int AGENT_CAPACITY = 10_000;

    /** Per-request limit; a request that takes longer counts as an error, not as a latency sample. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Outcome of one review POST: the HTTP status (0 when no response) and, for failures, a short reason. */
    public record Outcome(int status, String failure) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Per-review result of a batch call, as the {@code outcome} field of its {@code results} entry says. */
    public enum ItemOutcome {
        CREATED,
        DUPLICATE,
        REJECTED
    }

    /**
     * Outcome of one POST /api/v1/reviews:batch.
     *
     * @param status HTTP status, 0 when no response
     * @param failure for a non-2xx status, a transport failure or a 2xx answer that cannot be read: a short reason
     * @param items per review, by position in the request ({@code results[].index}); null when there is no
     *              readable answer, an element null when the answer has no result for that position
     * @param reasons per review, for REJECTED ones: the violations as "field: message; …" (else null)
     */
    public record BatchOutcome(int status, String failure, ItemOutcome[] items, String[] reasons) {
        public boolean ok() {
            return status >= 200 && status < 300 && items != null;
        }
    }

    /** Keep-alive connections to review-service; requests beyond these wait in the pool's queue. */
    static final int CONNECTIONS = 64;

    private final HttpClient http;
    private final Vertx vertx;
    private final Context context;
    private final io.vertx.core.http.HttpClient reviews;
    private final URI reviewUrl;
    private final URI reviewsUri;
    private final URI batchUri;
    private final URI ticketUrl;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();

    public ServiceClient(URI reviewUrl, URI ticketUrl, String token) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.context = vertx.getOrCreateContext();
        this.reviews = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS));
        this.reviewUrl = reviewUrl;
        this.reviewsUri = URI.create(reviewUrl + "/api/v1/reviews");
        // the colon goes out as is: the service's route does not match an encoded %3A
        this.batchUri = URI.create(reviewUrl + "/api/v1/reviews:batch");
        this.ticketUrl = ticketUrl;
        this.authorization = token == null ? null : "Bearer " + token;
    }

    /** Waits (up to {@code patience}) until GET /q/health/ready answers 2xx. */
    public void awaitReady(String name, URI base, Duration patience) throws SetupException, InterruptedException {
        URI uri = URI.create(base + "/q/health/ready");
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "no answer";
        while (true) {
            try {
                HttpResponse<String> r = http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
                last = "HTTP " + r.statusCode() + " " + abbreviate(r.body());
            } catch (ConnectException e) {
                last = "connection refused";
            } catch (IOException e) {
                last = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new SetupException(name + " is not ready at " + uri + " (" + last + ")");
            }
            Thread.sleep(500);
        }
    }

    public void awaitReady(Duration patience) throws SetupException, InterruptedException {
        awaitReady("review-service", reviewUrl, patience);
        awaitReady("ticket-service", ticketUrl, patience);
    }

    /** Creates one ONLINE REVIEW_RECOVERY agent with a capacity that the run can never exhaust; returns its id. */
    public String createAgent(String shopId, String name) throws SetupException, InterruptedException {
        return createAgent(shopId, name, AGENT_CAPACITY, authorization);
    }

    /**
     * Creates one ONLINE REVIEW_RECOVERY agent of the given capacity with the given token (a shop's own, "Bearer …"
     * or null for none); returns its id.
     */
    public String createAgent(String shopId, String name, int capacity, String bearer)
            throws SetupException, InterruptedException {
        Map<String, Object> body = Map.of(
                "shopId", shopId, "name", name, "tier", "REVIEW_RECOVERY", "capacity", capacity, "status", "ONLINE");
        URI uri = URI.create(ticketUrl + "/api/v1/agents");
        try {
            HttpResponse<String> r = http.send(
                    jsonPost(uri, json.writeValueAsBytes(body), bearer).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201 && r.statusCode() != 200) {
                throw new SetupException("creating agent " + name + " at " + uri + " failed: HTTP " + r.statusCode()
                        + " " + abbreviate(r.body()));
            }
            JsonNode id = json.readTree(r.body()).get("id");
            if (id == null || id.asText().isBlank()) {
                throw new SetupException("creating agent at " + uri + ": answer has no id: " + abbreviate(r.body()));
            }
            return id.asText();
        } catch (IOException e) {
            throw new SetupException("creating agent at " + uri + " failed: " + e, e);
        }
    }

    /**
     * Sends one review without blocking. Success bodies are discarded unread (the bench needs only the status);
     * failure bodies are kept, shortened, for the error report.
     */
    public CompletableFuture<Outcome> postReview(byte[] body) {
        return post(
                        reviewsUri,
                        body,
                        authorization,
                        (status, b) -> new Outcome(
                                status, status / 100 == 2 ? null : abbreviate(b.toString(StandardCharsets.UTF_8))))
                .exceptionally(e -> new Outcome(0, rootCause(e).toString()));
    }

    /**
     * Sends one {@code {"reviews": [...]}} body to POST /api/v1/reviews:batch without blocking. A 2xx answer is read
     * for the per-review outcomes ({@code results[].index} and {@code .outcome}); a failure body is kept, shortened.
     *
     * @param reviews how many reviews the body holds
     */
    public CompletableFuture<BatchOutcome> postBatch(byte[] body, int reviews) {
        return postBatch(body, reviews, authorization);
    }

    /** As {@link #postBatch(byte[], int)}, with another token ("Bearer …", null for none): a shop's own. */
    public CompletableFuture<BatchOutcome> postBatch(byte[] body, int reviews, String bearer) {
        return post(
                        batchUri,
                        body,
                        bearer,
                        (status, b) -> status / 100 == 2
                                ? readBatchAnswer(status, b.getBytes(), reviews)
                                : new BatchOutcome(status, abbreviate(b.toString(StandardCharsets.UTF_8)), null, null))
                .exceptionally(e -> new BatchOutcome(0, rootCause(e).toString(), null, null));
    }

    /** The per-review outcomes of a 2xx batch answer; a body that is not the documented shape fails the whole call. */
    BatchOutcome readBatchAnswer(int status, byte[] body, int reviews) {
        ItemOutcome[] items = new ItemOutcome[reviews];
        String[] reasons = new String[reviews];
        try {
            JsonNode results = json.readTree(body).path("results");
            if (!results.isArray()) {
                return new BatchOutcome(
                        status,
                        "batch answer without a results list: " + abbreviate(new String(body, StandardCharsets.UTF_8)),
                        null,
                        null);
            }
            for (JsonNode r : results) {
                int index = r.path("index").asInt(-1);
                ItemOutcome outcome;
                try {
                    outcome = ItemOutcome.valueOf(r.path("outcome").asText(""));
                } catch (IllegalArgumentException e) {
                    continue; // an unknown outcome counts as no result
                }
                if (index < 0 || index >= reviews) {
                    continue;
                }
                items[index] = outcome;
                if (outcome == ItemOutcome.REJECTED) {
                    StringBuilder why = new StringBuilder();
                    for (JsonNode v : r.path("violations")) {
                        why.append(why.length() == 0 ? "" : "; ")
                                .append(v.path("field").asText())
                                .append(": ")
                                .append(v.path("message").asText());
                    }
                    reasons[index] = why.length() == 0 ? "no violations given" : why.toString();
                }
            }
            return new BatchOutcome(status, null, items, reasons);
        } catch (IOException e) {
            return new BatchOutcome(status, "unreadable batch answer: " + e.getMessage(), null, null);
        }
    }

    /** Answer handler: HTTP status and the whole body in, outcome out; runs on the event loop. */
    private interface Answer<T> {
        T read(int status, Buffer body);
    }

    private <T> CompletableFuture<T> post(URI uri, byte[] body, String authorization, Answer<T> answer) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(uri.toString())
                .setTimeout(REQUEST_TIMEOUT.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        // Every client call runs on the one event-loop context: calling the Vert.x client from the sender thread
        // (no Vert.x context) now and then left a request unanswered until the timeout.
        CompletableFuture<T> outcome = new CompletableFuture<>();
        context.runOnContext(ignored -> reviews.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> answer.read(response.statusCode(), b)))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        outcome.complete(done.result());
                    } else {
                        outcome.completeExceptionally(done.cause());
                    }
                }));
        // Vert.x's own timeout starts only once a pooled connection is obtained: this one always holds
        return outcome.orTimeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }

    private HttpRequest.Builder jsonPost(URI uri, byte[] body, String bearer) {
        return request(uri, bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpRequest.Builder request(URI uri) {
        return request(uri, authorization);
    }

    private HttpRequest.Builder request(URI uri, String bearer) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", bearer);
        }
        return b;
    }

    /** "Bearer TOKEN", or null without a token. */
    public static String bearer(String token) {
        return token == null ? null : "Bearer " + token;
    }

    /**
     * GET {@code base + pathAndQuery} with a token ("Bearer …", null for none); the status and body.
     *
     * @throws SetupException when there is no answer
     */
    public HttpResponse<String> get(URI base, String pathAndQuery, String bearer)
            throws SetupException, InterruptedException {
        URI uri = URI.create(base + pathAndQuery);
        try {
            return http.send(request(uri, bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SetupException("GET " + uri + " failed: " + e, e);
        }
    }

    /** A shop's agents as ticket-service lists them (GET /api/v1/agents?shopId=…). */
    public JsonNode listAgents(String shopId, String bearer) throws SetupException, InterruptedException {
        HttpResponse<String> r = get(
                ticketUrl,
                "/api/v1/agents?shopId=" + java.net.URLEncoder.encode(shopId, StandardCharsets.UTF_8),
                bearer);
        if (r.statusCode() != 200) {
            throw new SetupException(
                    "listing the agents of " + shopId + " failed: HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        try {
            JsonNode list = json.readTree(r.body());
            return list.isArray() ? list : list.path("items");
        } catch (IOException e) {
            throw new SetupException(
                    "listing the agents of " + shopId + ": unreadable answer " + abbreviate(r.body()), e);
        }
    }

    public URI reviewUrl() {
        return reviewUrl;
    }

    public URI ticketUrl() {
        return ticketUrl;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
