package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import shop.winback.platform.inbox.Inbox;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketReview;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.messaging.ReviewReceivedV1;
import shop.winback.ticket.messaging.TicketEvents;
import shop.winback.ticket.settings.BusinessHours;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;

/**
 * Opens tickets from neutral and bad reviews: one ticket per buyer-order while it is open, so a
 * buyer is never called twice for one order — a second review of the order joins the ticket.
 */
@ApplicationScoped
public class TicketDesk {

    static final String REVIEWS_CONSUMER = "ticket-service/reviews";

    private final Dispatcher dispatcher;
    private final TicketEvents events;
    private final Inbox inbox;
    private final TicketSettingsStore settings;
    private final EntityManager em;
    private final Clock clock;

    public TicketDesk(Dispatcher dispatcher, TicketEvents events, Inbox inbox, TicketSettingsStore settings,
                      EntityManager em, Clock clock) {
        this.dispatcher = dispatcher;
        this.events = events;
        this.inbox = inbox;
        this.settings = settings;
        this.em = em;
        this.clock = clock;
    }

    /** One {@code review.received.v1} as delivered: the event id, what it says, and its trace (W3C traceparent, may be null). */
    public record ReceivedReview(String eventId, ReviewReceivedV1 review, String traceParent) {

        public ReceivedReview(String eventId, ReviewReceivedV1 review) {
            this(eventId, review, null);
        }
    }

    /**
     * Handles many {@code review.received.v1} in one transaction: one inbox statement, and per shop
     * one lock and one round of dispatch queries. The same event twice changes nothing.
     *
     * @return the tickets opened, in event order (reviews that joined an open ticket are not listed)
     */
    @Transactional
    public List<Ticket> reviewsReceived(List<ReceivedReview> received) {
        // a good review changes nothing, so a redelivery is harmless without an inbox record
        List<ReceivedReview> needRecovery = received.stream().filter(r -> r.review().rating().needsRecovery()).toList();
        Set<String> firstSeen = inbox.firstDeliveries(REVIEWS_CONSUMER, needRecovery.stream().map(ReceivedReview::eventId).toList());
        Map<String, List<ReceivedReview>> byShop = new TreeMap<>(); // shops locked in one order: no deadlock between instances
        for (ReceivedReview r : needRecovery) {
            if (firstSeen.remove(r.eventId())) { // remove: an event delivered twice in one poll counts once
                byShop.computeIfAbsent(r.review().shopId(), shop -> new ArrayList<>()).add(r);
            }
        }
        List<Ticket> opened = new ArrayList<>();
        byShop.forEach((shop, reviews) -> opened.addAll(open(shop, reviews)));
        return opened;
    }

    private List<Ticket> open(String shopId, List<ReceivedReview> received) {
        List<ReviewReceivedV1> reviews = received.stream().map(ReceivedReview::review).toList();
        dispatcher.lockShop(shopId);
        TicketSettings shop = settings.effective(shopId);
        BusinessHours hours = shop.businessHours();
        Instant now = Instant.now(clock);
        // one ticket per review, also when it was republished under another event id
        Set<UUID> onTicket = new HashSet<>(TicketReview.alreadyOnTickets(shopId, reviews.stream().map(ReviewReceivedV1::reviewId).toList()));
        Map<String, Ticket> openByOrder = new HashMap<>();
        Ticket.openOfOrders(shopId, reviews.stream().map(ReviewReceivedV1::orderId).toList())
                .forEach(t -> openByOrder.put(t.orderId, t));
        Map<String, UUID> lastAgents = BuyerHistory.lastAgents(em, shopId, reviews.stream().map(r -> r.buyer().id()).toList());
        List<Ticket> opened = new ArrayList<>();
        List<TicketReview> joined = new ArrayList<>();
        for (ReceivedReview r : received) {
            ReviewReceivedV1 review = r.review();
            if (!onTicket.add(review.reviewId())) {
                continue;
            }
            Ticket ticket = openByOrder.get(review.orderId());
            if (ticket == null) {
                ticket = newTicket(review, lastAgents.get(review.buyer().id()), shop, hours, now);
                ticket.traceParent = r.traceParent(); // what this review causes is in its trace
                events.opened(ticket);
                openByOrder.put(ticket.orderId, ticket);
                opened.add(ticket);
                joined.add(reviewOf(ticket, review, now));
            } else {
                ticket.traceParent = r.traceParent();
                TicketReview added = reviewOf(ticket, review, now);
                join(ticket, review, shop);
                joined.add(added);
                events.reviewAdded(ticket, added);
            }
        }
        dispatcher.admit(shopId, opened); // stores the tickets before their reviews: the foreign key
        joined.forEach(r -> r.persist());
        return opened;
    }

    /** A second review of the order: the ticket takes the worse rating and the higher stake. */
    private static void join(Ticket t, ReviewReceivedV1 review, TicketSettings shop) {
        if (review.rating() == Rating.BAD) {
            t.rating = Rating.BAD;
        }
        t.buyerVip |= review.buyer().isVip();
        t.orderAmountFen = Math.max(t.orderAmountFen, review.orderAmountFen());
        t.distinctItems = Math.max(t.distinctItems, review.distinctItems());
        if (t.status == TicketStatus.WAITING && review.suspectedProfessional()) {
            t.requiredTier = Tier.SUPERVISOR;
        }
        t.priority = TicketPriority.of(t.rating, t.buyerVip, t.orderAmountFen, t.distinctItems, shop.stakePerItemFen());
    }

    private Ticket newTicket(ReviewReceivedV1 review, UUID lastAgent, TicketSettings shop, BusinessHours hours, Instant now) {
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
        t.buyerVip = review.buyer().isVip();
        t.itemSku = review.item().sku();
        t.itemTitle = review.item().title();
        t.itemCategory = review.item().category();
        t.rating = review.rating();
        t.orderAmountFen = review.orderAmountFen();
        t.distinctItems = review.distinctItems();
        t.requiredTier = review.suspectedProfessional() ? Tier.SUPERVISOR : Tier.REVIEW_RECOVERY;
        t.preferredAgentId = lastAgent;
        t.priority = TicketPriority.of(t.rating, t.buyerVip, t.orderAmountFen, t.distinctItems, shop.stakePerItemFen());
        t.status = TicketStatus.WAITING;
        t.reviewCreatedAt = review.createdAt();
        t.openedAt = now;
        t.firstContactDueAt = hours.plus(now, shop.firstContact());
        t.resolutionDueAt = hours.plus(now, shop.resolution());
        return t;
    }

    private static TicketReview reviewOf(Ticket ticket, ReviewReceivedV1 review, Instant now) {
        TicketReview r = new TicketReview();
        r.key = new TicketReview.Key(review.shopId(), review.reviewId());
        r.ticketId = ticket.id;
        r.platformReviewId = review.platformReviewId();
        r.itemSku = review.item().sku();
        r.itemTitle = review.item().title();
        r.rating = review.rating();
        r.currentRating = review.rating();
        r.reviewCreatedAt = review.createdAt();
        r.joinedAt = now;
        return r;
    }
}
