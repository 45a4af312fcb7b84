package shop.winback.ticket;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.service.TicketDesk;

/** A ticket shows what the buyer received (DOMAIN "Quality problems"): when, worn or not, the buyer's photos. */
@QuarkusTest
class ReviewGoodsTests {

    @Inject
    TicketDesk desk;

    @Test
    void aTicketShowsWhenTheGoodsArrivedWhetherWornAndTheBuyersPhotos() {
        String shop = TestData.uniqueShop();
        String agent = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 plain = TestData.review(shop, Rating.BAD);
        Instant received = TestClock.daysAgo(2).truncatedTo(ChronoUnit.SECONDS);
        ReviewReceivedV1 withGoods = new ReviewReceivedV1(
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
                new ReviewReceivedV1.Goods(received, false, List.of("https://img.example/1.jpg")));
        Ticket ticket = TestData.receive(desk, withGoods);
        TestData.asAgent(shop, agent)
                .get("/api/v1/tickets/" + ticket.id)
                .then()
                .statusCode(200)
                .body("reviews[0].goods.receivedAt", equalTo(received.toString()))
                .body("reviews[0].goods.wornOrUsed", equalTo(false))
                .body("reviews[0].goods.photoUrls[0]", equalTo("https://img.example/1.jpg"));

        // an order system that says nothing of the goods: nothing shown
        Ticket without = TestData.receive(desk, TestData.review(shop, Rating.BAD));
        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + without.id)
                .then()
                .statusCode(200)
                .body("reviews[0].goods", nullValue());
    }
}
