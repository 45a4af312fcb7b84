package shop.winback.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Where ticket-service reads logistics-service's events from (only the courier claims are acted on). */
@ConfigMapping(prefix = "ticket.logistics")
public interface LogisticsConfig {

    /** Topic logistics-service publishes parcel scans, weight checks and courier claims on. */
    @WithDefault("logistics.v1")
    String topic();

    /** Where logistics.v1 records this service cannot process go: {@code <topic>.<consumer group>.dlq}. */
    @WithDefault("${ticket.logistics.topic}.ticket-service.dlq")
    String deadLetterTopic();

    /** Both topics above, for {@code winback.kafka.topics} (created at startup when missing). */
    @WithDefault("${ticket.logistics.topic},${ticket.logistics.dead-letter-topic}")
    List<String> topics();
}
