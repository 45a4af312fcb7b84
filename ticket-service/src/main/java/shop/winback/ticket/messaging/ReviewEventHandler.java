package shop.winback.ticket.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.EventRoutes;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.messaging.in.ReviewFacts;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.messaging.in.ReviewRevisedV1;
import shop.winback.ticket.service.Resolutions;
import shop.winback.ticket.service.Resolutions.ReceivedRevision;
import shop.winback.ticket.service.TicketDesk;
import shop.winback.ticket.service.TicketDesk.GoodReview;
import shop.winback.ticket.service.TicketDesk.ReceivedReview;

/**
 * What ticket-service does with {@code reviews.v1}: a neutral or bad review opens (or joins) a ticket,
 * every review is counted, a revision may recover a ticket; item signals are for the shop's product
 * people and are read past.
 */
@Startup // its latency histogram is there for dashboards from the start, not from the first review
@ApplicationScoped
public class ReviewEventHandler {

    /** The names this consumer's events are remembered under in the inbox. */
    static final String REVIEWS_CONSUMER = "ticket-service/reviews";

    static final String REVISIONS_CONSUMER = "ticket-service/revisions";

    private final TicketDesk desk;
    private final Resolutions resolutions;
    private final EventReader reader;
    private final Timer reviewToAssignment;
    private final EventRoutes routes;

    public ReviewEventHandler(
            TicketDesk desk, Resolutions resolutions, EventReader reader, MeterRegistry meters, TicketConfig config) {
        this.desk = desk;
        this.resolutions = resolutions;
        this.reader = reader;
        this.reviewToAssignment = Timer.builder("winback.review.to.assignment")
                .description(
                        "From review-service capturing a neutral or bad review to its ticket being assigned at once")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(meters);
        // new reviews before revisions: a revision may be of a review in the same poll
        this.routes = EventRoutes.of(config.reviewsDeadLetterTopic(), REVIEWS_CONSUMER)
                .on(ReviewReceivedV1.TYPE, this::reviewsReceived)
                .on(ReviewRevisedV1.TYPE, REVISIONS_CONSUMER, ReviewRevisedV1.class, this::reviewsRevised)
                .readPast("item.dsr-below-threshold.v1", "product.problem-alert.v1");
    }

    EventRoutes routes() {
        return routes;
    }

    private void reviewsReceived(List<IncomingEvent> events) {
        List<ReceivedReview> received = new ArrayList<>(events.size());
        List<GoodReview> good = new ArrayList<>();
        Map<UUID, Instant> capturedAt = new HashMap<>();
        for (IncomingEvent event : events) {
            ReviewFacts facts = ReviewFacts.peek(event.data());
            if (Rating.GOOD.name().equals(facts.rating()) && facts.complete()) {
                // a good review opens no ticket, it is only counted: nine events in ten are not read in full
                good.add(new GoodReview(facts.shopId(), facts.sku(), facts.createdAt()));
                continue;
            }
            ReviewReceivedV1 review = reader.read(event, ReviewReceivedV1.class);
            received.add(new ReceivedReview(review, event.traceParent()));
            if (event.time() != null) {
                capturedAt.put(review.reviewId(), event.time());
            }
        }
        for (Ticket ticket : desk.reviewsReceived(received, good)) {
            Instant captured = capturedAt.get(ticket.reviewId);
            if (ticket.assignedAt != null && captured != null) {
                reviewToAssignment.record(Duration.between(captured, ticket.assignedAt));
            }
        }
    }

    private void reviewsRevised(List<EventRoutes.Received<ReviewRevisedV1>> revisions) {
        resolutions.reviewsRevised(revisions.stream()
                .map(r -> new ReceivedRevision(r.data(), r.event().traceParent()))
                .toList());
    }
}
