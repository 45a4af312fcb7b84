package shop.winback.platform.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * How every consumer handles a record, so the policy lives in one place:
 * <ul>
 * <li>unreadable, invalid or of an unknown type: nacked at once, so the channel's dead-letter
 * strategy sends it to the DLQ with the reason, and consumption continues;</li>
 * <li>a transient failure (database away, deadlock): retried with backoff for as long as it takes,
 * holding the partition; dead-lettering would lose perfectly good events in an outage;</li>
 * <li>any other failure: retried {@code winback.consumer.max-attempts} times, then dead-lettered.</li>
 * </ul>
 * The handler runs its own transaction per attempt and records the event in the inbox there.
 */
@ApplicationScoped
public class EventProcessor {

    private final ConsumerConfig config;

    public EventProcessor(ConsumerConfig config) {
        this.config = config;
    }

    public CompletionStage<Void> process(Message<String> message, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(message);
        } catch (UnprocessableEventException e) {
            Log.warnf("Dead-lettering a record without usable CloudEvents headers: %s", e.getMessage());
            return message.nack(e);
        }
        long backoff = config.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                handler.accept(event);
                return message.ack();
            } catch (UnprocessableEventException e) {
                Log.warnf("Dead-lettering %s: %s", event, e.getMessage());
                return message.nack(e);
            } catch (RuntimeException e) {
                boolean passing = TransientFailures.isTransient(e);
                if (!passing && attempt >= config.maxAttempts()) {
                    Log.errorf(e, "Dead-lettering %s after %d attempts", event, attempt);
                    return message.nack(e);
                }
                Log.warnf("Attempt %d at %s failed (%s)%s; retrying in %d ms", attempt, event, e.toString(),
                        passing ? ", transient" : "", backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    // shutting down: leave the record unacknowledged, so it is redelivered after restart
                    return new CompletableFuture<>();
                }
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }
}
