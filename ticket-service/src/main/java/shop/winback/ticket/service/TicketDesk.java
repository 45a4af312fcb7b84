package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /** One {@code review.received.v1} as delivered: the event id and what it says. */
    public record ReceivedReview(String eventId, ReviewReceivedV1 review) {
    }

    /**
     * Handles {@code review.received.v1}: a neutral or bad review opens a ticket and the dispatcher
     * assigns it at once if anyone has room. The same event twice opens one ticket.
     *
     * @return the ticket opened, or null when there was nothing to open
     */
    @Transactional
    public Ticket reviewReceived(String eventId, ReviewReceivedV1 review) {
        List<Ticket> opened = reviewsReceived(List.of(new ReceivedReview(eventId, review)));
        return opened.isEmpty() ? null : opened.get(0);
    }

    /**
     * Handles many {@code review.received.v1} in one transaction, as {@link #reviewReceived} does
     * each: one inbox statement, and per shop one lock and one round of dispatch queries.
     *
     * @return the tickets opened, in event order
     */
    @Transactional
    public List<Ticket> reviewsReceived(List<ReceivedReview> received) {
        // a good review changes nothing, so a redelivery is harmless without an inbox record
        List<ReceivedReview> needRecovery = received.stream().filter(r -> r.review().rating().needsRecovery()).toList();
        Set<String> firstSeen = inbox.firstDeliveries(REVIEWS_CONSUMER, needRecovery.stream().map(ReceivedReview::eventId).toList());
        Map<String, List<ReviewReceivedV1>> byShop = new TreeMap<>(); // shops locked in one order: no deadlock between instances
        for (ReceivedReview r : needRecovery) {
            if (firstSeen.remove(r.eventId())) { // remove: an event delivered twice in one poll counts once
                byShop.computeIfAbsent(r.review().shopId(), shop -> new ArrayList<>()).add(r.review());
            }
        }
        List<Ticket> opened = new ArrayList<>();
        byShop.forEach((shop, reviews) -> opened.addAll(open(shop, reviews)));
        return opened;
    }

    private List<Ticket> open(String shopId, List<ReviewReceivedV1> reviews) {
        dispatcher.lockShop(shopId);
        // one ticket per review, also when it was republished under another event id
        Set<UUID> hasTicket = new HashSet<>(Ticket.reviewsWithTickets(shopId, reviews.stream().map(ReviewReceivedV1::reviewId).toList()));
        List<Ticket> opened = new ArrayList<>();
        for (ReviewReceivedV1 review : reviews) {
            if (hasTicket.add(review.reviewId())) {
                Ticket ticket = newTicket(review);
                events.opened(ticket);
                opened.add(ticket);
            }
        }
        dispatcher.admit(shopId, opened);
        return opened;
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
        t.buyerPhoneMasked = review.buyer().phoneMasked();
        t.buyerPhoneSealed = review.buyer().phoneSealed();
        t.buyerAddressSealed = review.buyer().addressSealed();
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
