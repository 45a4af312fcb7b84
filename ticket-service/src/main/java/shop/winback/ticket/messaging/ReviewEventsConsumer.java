package shop.winback.ticket.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import shop.winback.platform.messaging.EventProcessor;

/**
 * Reads {@code reviews.v1} (consumer group {@code ticket-service}). What cannot be processed is
 * nacked, and the channel's dead-letter strategy sends it to {@code reviews.v1.ticket-service.dlq}
 * with the reason in its headers; see {@link EventProcessor} for retries.
 */
@ApplicationScoped
public class ReviewEventsConsumer {

    private final EventProcessor processor;
    private final ReviewEventHandler handler;

    public ReviewEventsConsumer(EventProcessor processor, ReviewEventHandler handler) {
        this.processor = processor;
        this.handler = handler;
    }

    @Incoming("reviews")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processor.process(message, handler::handle);
    }
}
