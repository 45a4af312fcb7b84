package shop.winback.ticket.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import shop.winback.platform.messaging.IncomingEvent;

/**
 * Reads {@code reviews.v1} (consumer group {@code ticket-service}). A record that cannot be
 * processed is nacked: the channel's dead-letter strategy sends it to
 * {@code reviews.v1.ticket-service.dlq} with the reason in its headers, and consumption continues.
 */
@ApplicationScoped
public class ReviewEventsConsumer {

    private final ReviewEventHandler handler;

    public ReviewEventsConsumer(ReviewEventHandler handler) {
        this.handler = handler;
    }

    @Incoming("reviews")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        IncomingEvent event = null;
        try {
            event = IncomingEvent.of(message);
            handler.handle(event);
            return message.ack();
        } catch (RuntimeException e) {
            Log.warnf("Dead-lettering %s: %s", event != null ? event : "a record without CloudEvents headers", e.getMessage());
            return message.nack(e);
        }
    }
}
