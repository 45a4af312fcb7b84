package shop.winback.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Where ticket-service reads compensation-service's events from. */
@ConfigMapping(prefix = "ticket.compensations")
public interface CompensationsConfig {

    /** Topic compensation-service publishes compensations on (requested, approved, rejected, paid). */
    @WithDefault("compensations.v1")
    String topic();

    /** Where compensations.v1 records this service cannot process go: {@code <topic>.<consumer group>.dlq}. */
    @WithDefault("${ticket.compensations.topic}.ticket-service.dlq")
    String deadLetterTopic();

    /** Both topics above, for {@code winback.kafka.topics} (created at startup when missing). */
    @WithDefault("${ticket.compensations.topic},${ticket.compensations.dead-letter-topic}")
    List<String> topics();
}
