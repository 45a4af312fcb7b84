package shop.winback.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Calls to the services, always with the signed-in user's own token: the workbench has none, so it can
 * never show or do more than the user may. A problem+json answer becomes an {@link UpstreamProblem}.
 */
@ApplicationScoped
public class Upstream {

    public enum Service {
        REVIEW,
        TICKET,
        COMPENSATION,
        LOGISTICS
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final WorkbenchConfig config;
    private final ObjectMapper json;

    public Upstream(WorkbenchConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    public <T> T get(Service service, String path, User user, Class<T> type) {
        return send(request(service, path, user).GET().build(), type);
    }

    public <T> T post(Service service, String path, User user, Object body, Class<T> type) {
        return send(withBody(request(service, path, user), "POST", body), type);
    }

    public <T> T patch(Service service, String path, User user, Object body, Class<T> type) {
        return send(withBody(request(service, path, user), "PATCH", body), type);
    }

    /** A post with extra headers (Idempotency-Key). */
    public <T> T post(
            Service service, String path, User user, Object body, Map<String, String> headers, Class<T> type) {
        HttpRequest.Builder builder = request(service, path, user);
        headers.forEach(builder::header);
        return send(withBody(builder, "POST", body), type);
    }

    /**
     * An event stream of a service, opened with the user's token: the lines as they come, for the
     * caller to relay. The stream stays open until either side closes it.
     */
    public HttpResponse<Stream<String>> stream(Service service, String path, User user, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base(service).resolve(path))
                .header("Authorization", "Bearer " + user.token())
                .header("Accept", "text/event-stream");
        if (lastEventId != null && !lastEventId.isBlank()) {
            builder.header("Last-Event-ID", lastEventId);
        }
        return http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofLines());
    }

    private HttpRequest.Builder request(Service service, String path, User user) {
        return HttpRequest.newBuilder(base(service).resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + user.token())
                .header("Accept", "application/json, application/problem+json");
    }

    private HttpRequest withBody(HttpRequest.Builder builder, String method, Object body) {
        try {
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI base(Service service) {
        return switch (service) {
            case REVIEW -> config.services().review();
            case TICKET -> config.services().ticket();
            case COMPENSATION -> config.services().compensation();
            case LOGISTICS -> config.services().logistics();
        };
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UpstreamProblem(
                    503,
                    "Service unavailable",
                    request.uri().getHost() + ":" + request.uri().getPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamProblem(503, "Interrupted", null);
        }
        try {
            if (response.statusCode() >= 400) {
                JsonNode problem = response.body().length == 0 ? null : json.readTree(response.body());
                throw new UpstreamProblem(
                        response.statusCode(),
                        problem == null ? null : problem.path("title").asText(null),
                        problem == null ? null : problem.path("detail").asText(null));
            }
            if (type == Void.class || response.body().length == 0) {
                return null;
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UpstreamProblem(502, "Unreadable answer", e.getMessage());
        }
    }
}
