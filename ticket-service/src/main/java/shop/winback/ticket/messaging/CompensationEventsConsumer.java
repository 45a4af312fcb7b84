package shop.winback.ticket.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.winback.platform.messaging.EventProcessor;
import shop.winback.ticket.config.CompensationsConfig;

/**
 * Reads {@code compensations.v1} (consumer group {@code ticket-service}) a poll at a time, each
 * poll in one transaction when it can. What cannot be processed goes to
 * {@code compensations.v1.ticket-service.dlq} with the reason in its headers, and consumption
 * continues; see {@link EventProcessor} for retries.
 */
@ApplicationScoped
public class CompensationEventsConsumer {

    private final EventProcessor processor;
    private final CompensationEventHandler handler;
    private final String deadLetterTopic;

    public CompensationEventsConsumer(
            EventProcessor processor, CompensationEventHandler handler, CompensationsConfig config) {
        this.processor = processor;
        this.handler = handler;
        this.deadLetterTopic = config.deadLetterTopic();
    }

    @Incoming("compensations")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(batch, deadLetterTopic, handler::handle, handler::handleAll);
    }
}
