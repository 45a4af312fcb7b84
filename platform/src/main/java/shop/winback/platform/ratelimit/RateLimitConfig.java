package shop.winback.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Per-caller request rates. A caller is a verified token's shop and subject, else (courier pushes, no token) the
 * client's address. A caller over its rate is answered 429 with Retry-After; an address that keeps failing
 * authentication is locked out for a while. Each rate is requests per {@link #period()}, which is also the burst a
 * caller may send at once.
 */
@ConfigMapping(prefix = "winback.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** What the rates count in. */
    @WithDefault("1s")
    Duration period();

    /**
     * Requests from the order system's integration token: reviews arrive one request each at the shop's peak
     * (1,000 a second in the bench, five times that in batches), so its ceiling is far above the people's.
     */
    @WithDefault("5000")
    int integrationRate();

    /** Per shop: its integration token's rate, where the shop needs another than the default (shop id → rate). */
    Map<String, Integer> shopIntegrationRate();

    /** Requests from one agent, supervisor, manager or reporting job: a desk or a report never needs more. */
    @WithDefault("200")
    int callerRate();

    /** Requests from one address without a token (the couriers' signed pushes). */
    @WithDefault("200")
    int anonymousRate();

    /**
     * Failed authentications (401: no, forged or expired token, bad courier signature) an address may make in
     * {@link #failurePeriod()}; beyond it every request from it is refused until its allowance refills. Guessing
     * tokens or secrets stops there.
     */
    @WithDefault("120")
    int failures();

    @WithDefault("1m")
    Duration failurePeriod();
}
