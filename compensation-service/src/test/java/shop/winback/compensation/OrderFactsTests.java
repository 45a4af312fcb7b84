package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.OrderFact;
import shop.winback.testing.KafkaTopics;

/**
 * Order facts come from the events, not the request: reviews.v1 in (real broker and database),
 * then quotes and compensations decided from what it said.
 */
@QuarkusTest
class OrderFactsTests {

    @Inject
    CompensationConfig config;

    @Inject
    EntityManager em;

    ConsumerTask<String, String> deadLetters;

    @BeforeEach
    void watch() {
        deadLetters = KafkaTopics.watch(config.reviewsDeadLetterTopic());
    }

    @AfterEach
    void stopWatching() {
        deadLetters.close();
    }

    static ValidatableResponse quote(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/quotes")
                .then();
    }

    long compensations(String shop) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM compensation WHERE shop_id = ?1")
                                .setParameter(1, shop)
                                .getSingleResult())
                        .longValue());
    }

    long inboxRows(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "SELECT count(*) FROM inbox_message WHERE consumer = 'compensation-service/reviews' AND event_id = ?1")
                                .setParameter(1, eventId)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void aQuoteIsDecidedFromTheOrdersReviewsAndFiguresThatDisagreeAreRefused() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        ReviewEvents.reviewed(shop, order, 12900, 2, "BAD", "辽宁", false);
        String token = TestData.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY");

        quote(token, "{\"orderId\": \"" + order + "\"}")
                .statusCode(200)
                .body("orderFacts.source", equalTo("reviews.v1"))
                .body("orderFacts.orderAmountFen", equalTo(12900))
                .body("orderFacts.distinctItems", equalTo(2))
                .body("orderFacts.rating", equalTo("BAD"))
                .body("orderFacts.buyerProvince", equalTo("辽宁"))
                .body("returnPostage.to", equalTo("辽宁"))
                .body("standardOfferFen", equalTo(1000))
                .body("rules", hasItem("FIRM"));
        // agreeing figures are fine
        quote(token, """
                {"orderId": "%s", "orderAmountFen": 12900, "distinctItems": 2, "rating": "BAD", "buyer": {"province": "辽宁", "city": "沈阳"}}""".formatted(order)).statusCode(200).body("orderFacts.source", equalTo("reviews.v1"));
        // a client cannot raise its own limits: each bent figure is named
        quote(token, "{\"orderId\": \"" + order + "\", \"orderAmountFen\": 99900}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:facts-disagree"))
                .body("violations[0].field", equalTo("orderAmountFen"));
        quote(token, "{\"orderId\": \"" + order + "\", \"distinctItems\": 10}")
                .statusCode(422)
                .body("violations[0].field", equalTo("distinctItems"));
        quote(token, "{\"orderId\": \"" + order + "\", \"rating\": \"NEUTRAL\"}")
                .statusCode(422)
                .body("violations[0].field", equalTo("rating"));
        quote(token, "{\"orderId\": \"" + order + "\", \"buyer\": {\"province\": \"新疆\"}}")
                .statusCode(422)
                .body("violations[0].field", equalTo("buyer.province"));
    }

    @Test
    void aCompensationIsDecidedFromTheOrdersOwnAmount() {
        String shop = TestData.uniqueShop();
        String order = TestData.knownOrder(shop, 12900);
        String preSales = TestData.agent(shop, UUID.randomUUID(), "PRE_SALES");
        // PRE_SALES' round-off limit is 1 % of the order's own amount: 129 fen, however large the body says the order
        // is
        TestData.request(preSales, TestData.body(order, "ROUND_OFF", 5000, 500000, "ROUND_OFF"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:facts-disagree"))
                .body("violations[0].field", equalTo("orderAmountFen"));
        assertThat(compensations(shop)).isZero();
        String noAmount =
                "{\"orderId\": \"%s\", \"type\": \"ROUND_OFF\", \"amountFen\": %d, \"reason\": \"ROUND_OFF\"}";
        TestData.request(preSales, noAmount.formatted(order, 500))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("approvalBecause", equalTo("ABOVE_AUTHORITY"))
                .body("orderAmountFen", equalTo(12900));
        TestData.request(preSales, noAmount.formatted(order, 129))
                .then()
                .statusCode(201)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void aCompensationForAnOrderNeverHeardOfWaitsForTheManager() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String agent = TestData.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY");
        TestData.request(agent, TestData.body(order, "COUPON", 500, 9900, "PRICE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("requiredLevel", equalTo("MANAGER"))
                .body("approvalBecause", equalTo("ORDER_UNKNOWN"))
                .body("withinAuthority", equalTo(false));
        // without the figure a decision needs: named
        TestData.request(
                        agent,
                        "{\"orderId\": \"%s\", \"type\": \"COUPON\", \"amountFen\": 500, \"reason\": \"PRICE\"}"
                                .formatted(TestData.uniqueOrder()))
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("orderAmountFen"));
        quote(agent, "{\"orderId\": \"" + order + "\"}")
                .statusCode(400)
                .body("violations.field", hasItem("orderAmountFen"));
        quote(agent, QuoteApiTests.quote(null, "辽宁", 2).replace("\"O-1\"", "\"" + order + "\""))
                .statusCode(200)
                .body("orderFacts.source", equalTo("request"))
                .body("rules", hasItem("ORDER_UNKNOWN"))
                .body("options.find { it.type == 'COUPON' }.withinAuthority", equalTo(false))
                .body("options.find { it.type == 'COUPON' }.approvalBecause", equalTo("ORDER_UNKNOWN"))
                .body("options.find { it.type == 'EXPLAIN' }.withinAuthority", equalTo(true));
    }

    @Test
    void goodReviewsAreSkippedRedeliveriesChangeNothingAndLaterReviewsAddToTheOrder() {
        String shop = TestData.uniqueShop();
        String good = TestData.uniqueOrder();
        String order = TestData.uniqueOrder();
        String goodEvent = UUID.randomUUID().toString();
        ReviewEvents.send(
                good,
                ReviewEvents.received(shop, good, 9900, 1, "GOOD", "广东", null, false),
                goodEvent,
                "review.received.v1");
        String eventId = UUID.randomUUID().toString();
        // keyed like the good review, so it lands on the same partition after it
        ReviewEvents.send(
                good,
                ReviewEvents.received(shop, order, 12900, 2, "NEUTRAL", "辽宁", "沈阳", false),
                eventId,
                "review.received.v1");
        ReviewEvents.send(
                good,
                ReviewEvents.received(shop, order, 99999, 9, "NEUTRAL", "辽宁", "沈阳", false),
                eventId,
                "review.received.v1");
        await().atMost(ReviewEvents.WAIT).until(() -> ReviewEvents.known(shop, order));
        assertThat(ReviewEvents.known(shop, good))
                .as("a good review is nothing to compensate")
                .isFalse();
        assertThat(inboxRows(goodEvent))
                .as("skipped without a write, not even an inbox row")
                .isZero();
        assertThat(inboxRows(eventId)).isEqualTo(1);
        OrderFact f = ReviewEvents.facts(shop, order);
        assertThat(f.orderAmountFen())
                .as("the redelivered event changed nothing")
                .isEqualTo(12900);
        assertThat(f.neutralReview()).isTrue();
        assertThat(f.badReview()).isFalse();

        // another line of the order rated 差评 by a buyer now suspected: both ratings, and the suspicion, are kept
        ReviewEvents.send(
                order,
                ReviewEvents.received(shop, order, 12900, 2, "BAD", "辽宁", "沈阳", true),
                UUID.randomUUID().toString(),
                "review.received.v1");
        await().atMost(ReviewEvents.WAIT)
                .until(() -> ReviewEvents.facts(shop, order).badReview());
        f = ReviewEvents.facts(shop, order);
        assertThat(f.neutralReview()).isTrue();
        assertThat(f.suspectedProfessional()).isTrue();
        assertThat(f.suspicionReasons()).contains("7 bad reviews in 30 days");
        ReviewEvents.send(
                order,
                ReviewEvents.received(shop, order, 12900, 2, "NEUTRAL", "辽宁", "沈阳", false),
                UUID.randomUUID().toString(),
                "review.received.v1");
        String marker = TestData.uniqueOrder();
        ReviewEvents.send(
                order,
                ReviewEvents.received(shop, marker, 100, 1, "BAD", "辽宁", null, false),
                UUID.randomUUID().toString(),
                "review.received.v1");
        await().atMost(ReviewEvents.WAIT).until(() -> ReviewEvents.known(shop, marker));
        assertThat(ReviewEvents.facts(shop, order).suspectedProfessional())
                .as("once suspected, stays suspected")
                .isTrue();
    }

    @Test
    void otherReviewEventsAreReadPastAndUnprocessableOnesDeadLettered() {
        String shop = TestData.uniqueShop();
        String key = TestData.uniqueOrder();
        ReviewEvents.send(key, "{\"reviewId\":\"r-1\"}", UUID.randomUUID().toString(), "review.revised.v1");
        ReviewEvents.send(key, "{\"sku\":\"s-1\"}", UUID.randomUUID().toString(), "item.dsr-below-threshold.v1");
        ReviewEvents.send(key, "{\"sku\":\"s-1\"}", UUID.randomUUID().toString(), "product.problem-alert.v1");
        ReviewEvents.send(key, "{not json", UUID.randomUUID().toString(), "review.received.v1");
        ReviewEvents.send(
                key,
                "{\"shopId\":\"" + shop + "\",\"rating\":\"BAD\"}",
                UUID.randomUUID().toString(),
                "review.received.v1");
        ReviewEvents.send(key, "{}", null, null);
        ReviewEvents.send(key, "{}", UUID.randomUUID().toString(), "review.exploded.v9");
        String order = TestData.uniqueOrder();
        ReviewEvents.send(
                key,
                ReviewEvents.received(shop, order, 5000, 1, "BAD", "辽宁", null, false),
                UUID.randomUUID().toString(),
                "review.received.v1");

        List<ConsumerRecord<String, String>> dead =
                awaitMatching(deadLetters, r -> key.equals(r.key()), 4, ReviewEvents.WAIT);
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("not readable");
        assertThat(header(dead.get(1), "dead-letter-reason")).contains("is invalid");
        assertThat(header(dead.get(2), "dead-letter-reason")).contains("ce_id");
        assertThat(header(dead.get(3), "dead-letter-reason")).contains("review.exploded.v9");
        await().atMost(ReviewEvents.WAIT).until(() -> ReviewEvents.known(shop, order));
        assertThat(KafkaTopics.matching(deadLetters, r -> key.equals(r.key()))).hasSize(4);
    }
}
