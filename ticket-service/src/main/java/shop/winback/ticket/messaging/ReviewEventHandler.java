package shop.winback.ticket.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Consumer;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.platform.messaging.UnprocessableEventException;
import shop.winback.ticket.service.TicketDesk;

/** One handler per event type of {@code reviews.v1}; a type nobody handles is unprocessable. */
@ApplicationScoped
public class ReviewEventHandler {

    private final Map<String, Consumer<IncomingEvent>> handlers;

    public ReviewEventHandler(TicketDesk desk, EventReader reader) {
        this.handlers = Map.of(
                ReviewReceivedV1.TYPE, event -> desk.reviewReceived(event.id(), reader.read(event, ReviewReceivedV1.class)));
    }

    public void handle(IncomingEvent event) {
        Consumer<IncomingEvent> handler = handlers.get(event.type());
        if (handler == null) {
            throw new UnprocessableEventException("no handler for event type " + event.type());
        }
        handler.accept(event);
    }
}
