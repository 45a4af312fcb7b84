package shop.winback.loadgen.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class HistoryEconomicsTests {

    // the model's own "now", passed in: every assertion is relative to it and no real clock is read
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final HistoryModel MODEL = new HistoryModel("bench-abc123", 20_000, 500, NOW);
    private static final List<HistoryEconomics.Row> ROWS = new HistoryEconomics(MODEL).rows();

    @Test
    void theSameModelGivesTheSameRowsInTheSameOrder() {
        assertEquals(ROWS, new HistoryEconomics(new HistoryModel("bench-abc123", 20_000, 500, NOW)).rows());
        assertTrue(
                !ROWS.equals(new HistoryEconomics(new HistoryModel("bench-other", 20_000, 500, NOW)).rows()),
                "another shop, other agents and other draws");
    }

    @Test
    void oneRowPerKeyDaysInOrderOverAYear() {
        Set<List<Object>> keys = new HashSet<>();
        LocalDate previous = LocalDate.MIN;
        for (HistoryEconomics.Row r : ROWS) {
            assertTrue(keys.add(List.of(r.dimension(), r.day(), r.member(), r.figure(), r.detail())), r.toString());
            assertFalse(r.day().isBefore(previous), "days in order: " + r);
            previous = r.day();
            assertEquals(r.dimension().equals("SHOP"), r.member().isEmpty(), r.toString());
        }
        LocalDate first = ROWS.get(0).day();
        LocalDate last = ROWS.get(ROWS.size() - 1).day();
        assertTrue(!first.isBefore(MODEL.localDate(NOW.minus(HistoryModel.SPAN))), first.toString());
        assertTrue(!last.isAfter(MODEL.localDate(NOW).plusDays(3)), last.toString());
        assertTrue(ROWS.stream().map(HistoryEconomics.Row::day).distinct().count() >= 360, "about a year of days");
    }

    @Test
    void theShopsCountersAddUpToTheHistory() {
        assertEquals(MODEL.reviews(), sum("SHOP", f -> f.startsWith("REVIEWS_")));
        assertEquals(MODEL.reviews(), sum("PRODUCT", f -> f.startsWith("REVIEWS_")), "every review under its product");
        assertEquals(MODEL.negatives(), sum("SHOP", "TICKETS_OPENED"::equals));
        assertEquals(MODEL.negatives(), sum("PRODUCT", "TICKETS_OPENED"::equals));
        assertEquals(MODEL.openTickets(), sum("SHOP", "STILL_OPEN"::equals), "the closed ones were taken off");
        assertEquals(MODEL.closedTickets(), sum("SHOP", f -> f.startsWith("RECOVERED_") || f.equals("UNRECOVERED")));
        assertEquals(
                MODEL.closedTickets(),
                sum("AGENT", f -> f.startsWith("RECOVERED_") || f.equals("UNRECOVERED")),
                "every resolution for its agent");
        assertEquals(0, sum("AGENT", "TICKETS_OPENED"::equals), "an opened ticket has no agent yet");
        assertEquals(MODEL.negatives(), sum("SHOP", "SECONDS_TO_ASSIGNMENT"::equals));
        assertEquals(MODEL.closedTickets(), sum("SHOP", "SECONDS_TO_RESOLUTION"::equals));

        long recovered = 0;
        long contacted = 0;
        long compensationFen = 0;
        long reasonMentions = 0;
        long claimedFen = 0;
        for (long i = 0; i < MODEL.reviews(); i++) {
            if (MODEL.negative(i)) {
                recovered += MODEL.recovered(i) ? 1 : 0;
                contacted += MODEL.firstContactAt(i) != null ? 1 : 0;
                compensationFen += MODEL.compensation(i) == null
                        ? 0
                        : MODEL.compensation(i).amountFen();
                claimedFen += MODEL.courierClaim(i) == null
                        ? 0
                        : MODEL.courierClaim(i).amountFen();
                reasonMentions += MODEL.complaintReasons(i).size();
            }
        }
        assertEquals(recovered, sum("SHOP", f -> f.startsWith("RECOVERED_")));
        assertEquals(contacted, sum("SHOP", "SECONDS_TO_FIRST_CONTACT"::equals));
        assertTrue(compensationFen > 0 && claimedFen > 0, "money both ways in a history with closed tickets");
        assertEquals(compensationFen, sum("SHOP", "COMPENSATION_FEN"::equals));
        assertEquals(compensationFen, sum("AGENT", "COMPENSATION_FEN"::equals), "approved by the ticket's agent");
        assertEquals(claimedFen, sum("SHOP", "COURIER_CLAIMED_FEN"::equals));
        assertEquals(reasonMentions, sum("REASON", f -> f.startsWith("REVIEWS_")));
    }

    @Test
    void agentsAreTheHistoryAgentsAndDetailsTheirKind() {
        Set<String> agents = new HashSet<>();
        for (int a = 0; a < MODEL.agents(); a++) {
            agents.add(MODEL.agentId(a).toString());
        }
        for (HistoryEconomics.Row r : ROWS) {
            if (r.dimension().equals("AGENT")) {
                assertTrue(agents.contains(r.member()), r.toString());
            }
            if (r.figure().startsWith("SECONDS_TO_")) {
                assertTrue(Integer.parseInt(r.detail()) >= 0, r.toString());
            } else if (r.figure().equals("COMPENSATION_FEN")) {
                assertTrue(
                        Set.of("COUPON", "PARTIAL_REFUND", "FREE_SHIPPING_NEXT_ORDER")
                                .contains(r.detail()),
                        r.toString());
            } else {
                assertEquals("", r.detail(), r.toString());
            }
        }
    }

    @Test
    void bucketsAsTicketServiceCountsThem() {
        assertEquals(0, HistoryEconomics.bucketOf(0));
        assertEquals(127, HistoryEconomics.bucketOf(127));
        assertEquals(128, HistoryEconomics.bucketOf(128));
        assertEquals(160, HistoryEconomics.bucketOf(256), "32 buckets per doubling");
        for (long s = 0; s < 400_000; s += 97) {
            int b = HistoryEconomics.bucketOf(s);
            assertTrue(HistoryEconomics.lowerBound(b) <= s && s < HistoryEconomics.lowerBound(b + 1), "bucket of " + s);
        }
    }

    private static long sum(String dimension, Predicate<String> figure) {
        return ROWS.stream()
                .filter(r -> r.dimension().equals(dimension) && figure.test(r.figure()))
                .mapToLong(HistoryEconomics.Row::value)
                .sum();
    }
}
