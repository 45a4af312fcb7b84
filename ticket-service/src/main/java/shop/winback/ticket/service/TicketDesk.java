package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import shop.winback.platform.inbox.Inbox;
import shop.winback.platform.problem.ConflictProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.messaging.ReviewReceivedV1;
import shop.winback.ticket.messaging.TicketEvents;

/** Opens a ticket for each neutral or bad review, and closes tickets. */
@ApplicationScoped
public class TicketDesk {

    static final String REVIEWS_CONSUMER = "ticket-service/reviews";

    private final Dispatcher dispatcher;
    private final TicketEvents events;
    private final Inbox inbox;
    private final EntityManager em;
    private final Clock clock;

    public TicketDesk(Dispatcher dispatcher, TicketEvents events, Inbox inbox, EntityManager em, Clock clock) {
        this.dispatcher = dispatcher;
        this.events = events;
        this.inbox = inbox;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Handles {@code review.received.v1}: a neutral or bad review opens a ticket and the dispatcher
     * assigns it at once if anyone has room. The same event twice opens one ticket.
     *
     * @return the ticket opened, or null when there was nothing to open
     */
    @Transactional
    public Ticket reviewReceived(String eventId, ReviewReceivedV1 review) {
        if (!review.rating().needsRecovery()) {
            return null; // nothing changes for a good review, so a redelivery is harmless without an inbox record
        }
        if (!inbox.firstDelivery(REVIEWS_CONSUMER, eventId)) {
            return null;
        }
        dispatcher.lockShop(review.shopId());
        if (Ticket.existsForReview(review.shopId(), review.reviewId())) {
            return null; // republished under another event id: still one ticket per review
        }
        Ticket ticket = newTicket(review);
        ticket.persist();
        events.opened(ticket);
        dispatcher.assignWaiting(review.shopId());
        return ticket;
    }

    @Transactional
    public Ticket close(UUID ticketId) {
        Ticket ticket = Ticket.<Ticket>findByIdOptional(ticketId).orElseThrow(() -> new NotFoundProblem("Ticket", ticketId));
        dispatcher.lockShop(ticket.shopId);
        em.refresh(ticket); // another instance may have changed it before we held the lock
        if (ticket.status == TicketStatus.CLOSED) {
            throw new ConflictProblem("ticket-closed", "Ticket already closed",
                    "Ticket " + ticketId + " was closed at " + ticket.closedAt);
        }
        Instant now = Instant.now(clock);
        if (ticket.status == TicketStatus.ASSIGNED) {
            Agent agent = Agent.findById(ticket.agentId);
            agent.openTickets--;
            agent.updatedAt = now;
        }
        ticket.status = TicketStatus.CLOSED;
        ticket.closedAt = now;
        events.closed(ticket);
        dispatcher.assignWaiting(ticket.shopId); // the freed place goes to the next waiting ticket
        return ticket;
    }

    private Ticket newTicket(ReviewReceivedV1 review) {
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.shopId = review.shopId();
        t.orderId = review.orderId();
        t.reviewId = review.reviewId();
        t.platformReviewId = review.platformReviewId();
        t.buyerId = review.buyer().id();
        t.buyerProvince = review.buyer().province();
        t.buyerCity = review.buyer().city();
        t.itemSku = review.item().sku();
        t.itemTitle = review.item().title();
        t.rating = review.rating();
        t.orderAmountFen = review.orderAmountFen();
        t.distinctItems = review.distinctItems();
        t.priority = TicketPriority.of(review.rating());
        t.status = TicketStatus.WAITING;
        t.reviewCreatedAt = review.createdAt();
        t.openedAt = Instant.now(clock);
        return t;
    }
}
