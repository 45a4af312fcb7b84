package shop.winback.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "winback.kafka")
public interface TopicConfig {

    /** Create the topics below at startup if missing. Off where an operator (Strimzi KafkaTopic) owns them. */
    @WithDefault("true")
    boolean createTopics();

    /** Topics this service produces or consumes, dead-letter topics included. */
    Optional<List<String>> topics();

    /** Partitions of a created topic: the most consumer instances that can share one group. */
    @WithDefault("6")
    int partitions();

    @WithDefault("1")
    short replicationFactor();
}
