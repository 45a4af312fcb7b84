package shop.winback.compensation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.messaging.in.ReviewReceivedV1;
import shop.winback.compensation.service.OrderFacts;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.EventRoutes;
import shop.winback.platform.messaging.UnprocessableEventException;

/**
 * What compensation-service does with {@code reviews.v1}: the order facts of neutral and bad reviews are kept
 * (what quotes and compensations are decided from); good reviews and the other types are read past.
 */
@ApplicationScoped
public class ReviewEventHandler {

    /** The name this consumer's events are remembered under in the inbox. */
    static final String CONSUMER = "compensation-service/reviews";

    private static final String GOOD = "GOOD";
    static final Set<String> RATINGS = Set.of(GOOD, "NEUTRAL", "BAD");

    private final OrderFacts facts;
    private final EventRoutes routes;

    public ReviewEventHandler(OrderFacts facts, EventReader reader, CompensationConfig config) {
        this.facts = facts;
        this.routes = EventRoutes.of(config.reviewsDeadLetterTopic(), CONSUMER)
                // nothing to compensate in a good review: no inbox row, not even read in full
                .on(
                        ReviewReceivedV1.TYPE,
                        event -> !GOOD.equals(reader.peekText(event, "rating")),
                        ReviewReceivedV1.class,
                        this::received)
                .readPast("review.revised.v1", "item.dsr-below-threshold.v1", "product.problem-alert.v1");
    }

    EventRoutes routes() {
        return routes;
    }

    private void received(List<EventRoutes.Received<ReviewReceivedV1>> events) {
        List<OrderFacts.Received> received = events.stream()
                .filter(r -> !GOOD.equals(rating(r)))
                .map(r -> new OrderFacts.Received(r.data(), r.event().time()))
                .toList();
        if (!received.isEmpty()) {
            facts.record(received);
        }
    }

    private static String rating(EventRoutes.Received<ReviewReceivedV1> r) {
        if (!RATINGS.contains(r.data().rating())) {
            throw new UnprocessableEventException(r.event().type() + " "
                    + r.event().id() + " is invalid: rating " + r.data().rating());
        }
        return r.data().rating();
    }
}
