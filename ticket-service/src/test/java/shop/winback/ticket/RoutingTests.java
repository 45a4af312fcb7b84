package shop.winback.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.winback.ticket.TestData.hire;
import static shop.winback.ticket.TestData.receive;
import static shop.winback.ticket.TestData.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketReview;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.service.TicketDesk;
import shop.winback.ticket.service.TicketDesk.ReceivedReview;

/** Who gets which ticket: one per buyer-order, tier, skills, shifts, the returning buyer, priority. */
@QuarkusTest
class RoutingTests {

    @Inject
    TicketDesk desk;

    static Ticket reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(id));
    }

    static UUID agentOf(Ticket t) {
        return reload(t.id).agentId;
    }

    @Test
    void severalReviewsOfOneOrderJoinOneTicketSoTheBuyerIsCalledOnce() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 first = review(shop, Rating.NEUTRAL);
        ReviewReceivedV1 second = TestData.sameOrder(first, Rating.BAD);
        ReviewReceivedV1 third = TestData.sameOrder(first, Rating.NEUTRAL);
        Ticket ticket = receive(desk, first);
        // one arrives minutes later, two arrive in the same poll
        assertThat(desk.reviewsReceived(List.of(new ReceivedReview(second), new ReceivedReview(third))))
                .isEmpty();

        Ticket after = reload(ticket.id);
        assertThat(after.rating).as("the worst of its reviews").isEqualTo(Rating.BAD);
        assertThat(after.agentId).hasToString(agent);
        long tickets = QuarkusTransaction.requiringNew().call(() -> Ticket.count("shopId", shop));
        assertThat(tickets).isEqualTo(1);
        List<TicketReview> reviews = QuarkusTransaction.requiringNew().call(() -> TicketReview.ofTicket(ticket.id));
        assertThat(reviews)
                .extracting(r -> r.key.reviewId())
                .containsExactlyInAnyOrder(first.reviewId(), second.reviewId(), third.reviewId());
        TestData.asSupervisor(shop)
                .get("/api/v1/agents/" + agent)
                .then()
                .body("openTickets", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aNewReviewOfAnOrderWhoseTicketWasResolvedOpensANewTicketForTheSameAgent() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        hire(shop, "小李", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 first = review(shop, Rating.BAD);
        Ticket ticket = receive(desk, first);
        assertThat(agentOf(ticket)).hasToString(agent);
        TestData.close(shop, ticket.id);
        Ticket again = receive(desk, TestData.sameOrder(first, Rating.BAD));
        assertThat(again.id).isNotEqualTo(ticket.id);
        assertThat(agentOf(again))
                .as("the buyer's agent, not the idle colleague")
                .hasToString(agent);
    }

    @Test
    void aSuspectedProfessionalBadReviewerGoesToASupervisor() {
        String shop = TestData.uniqueShop();
        hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        Ticket ticket = receive(desk, TestData.suspected(review(shop, Rating.BAD)));
        Ticket waiting = reload(ticket.id);
        assertThat(waiting.requiredTier).isEqualTo(Tier.SUPERVISOR);
        assertThat(waiting.status)
                .as("no supervisor online: it waits, never to the recovery agent")
                .isEqualTo(TicketStatus.WAITING);

        String supervisor = hire(shop, "主管", "SUPERVISOR", 5, "ONLINE");
        assertThat(agentOf(ticket)).hasToString(supervisor);
    }

    @Test
    void aSupervisorsTicketGoesToAManagerWhileNoSupervisorIsOnShift() {
        String shop = TestData.uniqueShop();
        TestData.onShiftNow(shop, "DAY");
        hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE", "DAY");
        hire(shop, "夜班主管", "SUPERVISOR", 5, "ONLINE", "NIGHT");
        String manager = hire(shop, "店长", "MANAGER", 5, "ONLINE");
        Ticket ticket = receive(desk, TestData.suspected(review(shop, Rating.BAD)));
        assertThat(agentOf(ticket))
                .as("the only supervisor is off shift: the manager")
                .hasToString(manager);
        assertThat(agentOf(receive(desk, review(shop, Rating.BAD))))
                .as("recovery work stays with recovery agents")
                .isNotEqualTo(UUID.fromString(manager));
    }

    @Test
    void aSupervisorOnShiftKeepsTheirTicketsEvenWhenFull() {
        String shop = TestData.uniqueShop();
        String supervisor = hire(shop, "主管", "SUPERVISOR", 1, "ONLINE");
        hire(shop, "店长", "MANAGER", 5, "ONLINE");
        Ticket first = receive(desk, TestData.suspected(review(shop, Rating.BAD)));
        assertThat(agentOf(first)).hasToString(supervisor);
        Ticket second = receive(desk, TestData.suspected(review(shop, Rating.BAD)));
        assertThat(reload(second.id).status)
                .as("waits for the supervisor on shift, not the manager")
                .isEqualTo(TicketStatus.WAITING);

        TestData.setStatus(shop, supervisor, "OFFLINE");
        assertThat(reload(second.id).agentId)
                .as("no supervisor on shift any more")
                .isNotNull()
                .isNotEqualTo(UUID.fromString(supervisor));
    }

    @Test
    void anAgentWithTheSkillGetsTheCategoryAndAgentsWithOtherSkillsDoNot() {
        String shop = TestData.uniqueShop();
        String clothes = hire(shop, "服装专员", "REVIEW_RECOVERY", 5, "ONLINE", "ANY", "服装");
        String anything = hire(shop, "通才", "REVIEW_RECOVERY", 5, "ONLINE", "ANY");
        String shoes = hire(shop, "鞋靴专员", "REVIEW_RECOVERY", 1, "ONLINE", "ANY", "鞋靴");

        assertThat(agentOf(receive(desk, TestData.withCategory(review(shop, Rating.BAD), "服装"))))
                .hasToString(clothes);
        // the specialist again, although the generalist has fewer open tickets
        assertThat(agentOf(receive(desk, TestData.withCategory(review(shop, Rating.BAD), "服装"))))
                .hasToString(clothes);
        assertThat(agentOf(receive(desk, TestData.withCategory(review(shop, Rating.BAD), "鞋靴"))))
                .hasToString(shoes);
        // the shoe specialist is full: the generalist, never the clothes specialist
        assertThat(agentOf(receive(desk, TestData.withCategory(review(shop, Rating.BAD), "鞋靴"))))
                .hasToString(anything);
        // no category: anyone, fewest open first
        assertThat(agentOf(receive(desk, review(shop, Rating.BAD)))).hasToString(anything);
    }

    @Test
    void anAgentOffShiftGetsNothing() {
        String shop = TestData.uniqueShop();
        TestData.onShiftNow(shop, "DAY");
        String night = hire(shop, "夜班", "REVIEW_RECOVERY", 5, "ONLINE", "NIGHT");
        Ticket ticket = receive(desk, review(shop, Rating.BAD));
        assertThat(reload(ticket.id).status).isEqualTo(TicketStatus.WAITING);

        String day = hire(shop, "白班", "REVIEW_RECOVERY", 5, "ONLINE", "DAY");
        assertThat(agentOf(ticket)).hasToString(day).isNotEqualTo(night);

        TestData.onShiftNow(shop, "NIGHT");
        assertThat(agentOf(receive(desk, review(shop, Rating.BAD))))
                .as("now the night shift works")
                .hasToString(night);
    }

    @Test
    void aReturningBuyerGoesBackToTheirAgent() {
        String shop = TestData.uniqueShop();
        String a = hire(shop, "A", "REVIEW_RECOVERY", 5, "ONLINE");
        String b = hire(shop, "B", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 x1 = TestData.withBuyer(review(shop, Rating.BAD), "buyer-x-" + shop, false);
        assertThat(agentOf(receive(desk, x1))).hasToString(a);
        Ticket y1 = receive(desk, review(shop, Rating.BAD));
        assertThat(agentOf(y1)).hasToString(b);
        TestData.close(shop, y1.id);
        // B is free and A busy, but buyer X comes back to A
        ReviewReceivedV1 x2 = TestData.withBuyer(review(shop, Rating.NEUTRAL), "buyer-x-" + shop, false);
        assertThat(agentOf(receive(desk, x2))).hasToString(a);
    }

    @Test
    void waitingTicketsGoOutVipFirstThenBadThenWhatIsAtStake() {
        String shop = TestData.uniqueShop();
        Ticket neutral = receive(desk, review(shop, Rating.NEUTRAL));
        Ticket badCheap = receive(desk, TestData.withOrder(review(shop, Rating.BAD), 12_900, 2));
        Ticket badDear = receive(desk, TestData.withOrder(review(shop, Rating.BAD), 50_000, 1));
        Ticket vip = receive(
                desk,
                TestData.withBuyer(TestData.withOrder(review(shop, Rating.NEUTRAL), 1_000, 1), "vip-" + shop, true));

        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 1, "ONLINE");
        for (Ticket expected : List.of(vip, badDear, badCheap, neutral)) {
            Ticket now = reload(expected.id);
            assertThat(now.status).as("next: %s", expected.orderId).isEqualTo(TicketStatus.ASSIGNED);
            assertThat(now.agentId).hasToString(agent);
            TestData.close(shop, expected.id);
        }
    }

    @Test
    void inOnePollTheMostUrgentNewTicketTakesTheLastPlace() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 1, "ONLINE");
        ReviewReceivedV1 neutral = review(shop, Rating.NEUTRAL);
        ReviewReceivedV1 bad = review(shop, Rating.BAD);
        List<Ticket> opened = desk.reviewsReceived(List.of(new ReceivedReview(neutral), new ReceivedReview(bad)));
        Ticket neutralTicket = reload(opened.get(0).id);
        Ticket badTicket = reload(opened.get(1).id);
        assertThat(badTicket.agentId).hasToString(agent);
        assertThat(neutralTicket.status).isEqualTo(TicketStatus.WAITING);
        // the place frees: the waiting one goes out
        TestData.close(shop, badTicket.id);
        assertThat(agentOf(neutralTicket)).hasToString(agent);
    }
}
