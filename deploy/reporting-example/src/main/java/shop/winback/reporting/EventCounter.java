package shop.winback.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.winback.reporting.OrderFacts.Counted;
import shop.winback.reporting.OrderFacts.ReviewFacts;
import shop.winback.reporting.OrderFacts.TicketFacts;

/**
 * Turns each public event into what it adds to a shop-day ({@link DayFigures}, keyed {@code shopId|date}), once per
 * {@code ce_id}. Reads the four types the figures need; every other type, known or not, is read past. Each event is
 * counted on the local day, in the shop's zone, of the timestamp the definitions name: a review on its
 * {@code createdAt}, a ticket opened on {@code openedAt}, resolved on {@code resolvedAt}, a compensation approved on
 * {@code occurredAt}.
 */
final class EventCounter implements Processor<String, byte[], String, DayFigures> {

    static final String SEEN_STORE = "seen-event-ids";
    static final String ORDERS_STORE = "order-facts";

    private static final Logger LOG = LoggerFactory.getLogger(EventCounter.class);

    /** The complaint reasons reviews.v1 1.3.0 knows; a reader that does not know one takes it as OTHER (its contract). */
    private static final Set<String> REASONS = Set.of(
            "QUALITY_DAMAGE",
            "SIZE_FIT",
            "NOT_AS_DESCRIBED",
            "COLOUR_DIFFERENCE",
            "MISSING_ITEM",
            "PARCEL_DAMAGED",
            "SLOW_SHIPPING",
            "COURIER_CONDUCT",
            "SERVICE_ATTITUDE",
            "PRICE",
            "OTHER");

    private static final Set<String> RATINGS = Set.of("GOOD", "NEUTRAL", "BAD");
    private static final String RECOVERED = "RECOVERED";

    private interface Handler {
        void handle(PublicEvent event, long timestampMs);
    }

    private final ShopSettings settings;
    private final Retention retention;
    private final Map<String, Handler> handlers = Map.of(
            "review.received.v1", this::reviewReceived,
            "ticket.opened.v1", this::ticketOpened,
            "ticket.resolved.v1", this::ticketResolved,
            "compensation.approved.v1", this::compensationApproved);

    private ProcessorContext<String, DayFigures> context;
    private WindowStore<String, Long> seen;
    private KeyValueStore<String, OrderFacts> orders;

    EventCounter(ShopSettings settings, Retention retention) {
        this.settings = settings;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, DayFigures> context) {
        this.context = context;
        this.seen = context.getStateStore(SEEN_STORE);
        this.orders = context.getStateStore(ORDERS_STORE);
        context.schedule(Duration.ofDays(1), PunctuationType.STREAM_TIME, this::forgetOldOrders);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        PublicEvent event = PublicEvent.headersOf(record.headers());
        Handler handler = event == null ? null : handlers.get(event.type());
        if (handler == null || seenBefore(event.id(), record.timestamp())) {
            return; // not a figure's event, or delivered before (at-least-once: same ce_id)
        }
        try {
            handler.handle(event.withData(record.value()), record.timestamp());
        } catch (IOException | PublicEvent.MalformedEventException e) {
            LOG.warn("skipped {} {}: {}", event.type(), event.id(), e.getMessage());
        }
        seen.put(event.id(), record.timestamp(), record.timestamp());
    }

    /** Whether an event with this id was counted within the retention either side of this record's time. */
    private boolean seenBefore(String eventId, long ts) {
        long window = retention.eventIds().toMillis();
        try (WindowStoreIterator<Long> earlier =
                seen.fetch(eventId, Instant.ofEpochMilli(ts - window), Instant.ofEpochMilli(ts + window))) {
            return earlier.hasNext();
        }
    }

    private void reviewReceived(PublicEvent e, long ts) {
        String shop = e.text("shopId");
        String orderKey = orderKey(shop, e.text("orderId"));
        String reviewId = e.text("reviewId");
        String rating = e.text("rating");
        if (!RATINGS.contains(rating)) {
            throw new PublicEvent.MalformedEventException("review " + e.id() + ": rating " + rating);
        }
        String sku = e.text("item.sku");
        List<String> reasons = reasons(e.node("complaintReasons"));
        count(shop, e.instant("createdAt"), DayFigures.of(Figures.review(rating), null, sku, reasons), ts);
        if (!"GOOD".equals(rating)) { // only neutral and bad reviews become tickets: remember nothing of good ones
            orders.put(orderKey, facts(orderKey).withReview(reviewId, new ReviewFacts(sku, reasons), ts));
        }
    }

    private void ticketOpened(PublicEvent e, long ts) {
        String shop = e.text("shopId");
        String orderKey = orderKey(shop, e.text("orderId"));
        OrderFacts facts = facts(orderKey);
        String ticketId = e.text("ticketId");
        String reviewId = e.text("reviewId");
        String sku = e.text("item.sku");
        String rating = e.text("rating");
        count(
                shop,
                e.instant("openedAt"),
                DayFigures.of(Figures.ticketOpened(), null, sku, facts.reasonsOf(reviewId)),
                ts);
        TicketFacts known = facts.tickets().get(ticketId);
        orders.put(
                orderKey,
                facts.withTicket(
                        ticketId,
                        new TicketFacts(reviewId, sku, rating, known == null ? null : known.resolution()),
                        ts));
    }

    /**
     * Counts a resolution once per ticket: a later RECOVERED for a ticket counted unrecovered (the buyer revised after
     * the agent had let go) takes the unrecovered count back from its day and counts the recovery.
     */
    private void ticketResolved(PublicEvent e, long ts) {
        String shop = e.text("shopId");
        String orderKey = orderKey(shop, e.text("orderId"));
        OrderFacts facts = facts(orderKey);
        String ticketId = e.text("ticketId");
        String outcome = e.text("outcome");
        String rating = e.text("rating");
        if (!"NEUTRAL".equals(rating) && !"BAD".equals(rating)) {
            throw new PublicEvent.MalformedEventException("ticket " + e.id() + ": rating " + rating);
        }
        String agentId = e.optionalText("agentId");
        TicketFacts ticket = facts.tickets().getOrDefault(ticketId, new TicketFacts(null, null, rating, null));
        Counted before = ticket.resolution();
        Instant resolvedAt = e.instant("resolvedAt");
        if (before != null) {
            if (RECOVERED.equals(before.outcome()) || !RECOVERED.equals(outcome)) {
                return; // this ticket's end is counted already
            }
            forward(before.dayKey(), before.contribution().negated(), ts);
        }
        DayFigures contribution = DayFigures.of(
                Figures.resolved(outcome, rating), agentId, ticket.sku(), facts.reasonsOf(ticket.reviewId()));
        String dayKey = count(shop, resolvedAt, contribution, ts);
        orders.put(
                orderKey, facts.withTicket(ticketId, ticket.resolved(new Counted(dayKey, outcome, contribution)), ts));
    }

    /**
     * Money paid out, on the approving day. Its agent is the compensation's {@code agentId} (whose ticket it served);
     * its product and reasons those of its ticket, or of the order's open ticket when it names none (as ticket-service
     * links it).
     */
    private void compensationApproved(PublicEvent e, long ts) {
        String shop = e.text("shopId");
        String orderKey = orderKey(shop, e.text("orderId"));
        OrderFacts facts = orders.get(orderKey);
        TicketFacts ticket = facts == null ? null : ticketOf(facts, e.optionalText("ticketId"));
        Figures paid = Figures.compensationApproved(e.text("type"), e.integer("amountFen"));
        count(
                shop,
                e.instant("occurredAt"),
                DayFigures.of(
                        paid,
                        e.text("agentId"),
                        ticket == null ? null : ticket.sku(),
                        ticket == null ? List.of() : facts.reasonsOf(ticket.reviewId())),
                ts);
        if (facts != null) {
            orders.put(orderKey, facts.touched(ts));
        }
    }

    private static TicketFacts ticketOf(OrderFacts facts, String ticketId) {
        if (ticketId != null) {
            return facts.tickets().get(ticketId);
        }
        return facts.tickets().values().stream()
                .filter(t -> t.resolution() == null)
                .findFirst()
                .orElse(null);
    }

    /** Forwards {@code contribution} to the shop's local day of {@code at}; returns that day's key. */
    private String count(String shopId, Instant at, DayFigures contribution, long ts) {
        String dayKey = new DayKey(shopId, at.atZone(settings.zone(shopId)).toLocalDate()).toString();
        forward(dayKey, contribution, ts);
        return dayKey;
    }

    private void forward(String dayKey, DayFigures contribution, long ts) {
        context.forward(new Record<>(dayKey, contribution, ts));
    }

    private OrderFacts facts(String orderKey) {
        OrderFacts facts = orders.get(orderKey);
        return facts == null ? OrderFacts.empty() : facts;
    }

    private static String orderKey(String shopId, String orderId) {
        return shopId + "|" + orderId;
    }

    /** The review's complaint reasons, each once; one the job does not know counts as OTHER. */
    private static List<String> reasons(JsonNode complaintReasons) {
        Set<String> reasons = new LinkedHashSet<>();
        if (complaintReasons != null) {
            for (JsonNode r : complaintReasons) {
                String reason = r.path("reason").asText("OTHER");
                reasons.add(REASONS.contains(reason) ? reason : "OTHER");
            }
        }
        return List.copyOf(reasons);
    }

    /**
     * Forgets orders quiet for longer than the retention (stream time), so the store does not grow forever; the event
     * ids' window store drops its old segments by itself.
     */
    private void forgetOldOrders(long streamTimeMs) {
        long before = streamTimeMs - retention.orders().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, OrderFacts> all = orders.all()) {
            while (all.hasNext()) {
                KeyValue<String, OrderFacts> kv = all.next();
                if (kv.value.lastEventMs() < before) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(orders::delete);
    }
}
