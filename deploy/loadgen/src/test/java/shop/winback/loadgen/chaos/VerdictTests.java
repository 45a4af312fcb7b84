package shop.winback.loadgen.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictTests {

    /** Two reviews (r1 negative on ticket t1 for order o1, r2 good) and one compensation k1 → c1: all as it should be. */
    private static final class World {
        final Map<String, Boolean> reviews = new HashMap<>(Map.of("r1", true, "r2", false));
        final Map<String, String> compensations = new HashMap<>(Map.of("k1", "c1"));
        final Map<String, List<String>> stored = new HashMap<>(Map.of("r1", List.of("id1"), "r2", List.of("id2")));
        final Map<String, Set<String>> events = new HashMap<>(Map.of("id1", Set.of("e1"), "id2", Set.of("e2")));
        final Map<String, List<String>> ticketsOfReview = new HashMap<>(Map.of("r1", List.of("t1")));
        final Map<String, Observed.Ticket> tickets =
                new HashMap<>(Map.of("t1", new Observed.Ticket("o1", "ASSIGNED", "a1")));
        final Map<String, Map<String, String>> assignments = new HashMap<>(Map.of("t1", Map.of("x1", "a1")));
        final Map<String, List<String>> keys = new HashMap<>(Map.of("k1", List.of("c1")));
        final Map<String, Observed.Compensation> rows =
                new HashMap<>(Map.of("c1", new Observed.Compensation("APPROVED", 1)));

        Verdict verdict() {
            return Verdict.of(
                    reviews,
                    compensations,
                    new Observed(stored, events, ticketsOfReview, tickets, assignments, keys, rows));
        }
    }

    @Test
    void everythingOnceIsClean() {
        Verdict v = new World().verdict();
        assertEquals(0, v.lost());
        assertEquals(0, v.duplicated());
        assertEquals(0, v.unexpected());
        assertTrue(v.examples().isEmpty());
    }

    @Test
    void aReviewNotStoredIsLost() {
        World w = new World();
        w.stored.remove("r2");
        Verdict v = w.verdict();
        assertEquals(1, v.lost());
        assertEquals(Map.of("lost: review not stored", 1), v.counts());
    }

    @Test
    void aStoredReviewWithoutAnEventIsLost() {
        World w = new World();
        w.events.remove("id2");
        assertEquals(Map.of("lost: review not published", 1), w.verdict().counts());
    }

    @Test
    void theSameEventIdTwiceIsARedeliveryButTwoEventIdsAreADuplicate() {
        World w = new World();
        w.events.put("id1", Set.of("e1")); // a set: a redelivered record adds nothing
        assertEquals(0, w.verdict().duplicated());
        w.events.put("id1", Set.of("e1", "e1b"));
        Verdict v = w.verdict();
        assertEquals(1, v.duplicated());
        assertEquals(Map.of("duplicated: review published under two event ids", 1), v.counts());
    }

    @Test
    void aReviewStoredTwiceIsDuplicated() {
        World w = new World();
        w.stored.put("r2", List.of("id2", "id2b"));
        assertEquals(1, w.verdict().duplicated());
    }

    @Test
    void aNegativeReviewWithoutATicketIsLostAndAWaitingTicketToo() {
        World w = new World();
        w.ticketsOfReview.remove("r1");
        assertEquals(
                Map.of("lost: negative review without a ticket", 1), w.verdict().counts());
        World waiting = new World();
        waiting.tickets.put("t1", new Observed.Ticket("o1", "WAITING", null));
        waiting.assignments.remove("t1");
        assertEquals(Map.of("lost: ticket never assigned", 1), waiting.verdict().counts());
        World noEvent = new World();
        noEvent.assignments.remove("t1");
        assertEquals(1, noEvent.verdict().lost());
    }

    @Test
    void twoTicketsForOneOrderOrTwoAssignmentsAreDuplicates() {
        World w = new World();
        w.tickets.put("t2", new Observed.Ticket("o1", "ASSIGNED", "a2"));
        assertEquals(
                Map.of("duplicated: two tickets for one order", 1), w.verdict().counts());
        World twice = new World();
        twice.assignments.put("t1", Map.of("x1", "a1", "x2", "a2"));
        Verdict v = twice.verdict();
        assertEquals(1, v.duplicated());
        assertTrue(v.examples().get(0).contains("t1"), v.examples().toString());
    }

    @Test
    void aGoodReviewWithATicketIsUnexpected() {
        World w = new World();
        w.ticketsOfReview.put("r2", List.of("t9"));
        Verdict v = w.verdict();
        assertEquals(1, v.unexpected());
        assertEquals(0, v.lost());
        assertEquals(0, v.duplicated());
    }

    @Test
    void ledgerAndKeys() {
        World noLedger = new World();
        noLedger.rows.put("c1", new Observed.Compensation("APPROVED", 0));
        assertEquals(
                Map.of("lost: granted compensation without a ledger entry", 1),
                noLedger.verdict().counts());

        World twice = new World();
        twice.rows.put("c1", new Observed.Compensation("PAID", 2));
        assertEquals(
                Map.of("duplicated: ledger entry twice", 1), twice.verdict().counts());

        World pending = new World();
        pending.rows.put("c1", new Observed.Compensation("PENDING", 0));
        assertEquals(0, pending.verdict().lost());

        World missing = new World();
        missing.keys.remove("k1");
        missing.rows.clear();
        assertEquals(
                Map.of("lost: compensation not stored", 1), missing.verdict().counts());

        World stray = new World();
        stray.rows.put("c2", new Observed.Compensation("APPROVED", 1));
        assertEquals(
                Map.of("duplicated: compensation without a key of the driver", 1),
                stray.verdict().counts());

        World otherAnswer = new World();
        otherAnswer.compensations.put("k1", "c9");
        assertEquals(1, otherAnswer.verdict().duplicated());
    }

    @Test
    void aCompensationTheDriverGaveUpOnIsNotCountedAsAStray() {
        World w = new World();
        w.keys.put("k2", List.of("c2"));
        w.rows.put("c2", new Observed.Compensation("APPROVED", 1));
        Verdict v = w.verdict();
        assertEquals(0, v.duplicated());
        assertEquals(0, v.lost());
    }
}
