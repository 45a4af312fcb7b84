package shop.winback.ticket.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.platform.messaging.UnprocessableEventException;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.service.TicketDesk;

/** One handler per event type of {@code reviews.v1}; a type nobody handles is unprocessable. */
@ApplicationScoped
public class ReviewEventHandler {

    private final Map<String, Consumer<IncomingEvent>> handlers;

    public ReviewEventHandler(TicketDesk desk, EventReader reader, MeterRegistry meters) {
        Timer reviewToAssignment = Timer.builder("winback.review.to.assignment")
                .description("From review-service capturing a neutral or bad review to its ticket being assigned at once")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(meters);
        this.handlers = Map.of(
                ReviewReceivedV1.TYPE, event -> {
                    Ticket ticket = desk.reviewReceived(event.id(), reader.read(event, ReviewReceivedV1.class));
                    if (ticket != null && ticket.assignedAt != null && event.time() != null) {
                        reviewToAssignment.record(Duration.between(event.time(), ticket.assignedAt));
                    }
                });
    }

    public void handle(IncomingEvent event) {
        Consumer<IncomingEvent> handler = handlers.get(event.type());
        if (handler == null) {
            throw new UnprocessableEventException("no handler for event type " + event.type());
        }
        handler.accept(event);
    }
}
