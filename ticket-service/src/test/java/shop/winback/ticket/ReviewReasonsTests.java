package shop.winback.ticket;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.testing.KafkaTopics;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.service.TicketDesk;

/**
 * The ticket carries each review's complaint reasons (main one first) and DSR scores as review.received.v1 brought
 * them: agents read a review only through their own ticket, never from review-service.
 */
@QuarkusTest
class ReviewReasonsTests {

    @Inject
    TicketDesk desk;

    @Inject
    TicketConfig config;

    @Test
    void theTicketShowsEachReviewsReasonsInTheProducersOrderAndItsDsr() {
        String shop = TestData.uniqueShop();
        String agent = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 plain = TestData.review(shop, Rating.BAD);
        ReviewReceivedV1 review = new ReviewReceivedV1(
                plain.reviewId(),
                shop,
                plain.platformReviewId(),
                plain.orderId(),
                plain.item(),
                plain.buyer(),
                plain.orderAmountFen(),
                plain.distinctItems(),
                plain.rating(),
                plain.createdAt(),
                null,
                null,
                List.of(
                        new ReviewReceivedV1.ComplaintReason("MISSING_ITEM"),
                        new ReviewReceivedV1.ComplaintReason("SLOW_SHIPPING"),
                        new ReviewReceivedV1.ComplaintReason("MISSING_ITEM")),
                new ReviewReceivedV1.Dsr(2, 3, 1));
        Ticket ticket = TestData.receive(desk, review);
        TestData.asAgent(shop, agent)
                .get("/api/v1/tickets/" + ticket.id)
                .then()
                .statusCode(200)
                .body("reviews[0].complaintReasons", contains("MISSING_ITEM", "SLOW_SHIPPING"))
                .body("reviews[0].dsr.description", equalTo(2))
                .body("reviews[0].dsr.service", equalTo(3))
                .body("reviews[0].dsr.shipping", equalTo(1));
    }

    @Test
    void theReasonsAndScoresAreReadFromTheEventOnTheWire() {
        String shop = TestData.uniqueShop();
        ReviewReceivedV1 review = TestData.review(shop, Rating.BAD);
        KafkaTopics.publish(
                config.reviewsTopic(),
                RecoveryEconomicsTests.REVIEW_SOURCE,
                review.orderId(),
                RecoveryEconomicsTests.json(review, "SLOW_SHIPPING", "MISSING_ITEM"),
                UUID.randomUUID().toString(),
                ReviewReceivedV1.TYPE);
        String ticket = RecoveryEconomicsTests.ticketOf(shop, review.orderId());
        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + ticket)
                .then()
                .statusCode(200)
                .body("reviews[0].complaintReasons", contains("SLOW_SHIPPING", "MISSING_ITEM"))
                .body("reviews[0].dsr.description", equalTo(2))
                .body("reviews[0].dsr.service", equalTo(3))
                .body("reviews[0].dsr.shipping", equalTo(4));
    }

    @Test
    void aReviewWithoutReasonsOrScoresShowsNone() {
        String shop = TestData.uniqueShop();
        Ticket ticket = TestData.receive(desk, TestData.review(shop, Rating.NEUTRAL));
        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + ticket.id)
                .then()
                .statusCode(200)
                .body("reviews[0].complaintReasons", empty())
                .body("reviews[0].dsr", nullValue());
    }
}
