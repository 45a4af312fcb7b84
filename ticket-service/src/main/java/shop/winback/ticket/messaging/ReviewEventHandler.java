package shop.winback.ticket.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.platform.messaging.UnprocessableEventException;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.service.Resolutions;
import shop.winback.ticket.service.Resolutions.ReceivedRevision;
import shop.winback.ticket.service.TicketDesk;
import shop.winback.ticket.service.TicketDesk.GoodReview;
import shop.winback.ticket.service.TicketDesk.ReceivedReview;

/** Handles the events of {@code reviews.v1}; a type nobody handles is unprocessable. */
@Startup // its latency histogram is there for dashboards from the start, not from the first review
@ApplicationScoped
public class ReviewEventHandler {

    /** Events of reviews.v1 this service reads past: item signals are for the shop's product people. */
    static final Set<String> KNOWN_NOT_ACTED_ON = Set.of("item.dsr-below-threshold.v1", "product.problem-alert.v1");

    private final TicketDesk desk;
    private final Resolutions resolutions;
    private final EventReader reader;
    private final Timer reviewToAssignment;

    public ReviewEventHandler(TicketDesk desk, Resolutions resolutions, EventReader reader, MeterRegistry meters) {
        this.desk = desk;
        this.resolutions = resolutions;
        this.reader = reader;
        this.reviewToAssignment = Timer.builder("winback.review.to.assignment")
                .description(
                        "From review-service capturing a neutral or bad review to its ticket being assigned at once")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(meters);
    }

    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    /**
     * Handles the events in one transaction, new reviews before revisions (a revision may be of a
     * review in the same poll); throws if any of them cannot be handled.
     */
    @Transactional
    public void handleAll(List<IncomingEvent> events) {
        List<ReceivedReview> received = new ArrayList<>(events.size());
        List<GoodReview> good = new ArrayList<>();
        List<ReceivedRevision> revisions = new ArrayList<>();
        Map<UUID, Instant> capturedAt = new HashMap<>();
        for (IncomingEvent event : events) {
            if (KNOWN_NOT_ACTED_ON.contains(event.type())) {
                continue;
            }
            if (ReviewRevisedV1.TYPE.equals(event.type())) {
                revisions.add(new ReceivedRevision(
                        event.id(), reader.read(event, ReviewRevisedV1.class), event.traceParent()));
                continue;
            }
            if (!ReviewReceivedV1.TYPE.equals(event.type())) {
                throw new UnprocessableEventException("no handler for event type " + event.type());
            }
            ReviewFacts facts = ReviewFacts.peek(event.data());
            if (Rating.GOOD.name().equals(facts.rating()) && facts.complete()) {
                // a good review opens no ticket, it is only counted: nine events in ten are not read in full
                good.add(new GoodReview(event.id(), facts.shopId(), facts.sku(), facts.createdAt()));
                continue;
            }
            ReviewReceivedV1 review = reader.read(event, ReviewReceivedV1.class);
            received.add(new ReceivedReview(event.id(), review, event.traceParent()));
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
        if (!revisions.isEmpty()) {
            resolutions.reviewsRevised(revisions);
        }
    }
}
