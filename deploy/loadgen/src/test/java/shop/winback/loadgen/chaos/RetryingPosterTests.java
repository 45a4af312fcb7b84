package shop.winback.loadgen.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryingPosterTests {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        timer.shutdownNow();
    }

    /** Answers the given statuses in turn (the last one from then on), recording each request's key and body. */
    private URI serve(List<String> seen, int... statuses) throws IOException {
        AtomicInteger n = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            seen.add(ex.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = statuses[Math.min(n.getAndIncrement(), statuses.length - 1)];
            byte[] out = ("{\"n\":" + n.get() + "}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    @Test
    void retriesTransientAnswersWithTheSameKeyAndBodyUntilAFinalOne() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        URI uri = serve(seen, 503, 409, 201);
        RetryingPoster poster = new RetryingPoster(RetryingPoster.newClient(), timer, "t", 4);
        RetryingPoster.Answer a = poster.post(
                        uri,
                        "{\"x\":1}".getBytes(StandardCharsets.UTF_8),
                        Map.of("Idempotency-Key", "k-1"),
                        s -> s >= 500 || s == 409)
                .get(10, TimeUnit.SECONDS);
        assertEquals(201, a.status());
        assertEquals(3, a.attempts());
        assertEquals(List.of("k-1 {\"x\":1}", "k-1 {\"x\":1}", "k-1 {\"x\":1}"), seen);
        assertEquals(2, poster.retries());
        assertEquals(
                Map.of("HTTP 503", 1L, "HTTP 409", 1L),
                Map.copyOf(poster.retryReasons().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().get()))));
    }

    @Test
    void aFourHundredIsFinal() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        URI uri = serve(seen, 422, 201);
        RetryingPoster poster = new RetryingPoster(RetryingPoster.newClient(), timer, null, 4);
        RetryingPoster.Answer a =
                poster.post(uri, new byte[0], Map.of(), s -> s >= 500).get(10, TimeUnit.SECONDS);
        assertEquals(422, a.status());
        assertEquals(1, seen.size());
    }

    @Test
    void aRefusedConnectionIsRetriedUntilTheServiceIsBackAndGivesUpOnlyWhenTold() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RetryingPoster poster = new RetryingPoster(RetryingPoster.newClient(), timer, null, 4);
        var pending =
                poster.post(URI.create("http://127.0.0.1:" + port + "/api"), new byte[0], Map.of(), s -> s >= 500);
        // nothing listens: it keeps trying and does not answer
        assertThrows(TimeoutException.class, () -> pending.get(800, TimeUnit.MILLISECONDS));
        assertTrue(poster.retries() >= 2, "retries: " + poster.retries());
        poster.giveUpAfter(Duration.ZERO);
        RetryingPoster.Answer a = pending.get(10, TimeUnit.SECONDS);
        assertEquals(0, a.status());
        assertTrue(a.body().contains("connection refused"), a.body());
    }

    @Test
    void atMostMaxInFlightAreUnderWayTheRestWaitTheirTurn() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RetryingPoster poster = new RetryingPoster(RetryingPoster.newClient(), timer, null, 2);
        URI down = URI.create("http://127.0.0.1:" + port + "/api");
        var first = poster.post(down, new byte[0], Map.of(), s -> s >= 500);
        poster.post(down, new byte[0], Map.of(), s -> s >= 500);
        var third = poster.post(down, new byte[0], Map.of(), s -> s >= 500);
        assertEquals(1, poster.queued());
        assertThrows(TimeoutException.class, () -> third.get(300, TimeUnit.MILLISECONDS));
        assertEquals(1, poster.queued(), "the third started although two are under way");
        poster.giveUpAfter(Duration.ZERO);
        assertEquals(0, first.get(10, TimeUnit.SECONDS).status());
        assertEquals(0, third.get(10, TimeUnit.SECONDS).status()); // its turn came, and it gave up too
        assertEquals(0, poster.queued());
    }

    @Test
    void backoffGrowsToOnePointSixSeconds() {
        assertEquals(100, RetryingPoster.backoffMillis(1));
        assertEquals(800, RetryingPoster.backoffMillis(4));
        assertEquals(1600, RetryingPoster.backoffMillis(5));
        assertEquals(1600, RetryingPoster.backoffMillis(50));
    }

    @Test
    void pacing() {
        assertEquals(0, PacedSender.due(0, 50));
        assertEquals(50, PacedSender.due(1_000_000_000L, 50));
        assertEquals(2, PacedSender.due(1_000_000_000L, 2.5));
    }
}
