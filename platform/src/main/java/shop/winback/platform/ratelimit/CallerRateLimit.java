package shop.winback.platform.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;

/**
 * Every REST call takes one request from its caller's bucket, after authentication: a verified token is limited
 * by its shop and subject (the order system's integration token far higher than a person), a call without a
 * token by its address. Over the rate: 429 problem+json with Retry-After, and nothing done.
 */
public class CallerRateLimit {

    private final RateLimitConfig config;
    private final Buckets buckets;
    private final CurrentIdentityAssociation identities;

    public CallerRateLimit(RateLimitConfig config, Buckets buckets, CurrentIdentityAssociation identities) {
        this.config = config;
        this.buckets = buckets;
        this.identities = identities;
    }

    /** On the I/O thread: the identity is awaited, never blocked on (authentication is lazy here, see the platform config). */
    @ServerRequestFilter(nonBlocking = true)
    public Uni<Response> limit(HttpServerRequest http) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .getDeferredIdentity()
                .map(identity -> limit(identity, http))
                // a token that does not verify is the endpoint's to refuse (401), and FailedAuthentications' to count
                .onFailure()
                .recoverWithNull();
    }

    private Response limit(SecurityIdentity identity, HttpServerRequest http) {
        Principal principal = identity == null || identity.isAnonymous() ? null : identity.getPrincipal();
        String caller;
        int rate;
        if (principal instanceof JsonWebToken token) {
            String shop = token.getClaim(Caller.SHOP_CLAIM);
            boolean integration = token.getGroups() != null && token.getGroups().contains(Roles.INTEGRATION);
            rate = integration
                    ? config.shopIntegrationRate().getOrDefault(shop, config.integrationRate())
                    : config.callerRate();
            caller = "token " + shop + "/" + token.getName();
        } else {
            rate = config.anonymousRate();
            caller = "address "
                    + (http.remoteAddress() == null
                            ? "unknown"
                            : http.remoteAddress().host());
        }
        Duration wait = buckets.take(caller, rate, config.period());
        if (wait.isZero()) {
            return null;
        }
        long retryAfter = TooManyRequests.retryAfterSeconds(wait);
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", retryAfter)
                .entity(new Problem(
                        TooManyRequests.TYPE,
                        TooManyRequests.TITLE,
                        429,
                        "More than " + rate + " requests in " + config.period()
                                + " from this caller; nothing was done. Retry after " + retryAfter + " s.",
                        http.path(),
                        List.of()))
                .build();
    }
}
