package shop.winback.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/winback/${quarkus.application.name}")
    String source();

    /** How often the sweeper looks for events the after-commit fast path did not get out. */
    @WithDefault("1s")
    Duration sweepInterval();

    /** An unpublished event younger than this is still the fast path's; the sweeper leaves it alone. */
    @WithDefault("3s")
    Duration sweepGrace();

    /** Most events one sweep re-sends. */
    @WithDefault("500")
    int sweepBatch();

    /** How long one sweep waits for the broker to acknowledge what it sent. */
    @WithDefault("10s")
    Duration sendTimeout();
}
