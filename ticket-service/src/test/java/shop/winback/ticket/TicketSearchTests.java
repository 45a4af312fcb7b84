package shop.winback.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static shop.winback.ticket.TestData.hire;
import static shop.winback.ticket.TestData.receive;
import static shop.winback.ticket.TestData.review;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.service.TicketDesk;
import shop.winback.ticket.service.TicketDesk.ReceivedReview;

/** Finding a buyer's complaint by order, buyer or platform review id; a ticket shows the buyer's other tickets. */
@QuarkusTest
class TicketSearchTests {

    @Inject
    TicketDesk desk;

    @Test
    void ticketsAreFoundByOrderBuyerAndPlatformReviewIdWithinTheShop() {
        String shop = TestData.uniqueShop();
        String otherShop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String buyer = "buyer-" + UUID.randomUUID();
        ReviewReceivedV1 past = TestData.withBuyer(review(shop, Rating.NEUTRAL), buyer, false);
        Ticket pastTicket = receive(desk, past);
        TestData.close(shop, pastTicket.id);
        ReviewReceivedV1 current = TestData.withBuyer(review(shop, Rating.BAD), buyer, false);
        Ticket currentTicket = receive(desk, current);
        ReviewReceivedV1 later = TestData.sameOrder(current, Rating.NEUTRAL); // joins the current ticket
        assertThat(desk.reviewsReceived(List.of(new ReceivedReview(later)))).isEmpty();
        Ticket someoneElse = receive(desk, review(shop, Rating.BAD));
        // the same order and buyer ids in another shop are another shop's business
        Ticket elsewhere =
                receive(desk, TestData.withBuyer(review(otherShop, Rating.BAD, past.orderId()), buyer, false));

        TestData.asSupervisor(shop)
                .queryParam("orderId", past.orderId())
                .get("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(pastTicket.id.toString()));
        TestData.asSupervisor(shop)
                .queryParam("buyerId", buyer)
                .get("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(currentTicket.id.toString(), pastTicket.id.toString()));
        TestData.asSupervisor(shop)
                .queryParam("platformReviewId", later.platformReviewId())
                .get("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("items.id", contains(currentTicket.id.toString()));
        TestData.asSupervisor(shop)
                .queryParam("platformReviewId", current.platformReviewId())
                .queryParam("status", "CLOSED")
                .get("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        TestData.asSupervisor(otherShop)
                .queryParam("buyerId", buyer)
                .get("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("items.id", contains(elsewhere.id.toString()));
        // an agent finds only their own
        TestData.asAgent(shop, agent)
                .queryParam("orderId", someoneElse.orderId)
                .get("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("items.id", contains(someoneElse.id.toString()));
        TestData.asSupervisor(shop)
                .queryParam("platformReviewId", "R".repeat(65))
                .get("/api/v1/tickets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("platformReviewId"));
    }

    @Test
    void aTicketShowsTheBuyersOtherOpenAndPastTicketsInTheShop() {
        String shop = TestData.uniqueShop();
        String otherShop = TestData.uniqueShop();
        hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String buyer = "buyer-" + UUID.randomUUID();
        Ticket past = receive(desk, TestData.withBuyer(review(shop, Rating.NEUTRAL), buyer, false));
        TestData.close(shop, past.id);
        Ticket open = receive(desk, TestData.withBuyer(review(shop, Rating.BAD), buyer, false));
        Ticket current = receive(desk, TestData.withBuyer(review(shop, Rating.BAD), buyer, false));
        receive(desk, review(shop, Rating.BAD)); // another buyer
        receive(desk, TestData.withBuyer(review(otherShop, Rating.BAD), buyer, false)); // another shop

        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + current.id)
                .then()
                .statusCode(200)
                .body("buyerTickets", hasSize(2))
                .body("buyerTickets.id", containsInAnyOrder(open.id.toString(), past.id.toString()))
                .body("buyerTickets.find { it.id == '" + past.id + "' }.status", equalTo("CLOSED"))
                .body("buyerTickets.find { it.id == '" + past.id + "' }.outcome", equalTo("EXPLAINED"))
                .body("buyerTickets.find { it.id == '" + open.id + "' }.status", equalTo("ASSIGNED"))
                .body(
                        "buyerTickets.find { it.id == '" + open.id + "' }.openedAt",
                        org.hamcrest.Matchers.notNullValue());
    }
}
