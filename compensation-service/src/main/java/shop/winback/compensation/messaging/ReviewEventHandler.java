package shop.winback.compensation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import shop.winback.compensation.service.OrderFacts;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.platform.messaging.UnprocessableEventException;

/**
 * Handles the events of {@code reviews.v1}: the order facts of neutral and bad reviews are kept
 * (what quotes and compensations are decided from); good reviews and the other types are read past.
 */
@ApplicationScoped
public class ReviewEventHandler {

    /** Events of reviews.v1 this service reads past. */
    static final Set<String> KNOWN_NOT_ACTED_ON =
            Set.of("review.revised.v1", "item.dsr-below-threshold.v1", "product.problem-alert.v1");

    private static final String GOOD = "GOOD";
    static final Set<String> RATINGS = Set.of(GOOD, "NEUTRAL", "BAD");

    private final OrderFacts facts;
    private final EventReader reader;

    public ReviewEventHandler(OrderFacts facts, EventReader reader) {
        this.facts = facts;
        this.reader = reader;
    }

    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    /** Handles the events in one transaction (one batch of inserts); throws if any of them cannot be handled. */
    public void handleAll(List<IncomingEvent> events) {
        List<OrderFacts.Received> received = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (KNOWN_NOT_ACTED_ON.contains(event.type())) {
                continue;
            }
            if (!ReviewReceivedV1.TYPE.equals(event.type())) {
                throw new UnprocessableEventException("no handler for event type " + event.type());
            }
            if (GOOD.equals(reader.peekText(event, "rating"))) {
                continue; // nothing to compensate: no inbox row, no insert, not even read in full
            }
            ReviewReceivedV1 review = reader.read(event, ReviewReceivedV1.class);
            if (!RATINGS.contains(review.rating())) {
                throw new UnprocessableEventException(
                        event.type() + " " + event.id() + " is invalid: rating " + review.rating());
            }
            if (!GOOD.equals(review.rating())) {
                received.add(new OrderFacts.Received(event.id(), review, event.time()));
            }
        }
        if (!received.isEmpty()) {
            facts.record(received);
        }
    }
}
