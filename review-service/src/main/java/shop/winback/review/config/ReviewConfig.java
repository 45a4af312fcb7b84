package shop.winback.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "review")
public interface ReviewConfig {

    /** Topic for review events (public contract: reporting jobs read it). */
    @WithDefault("reviews.v1")
    String topic();

    /** A review dated this far ahead of our clock is still accepted (the shop's clock may run fast). */
    @WithDefault("5m")
    Duration maxClockSkew();
}
