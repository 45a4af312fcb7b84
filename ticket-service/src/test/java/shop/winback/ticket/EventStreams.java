package shop.winback.ticket;

import io.restassured.RestAssured;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.builder.ResponseBuilder;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.QueryableRequestSpecification;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.SpecificationQuerier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A Server-Sent Events client for the live streams, as a browser's EventSource reads them: events (id, event name,
 * data) and comments, read in the background while the test goes on. RestAssured would wait for the end of a stream
 * that never ends.
 */
final class EventStreams {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event as the client dispatches it. */
    record Event(String id, String name, String data) {
        JsonPath json() {
            return JsonPath.from(data);
        }

        String ticketId() {
            return json().getString("ticketId");
        }
    }

    /** An open stream (or a refused request, with its status and body). */
    static final class Stream implements AutoCloseable {
        final int status;
        final String contentType;
        final Headers headers;
        final List<Event> events = new CopyOnWriteArrayList<>();
        final List<String> comments = new CopyOnWriteArrayList<>();
        private final InputStream body;
        private final String refusal;

        private Stream(HttpResponse<InputStream> response) throws IOException {
            this.status = response.statusCode();
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            this.headers = new Headers(response.headers().map().entrySet().stream()
                    .filter(h -> !h.getKey().startsWith(":"))
                    .flatMap(h -> h.getValue().stream().map(v -> new Header(h.getKey(), v)))
                    .toList());
            this.body = response.body();
            if (status == 200) {
                this.refusal = null;
                Thread reader = new Thread(this::read, "sse-test-reader");
                reader.setDaemon(true);
                reader.start();
            } else {
                try (body) {
                    this.refusal = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }

        private void read() {
            String id = null;
            String name = null;
            StringBuilder data = null;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (data != null) {
                            events.add(new Event(id, name == null ? "message" : name, data.toString()));
                        }
                        name = null;
                        data = null;
                    } else if (line.startsWith(":")) {
                        comments.add(line.substring(1));
                    } else {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value = colon < 0 ? "" : line.substring(colon + 1);
                        if (value.startsWith(" ")) {
                            value = value.substring(1);
                        }
                        switch (field) {
                            case "id" -> id = value;
                            case "event" -> name = value;
                            case "data" ->
                                data = data == null
                                        ? new StringBuilder(value)
                                        : data.append('\n').append(value);
                            default -> {}
                        }
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        /** Waits until an event matches, and returns it. */
        Event await(Predicate<Event> match, Duration timeout) {
            Awaitility.await()
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> events.stream().anyMatch(match));
            return events.stream().filter(match).findFirst().orElseThrow();
        }

        Event await(String name, String ticketId) {
            return await(e -> e.name().equals(name) && ticketId.equals(e.ticketId()), Duration.ofSeconds(20));
        }

        List<Event> about(String ticketId) {
            return events.stream().filter(e -> ticketId.equals(e.ticketId())).toList();
        }

        /** As a RestAssured response, for the security matrix: status, content type, and the body of a refusal. */
        Response asResponse() {
            return new ResponseBuilder()
                    .setStatusCode(status)
                    .setHeaders(headers)
                    .setContentType(contentType)
                    .setBody(refusal == null ? "" : refusal)
                    .build();
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private EventStreams() {}

    static Stream open(String pathAndQuery, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + pathAndQuery))
                .header("Accept", "text/event-stream")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new Stream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Stream open(String pathAndQuery, String token) {
        return open(pathAndQuery, token, null);
    }

    /** The stream opened with a RestAssured request's bearer token (the security matrix builds those), then closed. */
    static Response call(RequestSpecification request, String pathAndQuery) {
        QueryableRequestSpecification spec = SpecificationQuerier.query(request);
        String token = spec.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme bearer
                ? bearer.getAccessToken()
                : null;
        try (Stream stream = open(pathAndQuery, token)) {
            return stream.asResponse();
        }
    }
}
