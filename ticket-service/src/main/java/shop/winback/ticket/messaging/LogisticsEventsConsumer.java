package shop.winback.ticket.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.winback.platform.messaging.EventProcessor;
import shop.winback.ticket.config.LogisticsConfig;

/**
 * Reads {@code logistics.v1} (consumer group {@code ticket-service}) a poll at a time, for the
 * courier-fault losses of the recovery economics. What cannot be processed goes to
 * {@code logistics.v1.ticket-service.dlq} with the reason in its headers; see {@link EventProcessor}.
 */
@ApplicationScoped
public class LogisticsEventsConsumer {

    private final EventProcessor processor;
    private final LogisticsEventHandler handler;
    private final String deadLetterTopic;

    public LogisticsEventsConsumer(EventProcessor processor, LogisticsEventHandler handler, LogisticsConfig config) {
        this.processor = processor;
        this.handler = handler;
        this.deadLetterTopic = config.deadLetterTopic();
    }

    @Incoming("logistics")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(batch, deadLetterTopic, handler::handle, handler::handleAll);
    }
}
