package shop.winback.ticket.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.Retry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.platform.messaging.UnprocessableEventException;
import shop.winback.ticket.service.TicketDesk;

/**
 * One handler per event type of {@code reviews.v1}. A failure that retrying may cure (database
 * briefly away, a lock timeout) is retried with backoff; an unprocessable event is not.
 * Each attempt runs in its own transaction (TicketDesk), so a retry starts clean.
 */
@ApplicationScoped
public class ReviewEventHandler {

    private final Map<String, Consumer<IncomingEvent>> handlers;

    public ReviewEventHandler(TicketDesk desk, EventReader reader) {
        this.handlers = Map.of(
                ReviewReceivedV1.TYPE, event -> desk.reviewReceived(event.id(), reader.read(event, ReviewReceivedV1.class)));
    }

    @Retry(maxRetries = 6, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 100,
            abortOn = UnprocessableEventException.class)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void handle(IncomingEvent event) {
        Consumer<IncomingEvent> handler = handlers.get(event.type());
        if (handler == null) {
            throw new UnprocessableEventException("no handler for event type " + event.type());
        }
        handler.accept(event);
    }
}
