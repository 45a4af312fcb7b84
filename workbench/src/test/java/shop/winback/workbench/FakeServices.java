package shop.winback.workbench;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ticket-service and compensation-service as the workbench sees them: one local HTTP server answering canned
 * JSON by method and path, and keeping the requests it got (headers and body) for the tests to look at.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public record Call(String method, String path, String authorization, String idempotencyKey, String body) {}

    public record Answer(int status, String json) {}

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** "POST /api/v1/quotes" to its answer: by path and query if there is such an answer, else by the path. */
    static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            CALLS.add(new Call(
                    exchange.getRequestMethod(),
                    query == null ? path : path + "?" + query,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    body));
            Answer answer = ANSWERS.get(exchange.getRequestMethod() + " " + path + "?" + query);
            if (answer == null) {
                answer = ANSWERS.getOrDefault(
                        exchange.getRequestMethod() + " " + path,
                        new Answer(404, "{\"title\":\"Not found\",\"status\":404}"));
            }
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .add("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "workbench.services.ticket", url,
                "workbench.services.compensation", url,
                "workbench.services.review", url,
                "workbench.services.logistics", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static List<Call> calls(String method, String pathPrefix) {
        return CALLS.stream()
                .filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix))
                .toList();
    }
}
