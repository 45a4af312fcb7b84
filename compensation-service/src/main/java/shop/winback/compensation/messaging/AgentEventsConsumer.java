package shop.winback.compensation.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.platform.messaging.EventProcessor;

/**
 * Reads {@code agents.v1} (consumer group {@code compensation-service}) a poll at a time, each poll in
 * one transaction. What cannot be processed goes to {@code agents.v1.compensation-service.dlq}; see
 * {@link EventProcessor}.
 */
@ApplicationScoped
public class AgentEventsConsumer {

    private final EventProcessor processor;
    private final AgentEventHandler handler;
    private final String deadLetterTopic;

    public AgentEventsConsumer(EventProcessor processor, AgentEventHandler handler, CompensationConfig config) {
        this.processor = processor;
        this.handler = handler;
        this.deadLetterTopic = config.agentsDeadLetterTopic();
    }

    @Incoming("agents")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(batch, deadLetterTopic, handler::handle, handler::handleAll);
    }
}
