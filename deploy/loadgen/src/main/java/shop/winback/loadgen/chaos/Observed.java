package shop.winback.loadgen.chaos;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the databases and topics hold for the chaos shop after the run.
 *
 * @param storedReviews      platformReviewId → ids of its rows in the reviews database
 * @param reviewEvents       review id → distinct ce_id of its review.received.v1 records on reviews.v1
 * @param ticketsOfReview    platformReviewId → ticket ids of its ticket_review rows (tickets database)
 * @param tickets            ticket id → the ticket row
 * @param assignments        ticket id → (ce_id → agent id) of its ticket.assigned.v1 records on tickets.v1
 * @param compensationsOfKey Idempotency-Key → compensation ids recorded for it (compensations database)
 * @param compensations      compensation id → the compensation row with its number of ledger entries
 */
public record Observed(
        Map<String, List<String>> storedReviews,
        Map<String, Set<String>> reviewEvents,
        Map<String, List<String>> ticketsOfReview,
        Map<String, Ticket> tickets,
        Map<String, Map<String, String>> assignments,
        Map<String, List<String>> compensationsOfKey,
        Map<String, Compensation> compensations) {

    /** One line of what was found, to show the check looked at real data. */
    public String summary() {
        long reviewRows =
                storedReviews.values().stream().mapToLong(java.util.List::size).sum();
        long reviewEventIds =
                reviewEvents.values().stream().mapToLong(java.util.Set::size).sum();
        long assignmentIds =
                assignments.values().stream().mapToLong(java.util.Map::size).sum();
        long ledger = compensations.values().stream()
                .mapToLong(Compensation::ledgerEntries)
                .sum();
        return "found " + reviewRows + " review rows, " + reviewEventIds + " review.received.v1 event ids, "
                + ticketsOfReview.size() + " reviews on " + tickets.size() + " tickets, " + assignmentIds
                + " ticket.assigned.v1 event ids, " + compensationsOfKey.size() + " idempotency keys, "
                + compensations.size() + " compensations, " + ledger + " ledger entries";
    }

    public record Ticket(String orderId, String status, String agentId) {}

    public record Compensation(String status, int ledgerEntries) {}
}
