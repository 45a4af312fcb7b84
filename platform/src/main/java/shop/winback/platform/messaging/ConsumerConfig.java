package shop.winback.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "winback.consumer")
public interface ConsumerConfig {

    /** Attempts at an event whose failure is not transient before it is dead-lettered. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the second attempt; doubles each time up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();
}
