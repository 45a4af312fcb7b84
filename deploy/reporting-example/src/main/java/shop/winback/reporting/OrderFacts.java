package shop.winback.reporting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the job remembers of one order (by {@code shopId|orderId}) to break later events down: the item and complaint
 * reasons of its neutral and bad reviews, its tickets' item, rating and first review, and how each ticket's resolution
 * was counted (a ticket resolved EXPLAINED or UNRECOVERED and later revised to good is published again as RECOVERED:
 * the job then moves it from unrecovered to recovered rather than counting the ticket twice).
 * Every event of an order has the order id as its Kafka key, on all three topics, so one task sees them all.
 *
 * @param lastEventMs the timestamp of the latest event of the order, to forget orders quiet for longer than the
 *                    retention
 */
public record OrderFacts(Map<String, ReviewFacts> reviews, Map<String, TicketFacts> tickets, long lastEventMs) {

    public OrderFacts {
        reviews = Map.copyOf(reviews == null ? Map.of() : reviews);
        tickets = Map.copyOf(tickets == null ? Map.of() : tickets);
    }

    static OrderFacts empty() {
        return new OrderFacts(Map.of(), Map.of(), 0);
    }

    OrderFacts withReview(String reviewId, ReviewFacts review, long atMs) {
        Map<String, ReviewFacts> m = new TreeMap<>(reviews);
        m.put(reviewId, review);
        return new OrderFacts(m, tickets, Math.max(lastEventMs, atMs));
    }

    OrderFacts withTicket(String ticketId, TicketFacts ticket, long atMs) {
        Map<String, TicketFacts> m = new TreeMap<>(tickets);
        m.put(ticketId, ticket);
        return new OrderFacts(reviews, m, Math.max(lastEventMs, atMs));
    }

    OrderFacts touched(long atMs) {
        return new OrderFacts(reviews, tickets, Math.max(lastEventMs, atMs));
    }

    /** The complaint reasons of a review of this order; empty when it is unknown. */
    List<String> reasonsOf(String reviewId) {
        ReviewFacts review = reviewId == null ? null : reviews.get(reviewId);
        return review == null ? List.of() : review.reasons();
    }

    /** A review: its item SKU and complaint reasons. */
    public record ReviewFacts(String sku, List<String> reasons) {
        public ReviewFacts {
            reasons = List.copyOf(reasons == null ? List.of() : reasons);
        }
    }

    /**
     * A ticket, and its resolution as counted (null while open).
     *
     * @param rating NEUTRAL or BAD
     */
    public record TicketFacts(String reviewId, String sku, String rating, Counted resolution) {

        TicketFacts resolved(Counted counted) {
            return new TicketFacts(reviewId, sku, rating, counted);
        }
    }

    /** What was counted for an event: on which shop-day, and the contribution itself (to take it back). */
    public record Counted(String dayKey, String outcome, DayFigures contribution) {}
}
