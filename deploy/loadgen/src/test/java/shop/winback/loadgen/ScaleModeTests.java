package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleModeTests {

    private static ShopEvents.Event assigned(String ticket, String review, String agent, String ceId, long ms) {
        return new ShopEvents.Event("shop-1", ticket, review, agent, ceId, ms * 1_000_000L);
    }

    @Test
    void reviewsAreSpreadEvenlyAndEveryFourthShopHasTooFewAgents() {
        List<ScaleMode.ShopPlan> plans = ScaleMode.plan(List.of("a", "b", "c"), 301);
        assertEquals(
                List.of(101, 100, 100),
                plans.stream().map(ScaleMode.ShopPlan::reviews).toList());
        assertEquals(60, plans.get(0).capacity(), "60 % of 101, rounded down: tickets wait there");
        assertEquals(List.of(20, 20, 20), plans.get(0).capacities());
        assertEquals(100, plans.get(1).capacity());
        assertEquals(List.of(34, 33, 33), plans.get(1).capacities());
        assertEquals(
                60 + 100 + 100,
                plans.stream().mapToInt(ScaleMode.ShopPlan::expected).sum());
    }

    @Test
    void aShopWithMoreThanThreeAgentsWorthOfReviewsGetsMoreAgents() {
        ScaleMode.ShopPlan p = ScaleMode.plan(List.of("a", "b"), 80_000).get(1);
        assertEquals(40_000, p.capacity());
        assertEquals(4, p.capacities().size(), "no agent may hold more than the API's 10,000");
    }

    @Test
    void aRedeliveryIsNoDoubleAssignmentButASecondEventOrTicketIs() {
        List<ShopEvents.Event> fine = List.of(
                assigned("t1", "r1", "a1", "e1", 1),
                assigned("t1", "r1", "a1", "e1", 2),
                assigned("t2", "r2", "a1", "e2", 3));
        assertEquals(0, ScaleMode.doubleAssigned(fine), "the same ce_id twice is a redelivery");
        List<ShopEvents.Event> twice =
                List.of(assigned("t1", "r1", "a1", "e1", 1), assigned("t1", "r1", "a2", "e9", 2));
        assertEquals(1, ScaleMode.doubleAssigned(twice), "one ticket assigned by two events");
        List<ShopEvents.Event> twoTickets =
                List.of(assigned("t1", "r1", "a1", "e1", 1), assigned("t2", "r1", "a2", "e2", 2));
        assertEquals(1, ScaleMode.doubleAssigned(twoTickets), "one review on two tickets");
    }

    @Test
    void agentsOverCapacityByEventsOrByTheApi() {
        List<ShopEvents.Event> events = List.of(
                assigned("t1", "r1", "a1", "e1", 1),
                assigned("t2", "r2", "a1", "e2", 2),
                assigned("t3", "r3", "a2", "e3", 3),
                assigned("t3", "r3", "a2", "e3", 4));
        Map<String, Integer> perAgent = ScaleMode.ticketsPerAgent(events);
        assertEquals(Map.of("a1", 2, "a2", 1), perAgent, "distinct tickets, a redelivery counts once");
        Map<String, Integer> capacity = Map.of("a1", 2, "a2", 1, "a3", 5);
        assertEquals(0, ScaleMode.overCapacity(capacity, perAgent, Map.of("a1", 2, "a2", 1, "a3", 0)));
        assertEquals(
                1, ScaleMode.overCapacity(Map.of("a1", 1, "a2", 1), perAgent, Map.of()), "a1 got 2 with room for 1");
        assertEquals(1, ScaleMode.overCapacity(capacity, perAgent, Map.of("a3", 6)), "the API shows a3 over");
        assertEquals(1, ScaleMode.overCapacity(Map.of("a1", 2), perAgent, Map.of()), "a ticket for an agent not ours");
    }

    @Test
    void rateFromTheFirstToTheLastAssignment() {
        assertEquals(
                200.0,
                ScaleMode.ratePerSecond(List.of(0L, 5_000_000L, 10_000_000L)),
                1e-9,
                "3 tickets: 2 intervals in 10 ms");
        assertNull(ScaleMode.ratePerSecond(List.of(5L)));
        assertNull(ScaleMode.ratePerSecond(List.of(5L, 5L)));
    }
}
