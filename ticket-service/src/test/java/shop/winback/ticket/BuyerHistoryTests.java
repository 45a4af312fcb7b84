package shop.winback.ticket;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.service.TicketDesk;

/**
 * A returning buyer's history comes with the ticket, in brief: the agent of the new ticket learns how the earlier
 * one went (worked by someone else, so not theirs to open) without reading it.
 */
@QuarkusTest
class BuyerHistoryTests {

    @Inject
    TicketDesk desk;

    @Inject
    DataSource dataSource;

    @Test
    void aBuyersSecondBadReviewsTicketShowsTheFirstToItsAgent() throws SQLException {
        String shop = TestData.uniqueShop();
        String first = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 earlier = TestData.review(shop, Rating.BAD);
        Ticket past = TestData.receive(desk, earlier);
        approvedCompensation(shop, earlier.orderId(), past.id);
        TestData.asSupervisor(shop)
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"UNRECOVERED\", \"reason\": \"买家坚持差评\"}")
                .when()
                .post("/api/v1/tickets/" + past.id + "/resolution")
                .then()
                .statusCode(200);
        TestData.setStatus(shop, first, "OFFLINE");
        String second = TestData.hire(shop, "小李", "REVIEW_RECOVERY", 5, "ONLINE");

        ReviewReceivedV1 again = TestData.withBuyer(
                TestData.review(shop, Rating.BAD), earlier.buyer().id(), false);
        Ticket now = TestData.receive(desk, again);

        TestData.asAgent(shop, second).get("/api/v1/tickets/" + past.id).then().statusCode(404);
        TestData.asAgent(shop, second)
                .get("/api/v1/tickets/" + now.id)
                .then()
                .statusCode(200)
                .body("agentId", equalTo(second))
                .body("buyerHistory.earlierTickets", equalTo(1))
                .body("buyerHistory.recovered", equalTo(0))
                .body("buyerHistory.unrecovered", equalTo(1))
                .body("buyerHistory.compensationsApproved", equalTo(1))
                .body("buyerHistory.latest", hasSize(1))
                .body("buyerHistory.latest[0].id", equalTo(past.id.toString()))
                .body("buyerHistory.latest[0].rating", equalTo("BAD"))
                .body("buyerHistory.latest[0].status", equalTo("CLOSED"))
                .body("buyerHistory.latest[0].outcome", equalTo("UNRECOVERED"))
                .body("buyerHistory.latest[0].agentId", nullValue());
        // the first ticket's history does not count the later one
        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + past.id)
                .then()
                .statusCode(200)
                .body("buyerHistory.earlierTickets", equalTo(0))
                .body("buyerHistory.latest", hasSize(0));
    }

    /** As compensation-service's approval lands in ticket_compensation (the consumer is tested elsewhere). */
    private void approvedCompensation(String shop, String order, UUID ticket) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO ticket_compensation
                            (compensation_id, shop_id, order_id, ticket_id, type, amount_fen, status, updated_at)
                        VALUES (?, ?, ?, ?, 'COUPON', 1000, 'APPROVED', ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, shop);
            insert.setString(3, order);
            insert.setObject(4, ticket);
            insert.setTimestamp(5, Timestamp.from(TestClock.now()));
            insert.executeUpdate();
        }
    }
}
