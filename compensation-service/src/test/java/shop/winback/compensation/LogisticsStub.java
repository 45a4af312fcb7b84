package shop.winback.compensation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * logistics-service's {@code GET /api/v1/postage}, in process (JDK HttpServer), on a free port.
 * It answers 1400 fen for the first kilo whatever the courier (so tests can tell it from the fallback
 * table), 500 fen to a buyer in the shop's own province 广东 (near and cheap), marks 新疆/西藏 remote, and refuses calls without a bearer token (401). The courier code
 * chooses trouble: {@code DOWN} answers 503, {@code SLOW} answers after 3 s, {@code JUNK} answers
 * 200 without a total.
 */
public class LogisticsStub implements QuarkusTestResourceLifecycleManager {

    /** Parcel weights that make the stub answer 503, answer junk, or take 3 s. */
    static final String DOWN_GRAMS = "997";

    static final String JUNK_GRAMS = "998";
    static final String SLOW_GRAMS = "999";

    public static final long FIRST_KILO_FEN = 1400;
    public static final long EXTRA_KILO_FEN = 700;
    static final Set<String> REMOTE = Set.of("新疆", "西藏");
    /** Near the shop (origin 广东): the first kilo costs this. */
    public static final long NEAR_FIRST_KILO_FEN = 500;

    static final Set<String> NEAR = Set.of("广东");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/v1/postage", LogisticsStub::postage);
        server.start();
        return Map.of(
                "quarkus.rest-client.logistics.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void postage(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 20) {
                respond(exchange, 401, "{\"status\":401}");
                return;
            }
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            String courier = q.getOrDefault("courier", "");
            // the test picks a failure by the parcel's weight (all within the first kilo, so prices stay the same)
            switch (q.getOrDefault("weightGrams", "1000")) {
                case DOWN_GRAMS -> {
                    respond(exchange, 503, "{\"status\":503}");
                    return;
                }
                case SLOW_GRAMS -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case JUNK_GRAMS -> {
                    respond(exchange, 200, "{\"courier\":\"" + courier + "\"}");
                    return;
                }
                default -> {}
            }
            int grams = Integer.parseInt(q.getOrDefault("weightGrams", "1000"));
            long extraKilos = Math.max(0, (grams + 999) / 1000 - 1);
            String to = q.getOrDefault("to", "");
            boolean remote = REMOTE.contains(to);
            long total = (NEAR.contains(to) ? NEAR_FIRST_KILO_FEN : FIRST_KILO_FEN)
                    + extraKilos * EXTRA_KILO_FEN
                    + (remote ? 1000 : 0);
            respond(exchange, 200, """
                    {"courier":"%s","from":"%s","to":"%s","weightGrams":%d,"firstKiloFen":%d,"extraKiloFen":%d,"totalFen":%d,"remote":%s}""".formatted(
                            courier, q.get("from"), to, grams, FIRST_KILO_FEN, EXTRA_KILO_FEN, total, remote));
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
