package shop.winback.loadgen.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares what the driver was told it had done (2xx answers) with what the system holds ({@link Observed}).
 * Pure: the same inputs give the same counts, so the rules are unit-tested apart from any stack.
 *
 * <p>Lost: an accepted review not stored, stored but never published, a negative one without a ticket or whose
 * ticket was never assigned; an accepted compensation not stored, or granted without a ledger entry.
 * Duplicated: a review stored twice, published under two different event ids (the same ce_id twice is an
 * at-least-once redelivery, not a duplicate), on two tickets, an order with two tickets, a ticket assigned under
 * two different event ids, an Idempotency-Key with two compensations, two ledger entries for one compensation,
 * a compensation of the shop that no key of the driver accounts for. Unexpected: a GOOD review with a ticket.
 */
public record Verdict(int lost, int duplicated, int unexpected, Map<String, Integer> counts, List<String> examples) {

    static final int MAX_EXAMPLES = 20;

    /**
     * @param reviews       platformReviewId → negative?, of every review answered 2xx
     * @param compensations Idempotency-Key → compensation id, of every compensation request answered 2xx
     */
    public static Verdict of(Map<String, Boolean> reviews, Map<String, String> compensations, Observed seen) {
        Tally t = new Tally();
        for (Map.Entry<String, Boolean> e : new TreeMap<>(reviews).entrySet()) {
            String prid = e.getKey();
            boolean negative = e.getValue();
            List<String> rows = seen.storedReviews().getOrDefault(prid, List.of());
            if (rows.isEmpty()) {
                t.lost("review not stored", prid);
                continue;
            }
            t.duplicated("review stored twice", prid, rows.size() - 1);
            Set<String> events = new HashSet<>();
            for (String id : rows) {
                events.addAll(seen.reviewEvents().getOrDefault(id, Set.of()));
            }
            if (events.isEmpty()) {
                t.lost("review not published", prid);
            }
            t.duplicated("review published under two event ids", prid + " " + events, events.size() - 1);
            List<String> tickets = seen.ticketsOfReview().getOrDefault(prid, List.of());
            if (!negative) {
                if (!tickets.isEmpty()) {
                    t.unexpected("good review with a ticket", prid);
                }
                continue;
            }
            if (tickets.isEmpty()) {
                t.lost("negative review without a ticket", prid);
                continue;
            }
            t.duplicated("review on two tickets", prid + " " + tickets, tickets.size() - 1);
            for (String ticketId : tickets) {
                Observed.Ticket ticket = seen.tickets().get(ticketId);
                Map<String, String> assigned = seen.assignments().getOrDefault(ticketId, Map.of());
                if (ticket == null
                        || !"ASSIGNED".equals(ticket.status())
                        || ticket.agentId() == null
                        || assigned.isEmpty()) {
                    t.lost(
                            "ticket never assigned",
                            prid + " ticket " + ticketId + " " + (ticket == null ? "no row" : ticket.status()) + ", "
                                    + assigned.size() + " assigned events");
                }
            }
        }
        Map<String, Integer> ticketsPerOrder = new HashMap<>();
        seen.tickets().values().forEach(x -> ticketsPerOrder.merge(x.orderId(), 1, Integer::sum));
        ticketsPerOrder.forEach((order, n) -> t.duplicated("two tickets for one order", order, n - 1));
        seen.assignments().forEach((ticketId, events) -> {
            Set<String> agents = new HashSet<>(events.values());
            t.duplicated("ticket assigned under two event ids", ticketId + " agents " + agents, events.size() - 1);
        });

        Set<String> accountedFor = new HashSet<>();
        for (Map.Entry<String, String> e : new TreeMap<>(compensations).entrySet()) {
            String key = e.getKey();
            List<String> ids = seen.compensationsOfKey().getOrDefault(key, List.of());
            accountedFor.addAll(ids);
            if (ids.isEmpty()) {
                t.lost("compensation not stored", key);
                continue;
            }
            t.duplicated("two compensations for one key", key + " " + ids, ids.size() - 1);
            if (!ids.contains(e.getValue())) {
                t.duplicated("answer names another compensation than the key's", key + " answered " + e.getValue(), 1);
            }
        }
        seen.compensationsOfKey().forEach((key, ids) -> {
            if (!compensations.containsKey(key)) {
                accountedFor.addAll(ids); // a request the driver gave up on: its own failure, reported apart
            }
        });
        seen.compensations().forEach((id, c) -> {
            boolean granted = "APPROVED".equals(c.status()) || "PAID".equals(c.status());
            if (granted && c.ledgerEntries() == 0) {
                t.lost("granted compensation without a ledger entry", id);
            }
            t.duplicated("ledger entry twice", id, c.ledgerEntries() - 1);
            if (!accountedFor.contains(id)) {
                t.duplicated("compensation without a key of the driver", id, 1);
            }
        });
        return new Verdict(t.lost, t.duplicated, t.unexpected, t.counts, List.copyOf(t.examples));
    }

    private static final class Tally {
        int lost;
        int duplicated;
        int unexpected;
        final Map<String, Integer> counts = new TreeMap<>();
        final List<String> examples = new ArrayList<>();

        void lost(String what, String which) {
            lost++;
            note("lost: " + what, which, 1);
        }

        void duplicated(String what, String which, int extra) {
            if (extra > 0) {
                duplicated += extra;
                note("duplicated: " + what, which, extra);
            }
        }

        void unexpected(String what, String which) {
            unexpected++;
            note("unexpected: " + what, which, 1);
        }

        private void note(String what, String which, int n) {
            counts.merge(what, n, Integer::sum);
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(what + ": " + which);
            }
        }
    }
}
