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

    /** The line in front of the database that captures wait in (group commit and admission control). */
    Capture capture();

    interface Capture {

        /**
         * Most reviews waiting at once; a request that does not fit is answered 503 with Retry-After.
         * Small enough that what is accepted is stored within the latency goal (p99 500 ms at 5,000/s).
         */
        @WithDefault("1500")
        int maxQueued();

        /** Most reviews stored in one transaction. */
        @WithDefault("500")
        int maxGroup();

        /**
         * A request still waiting after this is answered 503 rather than stored late. Half the latency goal (p99
         * 500 ms), because reading, validating, storing and answering a batch take the other half on a busy box.
         */
        @WithDefault("250ms")
        Duration maxWait();
    }
}
