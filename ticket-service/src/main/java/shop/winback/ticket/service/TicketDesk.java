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
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketReview;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.messaging.out.TicketEvents;
import shop.winback.ticket.repository.TicketStore;
import shop.winback.ticket.settings.BusinessHours;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;
import shop.winback.ticket.stats.EconomicsLedger;

/**
 * Opens tickets from neutral and bad reviews: one ticket per buyer-order while it is open, so a
 * buyer is never called twice for one order — a second review of the order joins the ticket.
 */
@ApplicationScoped
public class TicketDesk {

    private final Dispatcher dispatcher;
    private final TicketStore store;
    private final TicketEvents events;
    private final TicketSettingsStore settings;
    private final EntityManager em;
    private final EconomicsLedger ledger;
    private final Clock clock;

    public TicketDesk(
            Dispatcher dispatcher,
            TicketStore store,
            TicketEvents events,
            TicketSettingsStore settings,
            EconomicsLedger ledger,
            EntityManager em,
            Clock clock) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.store = store;
        this.events = events;
        this.settings = settings;
        this.em = em;
        this.clock = clock;
    }

    /** One {@code review.received.v1} as delivered: what it says, and its trace (W3C traceparent, may be null). */
    public record ReceivedReview(ReviewReceivedV1 review, String traceParent) {

        public ReceivedReview(ReviewReceivedV1 review) {
            this(review, null);
        }
    }

    /** A good {@code review.received.v1}: only what counting it needs (it opens no ticket). */
    public record GoodReview(String shopId, String sku, Instant createdAt) {}

    /** As {@link #reviewsReceived(List, List)} with no good reviews read apart. */
    @Transactional
    public List<Ticket> reviewsReceived(List<ReceivedReview> received) {
        return reviewsReceived(received, List.of());
    }

    /**
     * Handles many {@code review.received.v1}, of one shop or many, in one transaction, each delivered
     * for the first time (the consumer's inbox has seen to that): one look-up of what the shops already
     * hold, then — under the shops' dispatch locks, taken as late as possible so other instances wait
     * little — one read of the agents and one batch of writes. Every review is counted for the recovery
     * economics (one statement at commit, see EconomicsLedger). A review already on a ticket (republished
     * under another event id) opens nothing.
     *
     * @param good good reviews read only as far as counting needs; good ones in {@code received} are counted too
     * @return the tickets opened, in event order (reviews that joined an open ticket are not listed)
     */
    @Transactional
    public List<Ticket> reviewsReceived(List<ReceivedReview> received, List<GoodReview> good) {
        for (GoodReview g : good) {
            ledger.reviewReceived(g.shopId(), g.sku(), Rating.GOOD, List.of(), g.createdAt());
        }
        List<ReceivedReview> fresh = new ArrayList<>();
        for (ReceivedReview r : received) {
            ReviewReceivedV1 review = r.review();
            ledger.reviewReceived(
                    review.shopId(), review.item().sku(), review.rating(), review.reasons(), review.createdAt());
            if (review.rating().needsRecovery()) {
                fresh.add(r);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        // no lock yet: a review's order is only ever handled by the consumer of its partition, and the
        // consumer's inbox row makes a second consumer of the same events wait for this one
        TicketStore.Known known = store.known(fresh.stream()
                .map(r -> new TicketStore.Incoming(
                        r.review().shopId(),
                        r.review().reviewId(),
                        r.review().orderId(),
                        r.review().buyer().id()))
                .toList());
        Instant now = Instant.now(clock);
        Set<String> onTicket = new HashSet<>(known.onTicket());
        Map<String, Ticket> newOfOrder = new HashMap<>();
        Map<String, List<Ticket>> openedByShop = new TreeMap<>();
        List<Ticket> opened = new ArrayList<>();
        List<ReceivedReview> joining = new ArrayList<>();
        List<TicketReview> carried = new ArrayList<>();
        for (ReceivedReview r : fresh) {
            ReviewReceivedV1 review = r.review();
            // one ticket per review, also when it was republished under another event id
            if (!onTicket.add(TicketStore.key(review.shopId(), review.reviewId()))) {
                continue;
            }
            String order = TicketStore.key(review.shopId(), review.orderId());
            if (known.openTickets().containsKey(order) || newOfOrder.containsKey(order)) {
                joining.add(r);
                continue;
            }
            TicketSettings shop = settings.effective(review.shopId());
            Ticket ticket = newTicket(
                    review,
                    known.lastAgents()
                            .get(TicketStore.key(review.shopId(), review.buyer().id())),
                    shop,
                    shop.businessHours(),
                    now);
            ticket.traceParent = r.traceParent(); // what this review causes is in its trace
            events.opened(ticket);
            ledger.ticketOpened(ticket);
            newOfOrder.put(order, ticket);
            openedByShop.computeIfAbsent(ticket.shopId, s -> new ArrayList<>()).add(ticket);
            opened.add(ticket);
            carried.add(reviewOf(ticket, review, now));
        }
        joining.forEach(r -> openedByShop.computeIfAbsent(r.review().shopId(), s -> new ArrayList<>()));
        store.lockShops(openedByShop.keySet());
        for (ReceivedReview r : joining) {
            ReviewReceivedV1 review = r.review();
            String order = TicketStore.key(review.shopId(), review.orderId());
            Ticket ticket = newOfOrder.containsKey(order)
                    ? newOfOrder.get(order)
                    : em.find(Ticket.class, known.openTickets().get(order));
            ticket.traceParent = r.traceParent();
            TicketReview added = reviewOf(ticket, review, now);
            join(ticket, review, settings.effective(review.shopId()));
            carried.add(added);
            events.reviewAdded(ticket, added);
        }
        dispatcher.admit(openedByShop); // stores the tickets before their reviews: the foreign key
        store.insertReviews(carried);
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
        if (!review.reasons().isEmpty()) {
            java.util.SortedSet<String> reasons = new java.util.TreeSet<>(review.reasons());
            if (t.complaintReasons != null) {
                reasons.addAll(List.of(t.complaintReasons));
            }
            t.complaintReasons = reasons.toArray(String[]::new);
        }
    }

    private Ticket newTicket(
            ReviewReceivedV1 review, UUID lastAgent, TicketSettings shop, BusinessHours hours, Instant now) {
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
        t.complaintReasons = review.reasons().toArray(String[]::new);
        t.openedAt = now;
        t.firstContactDueAt = hours.plus(now, shop.firstContact());
        t.resolutionDueAt = hours.plus(now, shop.resolution());
        t.queueDueAt = hours.plus(now, shop.queueWait());
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
        r.complaintReasons = review.reasonsAsWritten().toArray(String[]::new);
        if (review.dsr() != null) {
            r.dsrDescription = (short) review.dsr().description();
            r.dsrService = (short) review.dsr().service();
            r.dsrShipping = (short) review.dsr().shipping();
        }
        if (review.goods() != null) {
            r.goodsReceivedAt = review.goods().receivedAt();
            r.goodsWornOrUsed = review.goods().wornOrUsed();
            r.goodsPhotoUrls = review.goods().photoUrls() == null
                    ? null
                    : review.goods().photoUrls().toArray(String[]::new);
        }
        return r;
    }
}
