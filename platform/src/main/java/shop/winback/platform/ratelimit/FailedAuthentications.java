package shop.winback.platform.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * An address that fails authentication too often (401: no, forged or expired token, a wrong courier signature)
 * is locked out: each failure takes from its bucket, and while the bucket is empty every request from the address
 * is answered 429 before anything else is read. Installed first on the router, ahead of authentication, since a
 * failed authentication never reaches the REST layer.
 */
@ApplicationScoped
public class FailedAuthentications {

    private final RateLimitConfig config;
    private final Buckets buckets;

    public FailedAuthentications(RateLimitConfig config, Buckets buckets) {
        this.config = config;
        this.buckets = buckets;
    }

    void install(@Observes Router router) {
        if (config.enabled()) {
            // right after the body handler and Quarkus' own first handlers, before authentication
            router.route().order(Integer.MIN_VALUE + 2).handler(this::screen);
        }
    }

    private void screen(RoutingContext context) {
        HttpServerRequest request = context.request();
        String address = "failures of "
                + (request.remoteAddress() == null
                        ? "unknown"
                        : request.remoteAddress().host());
        Duration wait = buckets.waitOf(address);
        if (!wait.isZero()) {
            long retryAfter = TooManyRequests.retryAfterSeconds(wait);
            context.response()
                    .setStatusCode(429)
                    .putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", Long.toString(retryAfter))
                    .end("{\"type\":\"" + TooManyRequests.TYPE + "\",\"title\":\"" + TooManyRequests.TITLE
                            + "\",\"status\":429,\"detail\":\"Too many failed authentications from this address; retry after "
                            + retryAfter + " s.\"}");
            return;
        }
        context.addHeadersEndHandler(v -> {
            if (context.response().getStatusCode() == 401) {
                buckets.take(address, config.failures(), config.failurePeriod());
            }
        });
        context.next();
    }
}
