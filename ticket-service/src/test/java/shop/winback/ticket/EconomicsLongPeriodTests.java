package shop.winback.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;

/**
 * A breakdown of the recovery economics over a long period (a year by product for a shop with thousands of SKUs)
 * answers each member's totals, added up by the database, not a row per day and member: the answer's size follows
 * the members, not the days times the members.
 */
@QuarkusTest
class EconomicsLongPeriodTests {

    @Inject
    TicketConfig config;

    /** 31 days (EconomicsReport.MAX_DAYS_PER_MEMBER) ending tomorrow, and 40: either side of the limit of daily rows. */
    private static final int A_MONTH = 31;

    private static final int MORE_THAN_A_MONTH = 40;

    private final String shop = TestData.uniqueShop();
    private final LocalDate today = TestClock.today(TestClock.SHANGHAI);

    @Test
    void aBreakdownOverMoreThanAMonthGivesEachMembersTotalsAndNoDailyRows() {
        goodReview("SKU-A");
        goodReview("SKU-A");
        goodReview("SKU-B");
        await().atMost(RecoveryEconomicsTests.WAIT)
                .untilAsserted(
                        () -> assertThat(byProduct(today.minusDays(1), today).getLong("total.reviewsReceived"))
                                .isEqualTo(3));

        JsonPath month = byProduct(today.minusDays(A_MONTH - 2), today.plusDays(1));
        assertThat(month.getList("rows.key")).contains("SKU-A", "SKU-B");

        JsonPath year = byProduct(today.minusDays(MORE_THAN_A_MONTH - 2), today.plusDays(1));
        assertThat(year.getList("rows")).isEmpty();
        assertThat(year.getList("totals.key")).containsExactly("SKU-A", "SKU-B");
        assertThat(year.getList("totals.day")).containsOnlyNulls();
        assertThat(year.getList("totals.figures.reviewsReceived", Integer.class))
                .containsExactly(2, 1);
        assertThat(year.getLong("total.reviewsReceived")).isEqualTo(3);
    }

    @Test
    void itsCsvHasTheMembersTotalsWithoutADay() {
        goodReview("SKU-C");
        await().atMost(RecoveryEconomicsTests.WAIT)
                .untilAsserted(
                        () -> assertThat(byProduct(today.minusDays(1), today).getLong("total.reviewsReceived"))
                                .isEqualTo(1));

        String csv = query(today.minusDays(MORE_THAN_A_MONTH - 2), today.plusDays(1))
                .queryParam("format", "csv")
                .get("/api/v1/recovery-economics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(",product,SKU-C,,1,1,0,0,1.0000,");
    }

    private void goodReview(String sku) {
        ReviewReceivedV1 review = RecoveryEconomicsTests.review(shop, Rating.GOOD, sku);
        KafkaTopics.publish(
                config.reviewsTopic(),
                RecoveryEconomicsTests.REVIEW_SOURCE,
                review.orderId(),
                RecoveryEconomicsTests.json(review),
                UUID.randomUUID().toString(),
                ReviewReceivedV1.TYPE);
    }

    private JsonPath byProduct(LocalDate from, LocalDate to) {
        ValidatableResponse response =
                query(from, to).get("/api/v1/recovery-economics").then().statusCode(200);
        return response.extract().jsonPath();
    }

    private RequestSpecification query(LocalDate from, LocalDate to) {
        return TestData.asSupervisor(shop)
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .queryParam("by", "product");
    }
}
