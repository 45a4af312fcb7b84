package shop.winback.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.winback.platform.problem.Problem;

/**
 * Requests larger than the API takes (the URL, the headers, a body by its Content-Length) are answered with a
 * problem+json like every other refusal, before anything reads them; left to the HTTP server they get a bare
 * status without a body. Still bare, below any hook an application has: a chunked body that outgrows the limit
 * while being read (413, connection closed) and a path with a malformed %-escape (400).
 */
@ApplicationScoped
public class RequestLimits {

    static final String TYPE = "urn:winback:problem:request-too-large";

    private final RequestLimitsConfig config;
    private final long maxBodyBytes;
    private final ObjectMapper json;

    public RequestLimits(
            RequestLimitsConfig config,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.config = config;
        this.json = json;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        // first of all: before the body handler reads a byte, before authentication
        router.route().order(Integer.MIN_VALUE).handler(this::screen);
    }

    private void screen(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > config.maxUriLength()) {
            refuse(
                    context,
                    414,
                    "URI too long",
                    "The request target has " + request.uri().length() + " characters; at most " + config.maxUriLength()
                            + " are accepted.",
                    false);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (headerBytes > config.maxHeaderSize().asLongValue()) {
            refuse(
                    context,
                    431,
                    "Request headers too large",
                    "The request headers take " + headerBytes + " bytes; at most "
                            + config.maxHeaderSize().asLongValue() + " are accepted.",
                    false);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && bodyTooLarge(length)) {
            refuse(
                    context,
                    413,
                    "Content too large",
                    "The request body has " + length + " bytes; at most " + maxBodyBytes + " are accepted.",
                    true);
            return;
        }
        context.next();
    }

    private boolean bodyTooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec refuses a malformed length itself
        }
    }

    private void refuse(RoutingContext context, int status, String title, String detail, boolean close) {
        String body;
        try {
            body = json.writeValueAsString(new Problem(TYPE, title, status, detail, null, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpServerResponse response =
                context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) { // the unread body would otherwise be taken for the next request
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(v -> context.request().connection().close());
        }
        response.end(body);
    }
}
