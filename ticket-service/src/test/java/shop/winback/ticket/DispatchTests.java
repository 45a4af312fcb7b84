package shop.winback.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.winback.ticket.TestData.hire;
import static shop.winback.ticket.TestData.review;
import static shop.winback.ticket.TestData.setStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.service.TicketDesk;

/** The routing rule, driven through the desk the consumer calls and the agents API. */
@QuarkusTest
class DispatchTests {

    @Inject
    TicketDesk desk;

    Ticket open(String shop, Rating rating) {
        return TestData.receive(desk, review(shop, rating));
    }

    Ticket reload(Ticket t) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(t.id));
    }

    Agent agent(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Agent.<Agent>findById(UUID.fromString(id)));
    }

    @Test
    void badReviewIsAssignedAtOnceToAnOnlineRecoveryAgent() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        Ticket ticket = reload(open(shop, Rating.BAD));
        assertThat(ticket.status).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket.agentId).hasToString(agent);
        assertThat(agent(agent).openTickets).isEqualTo(1);
    }

    @Test
    void goodReviewOpensNothing() {
        String shop = TestData.uniqueShop();
        hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        assertThat(open(shop, Rating.GOOD)).isNull();
        long tickets = QuarkusTransaction.requiringNew().call(() -> Ticket.count("shopId", shop));
        assertThat(tickets).isZero();
    }

    @Test
    void onlyOnlineReviewRecoveryAgentsGetRecoveryWork() {
        String shop = TestData.uniqueShop();
        hire(shop, "售后", "AFTER_SALES", 5, "ONLINE");
        hire(shop, "主管", "SUPERVISOR", 5, "ONLINE");
        hire(shop, "离开", "REVIEW_RECOVERY", 5, "AWAY");
        hire(shop, "下线", "REVIEW_RECOVERY", 5, "OFFLINE");
        Ticket ticket = reload(open(shop, Rating.NEUTRAL));
        assertThat(ticket.status).isEqualTo(TicketStatus.WAITING);
        assertThat(ticket.agentId).isNull();
    }

    @Test
    void fewestOpenTicketsFirstThenLongestSinceLastAssignment() {
        String shop = TestData.uniqueShop();
        String a = hire(shop, "A", "REVIEW_RECOVERY", 10, "ONLINE");
        String b = hire(shop, "B", "REVIEW_RECOVERY", 10, "ONLINE");
        String c = hire(shop, "C", "REVIEW_RECOVERY", 10, "ONLINE");
        UUID first = reload(open(shop, Rating.BAD)).agentId;
        UUID second = reload(open(shop, Rating.BAD)).agentId;
        UUID third = reload(open(shop, Rating.BAD)).agentId;
        assertThat(Set.of(first, second, third))
                .as("one each while anyone has fewer")
                .containsExactlyInAnyOrder(UUID.fromString(a), UUID.fromString(b), UUID.fromString(c));

        // all hold one: the agent whose last assignment is oldest goes next
        assertThat(reload(open(shop, Rating.BAD)).agentId).isEqualTo(first);

        // the third agent closes its ticket: fewest open wins over longest idle (the second agent)
        UUID thirdsTicket = QuarkusTransaction.requiringNew()
                .call(() -> Ticket.<Ticket>find("agentId", third).firstResult().id);
        TestData.close(shop, thirdsTicket);
        assertThat(reload(open(shop, Rating.BAD)).agentId).isEqualTo(third);
    }

    @Test
    void waitingTicketIsAssignedTheMomentAnAgentComesOnline() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小李", "REVIEW_RECOVERY", 5, "OFFLINE");
        Ticket ticket = open(shop, Rating.BAD);
        assertThat(reload(ticket).status).isEqualTo(TicketStatus.WAITING);

        setStatus(shop, agent, "ONLINE");

        Ticket after = reload(ticket);
        assertThat(after.status).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(after.agentId).hasToString(agent);
    }

    @Test
    void closingATicketHandsTheFreedPlaceToTheMostUrgentWaitingTicket() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小张", "REVIEW_RECOVERY", 1, "ONLINE");
        Ticket first = reload(open(shop, Rating.NEUTRAL));
        assertThat(first.agentId).hasToString(agent);
        Ticket neutral = open(shop, Rating.NEUTRAL);
        Ticket bad = open(shop, Rating.BAD);
        assertThat(reload(neutral).status).isEqualTo(TicketStatus.WAITING);
        assertThat(reload(bad).status).isEqualTo(TicketStatus.WAITING);

        TestData.close(shop, first.id);

        assertThat(reload(bad).status)
                .as("bad before neutral, though it came later")
                .isEqualTo(TicketStatus.ASSIGNED);
        assertThat(reload(neutral).status).isEqualTo(TicketStatus.WAITING);
        assertThat(agent(agent).openTickets).isEqualTo(1);
        assertThat(reload(first).status).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void capacityIsNeverExceeded() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小赵", "REVIEW_RECOVERY", 2, "ONLINE");
        for (int i = 0; i < 5; i++) {
            open(shop, Rating.BAD);
        }
        assertThat(agent(agent).openTickets).isEqualTo(2);
        long waiting = QuarkusTransaction.requiringNew()
                .call(() -> Ticket.count("shopId = ?1 and status = ?2", shop, TicketStatus.WAITING));
        assertThat(waiting).isEqualTo(3);
    }

    @Test
    void raisingCapacityHandsOutWaitingTickets() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小周", "REVIEW_RECOVERY", 0, "ONLINE");
        Ticket ticket = open(shop, Rating.BAD);
        assertThat(reload(ticket).status).isEqualTo(TicketStatus.WAITING);
        TestData.asSupervisor(shop)
                .contentType("application/json")
                .body("{\"capacity\": 3}")
                .when()
                .patch("/api/v1/agents/" + agent)
                .then()
                .statusCode(200);
        assertThat(reload(ticket).status).isEqualTo(TicketStatus.ASSIGNED);
    }

    @Test
    void theSameReviewTwiceOpensOneTicket() {
        // a redelivered event never reaches the desk (the consumer's inbox: ReviewEventsTests); the same review
        // republished under another event id does, and still makes one ticket
        String shop = TestData.uniqueShop();
        var review = review(shop, Rating.BAD);
        assertThat(TestData.receive(desk, review)).isNotNull();
        assertThat(TestData.receive(desk, review)).isNull();
        long tickets = QuarkusTransaction.requiringNew().call(() -> Ticket.count("shopId", shop));
        assertThat(tickets).isEqualTo(1);
    }

    @Test
    void aNewTicketNeverJumpsTheQueue() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小孙", "REVIEW_RECOVERY", 1, "OFFLINE");
        Ticket older = open(shop, Rating.BAD);
        // room appears without passing through the dispatcher (say, a fix made in the database)
        QuarkusTransaction.requiringNew()
                .run(() -> Agent.update("status = ?1 where id = ?2", AgentStatus.ONLINE, UUID.fromString(agent)));

        Ticket newer = open(shop, Rating.BAD);

        assertThat(reload(older).agentId)
                .as("the ticket that waited longer goes first")
                .hasToString(agent);
        assertThat(reload(newer).status).isEqualTo(TicketStatus.WAITING);
        assertThat(agent(agent).openTickets).isEqualTo(1);
    }

    @Test
    void aPollOfReviewsIsDispatchedTogetherByTheSameRules() {
        String shop = TestData.uniqueShop();
        String otherShop = TestData.uniqueShop();
        String a = hire(shop, "A", "REVIEW_RECOVERY", 2, "ONLINE");
        String b = hire(shop, "B", "REVIEW_RECOVERY", 2, "ONLINE");
        String other = hire(otherShop, "C", "REVIEW_RECOVERY", 5, "ONLINE");
        var neutral = new TicketDesk.ReceivedReview(review(shop, Rating.NEUTRAL));
        var bad = new ArrayList<TicketDesk.ReceivedReview>();
        for (int i = 0; i < 4; i++) {
            bad.add(new TicketDesk.ReceivedReview(review(shop, Rating.BAD)));
        }
        var good = new TicketDesk.ReceivedReview(review(shop, Rating.GOOD));
        var elsewhere = new TicketDesk.ReceivedReview(review(otherShop, Rating.BAD));
        var poll = new ArrayList<TicketDesk.ReceivedReview>();
        poll.add(neutral);
        poll.addAll(bad);
        poll.add(good);
        poll.add(bad.get(0)); // twice in one poll
        poll.add(new TicketDesk.ReceivedReview(bad.get(1).review())); // republished under another event id
        poll.add(elsewhere);

        var opened = desk.reviewsReceived(poll);

        assertThat(opened).as("one ticket per neutral/bad review").hasSize(6);
        // 4 places, 5 tickets: the neutral one, though first in the poll, is the one left waiting
        Ticket waiting = QuarkusTransaction.requiringNew()
                .call(() -> Ticket.<Ticket>find("shopId = ?1 and status = ?2", shop, TicketStatus.WAITING)
                        .singleResult());
        assertThat(waiting.rating).isEqualTo(Rating.NEUTRAL);
        assertThat(agent(a).openTickets).isEqualTo(2);
        assertThat(agent(b).openTickets).isEqualTo(2);
        assertThat(agent(other).openTickets).isEqualTo(1);
        // and all of it only once, whatever is delivered again
        assertThat(desk.reviewsReceived(poll)).isEmpty();
    }
}
