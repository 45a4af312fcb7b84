package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** Suspected bad-reviewers, items whose DSR falls, products drawing one complaint from several buyers. */
@QuarkusTest
class SignalTests {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ReviewConfig config;

    final ObjectMapper json = new ObjectMapper();
    AsyncApiContract contract;
    ConsumerTask<String, String> topic;

    @BeforeEach
    void watch() throws Exception {
        contract = AsyncApiContract.ofClasspath();
        topic = KafkaTopics.watch(config.topic());
    }

    @AfterEach
    void stop() {
        topic.close();
    }

    /** Posts a review and returns its review.received.v1 data. */
    JsonNode post(String shop, String buyer, String sku, String rating, String text, int dsr) throws Exception {
        return post(shop, buyer, sku, rating, text, dsr, Reviews.unique("O"));
    }

    JsonNode post(String shop, String buyer, String sku, String rating, String text, int dsr, String order)
            throws Exception {
        String body = Reviews.json(shop, Reviews.unique("R"), order, rating)
                .replace("tb-buyer-5521", buyer)
                .replace("SKU-TS-WHITE-L", sku)
                .replace("衣服有破洞，质量太差了", text)
                .replace(
                        "{\"description\": 2, \"service\": 3, \"shipping\": 4}",
                        "{\"description\": %d, \"service\": %d, \"shipping\": %d}".formatted(dsr, dsr, dsr));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/reviews")
                .then()
                .statusCode(201);
        return json.readTree(awaitMatching(
                        topic, r -> order.equals(r.key()) && "review.received.v1".equals(header(r, "ce_type")), 1, WAIT)
                .get(0)
                .value());
    }

    /**
     * A good review of another item on the same order: once it is read, whatever the earlier posts of
     * that order published (same key, same partition, earlier) has been read too.
     */
    void marker(String shop, String order) throws Exception {
        post(shop, "marker", "SKU-MARKER", "GOOD", "好", 5, order);
    }

    List<ConsumerRecord<String, String>> eventsOf(String type, String shop) {
        return KafkaTopics.matching(
                topic, r -> type.equals(header(r, "ce_type")) && r.value().contains("\"" + shop + "\""));
    }

    @Test
    void aBuyerWithManyBadReviewsAndTheSameWordsIsSuspected() throws Exception {
        String shop = Reviews.uniqueShop();
        JsonNode first = post(shop, "pro-1", "SKU-A", "BAD", "垃圾质量，退钱！", 1);
        assertThat(first.at("/buyerSuspicion/suspected").asBoolean()).isFalse();
        assertThat(first.at("/buyerSuspicion/score").asDouble()).isZero();
        post(shop, "pro-1", "SKU-B", "NEUTRAL", "一般般吧", 3);
        JsonNode third = post(shop, "pro-1", "SKU-C", "BAD", "垃圾质量 退钱", 1);
        assertThat(third.at("/buyerSuspicion/suspected").asBoolean()).isTrue();
        assertThat(third.at("/buyerSuspicion/score").asDouble()).isEqualTo(0.9);
        assertThat(third.get("buyerSuspicion").get("reasons").toString())
                .contains("3 neutral/bad reviews in 90 days")
                .contains("100 % of 3 reviews")
                .contains("the same words");
        assertThat(contract.violations("review.received.v1", third)).isEmpty();

        JsonNode honest = post(shop, "honest-1", "SKU-A", "BAD", "袖口开线了", 2);
        assertThat(honest.at("/buyerSuspicion/suspected").asBoolean()).isFalse();
        JsonNode good = post(shop, "pro-1", "SKU-D", "GOOD", "好", 5);
        assertThat(good.get("buyerSuspicion").isNull()).isTrue();
    }

    @Test
    void aYoungAccountIsOneSignNotEnoughAlone() throws Exception {
        String shop = Reviews.uniqueShop();
        String order = Reviews.unique("O");
        String body = Reviews.json(shop, Reviews.unique("R"), order, "BAD")
                .replace(
                        "\"city\": \"沈阳\"",
                        "\"city\": \"沈阳\", \"accountCreatedAt\": \""
                                + TestClock.china(Reviews.CREATED_AT.minus(Duration.ofDays(3))) + "\"");
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/reviews")
                .then()
                .statusCode(201);
        JsonNode data = json.readTree(
                awaitMatching(topic, r -> order.equals(r.key()), 1, WAIT).get(0).value());
        assertThat(data.at("/buyerSuspicion/score").asDouble()).isEqualTo(0.1);
        assertThat(data.at("/buyerSuspicion/suspected").asBoolean()).isFalse();
        assertThat(data.get("buyerSuspicion").get("reasons").toString()).contains("account 3 days old");
    }

    @Test
    void anItemFallingBelowTheDsrThresholdIsReportedOnce() throws Exception {
        String shop = Reviews.uniqueShop();
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"dsrMinReviews\": 3}")
                .put("/api/v1/review-settings")
                .then()
                .statusCode(200)
                .body("dsrMinReviews", equalTo(3))
                .body("dsrThreshold", equalTo(4.8f));
        post(shop, "b1", "SKU-DSR", "GOOD", "好", 5);
        post(shop, "b2", "SKU-DSR", "GOOD", "好", 5);
        String o3 = Reviews.unique("O");
        post(shop, "b3", "SKU-DSR", "GOOD", "好", 5, o3);
        marker(shop, o3);
        assertThat(eventsOf("item.dsr-below-threshold.v1", shop)).isEmpty();
        post(shop, "b4", "SKU-DSR", "NEUTRAL", "一般", 3); // (5+5+5+3)/4 = 4.5
        awaitMatching(
                topic,
                r -> "item.dsr-below-threshold.v1".equals(header(r, "ce_type"))
                        && r.value().contains(shop),
                1,
                WAIT);
        String o5 = Reviews.unique("O");
        post(shop, "b5", "SKU-DSR", "GOOD", "好", 5, o5); // still below: no second event
        marker(shop, o5);
        List<ConsumerRecord<String, String>> events = eventsOf("item.dsr-below-threshold.v1", shop);
        assertThat(events).hasSize(1);
        JsonNode data = json.readTree(events.get(0).value());
        assertThat(data.get("itemSku").asText()).isEqualTo("SKU-DSR");
        assertThat(data.get("description").asDouble()).isEqualTo(4.5);
        assertThat(data.get("reviews").asInt()).isEqualTo(4);
        assertThat(contract.violations("item.dsr-below-threshold.v1", data)).isEmpty();
    }

    @Test
    void theSameComplaintFromSeveralBuyersIsAProductionProblemRaisedOnce() throws Exception {
        String shop = Reviews.uniqueShop();
        post(shop, "c1", "SKU-HOLE", "BAD", "衣服有破洞", 2);
        post(shop, "c1", "SKU-HOLE", "BAD", "又是破洞", 2); // the same buyer twice is one buyer
        String o2 = Reviews.unique("O");
        post(shop, "c2", "SKU-HOLE", "NEUTRAL", "袖子上一个破洞", 3, o2);
        marker(shop, o2);
        assertThat(eventsOf("product.problem-alert.v1", shop)).isEmpty();
        post(shop, "c3", "SKU-HOLE", "BAD", "破洞，质量差", 1);
        awaitMatching(
                topic,
                r -> "product.problem-alert.v1".equals(header(r, "ce_type"))
                        && r.value().contains(shop),
                1,
                WAIT);
        String o4 = Reviews.unique("O");
        post(shop, "c4", "SKU-HOLE", "BAD", "有破洞", 1, o4);
        marker(shop, o4);
        List<ConsumerRecord<String, String>> alerts = eventsOf("product.problem-alert.v1", shop);
        assertThat(alerts).hasSize(1);
        JsonNode data = json.readTree(alerts.get(0).value());
        assertThat(data.get("reason").asText()).isEqualTo("QUALITY_DAMAGE");
        assertThat(data.get("buyers").asInt()).isEqualTo(3);
        assertThat(contract.violations("product.problem-alert.v1", data)).isEmpty();
    }

    @Test
    void settingsAreValidatedAndOnlyForSupervisorsAndManagers() {
        String shop = Reviews.uniqueShop();
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .get("/api/v1/review-settings")
                .then()
                .statusCode(200)
                .body("dsrThreshold", equalTo(4.8f))
                .body("alertBuyers", equalTo(3))
                .body("suspicionThreshold", equalTo(0.6f));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"dsrThreshold\": 7}")
                .put("/api/v1/review-settings")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("dsrThreshold"));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body("{\"alertBuyers\": 5}")
                .put("/api/v1/review-settings")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"alertBuyers\": 5}")
                .put("/api/v1/review-settings")
                .then()
                .statusCode(200)
                .body("alertBuyers", equalTo(5))
                .body("dsrThreshold", equalTo(4.8f));
        given().auth()
                .oauth2(TestTokens.reporting(Reviews.uniqueShop()))
                .get("/api/v1/review-settings")
                .then()
                .body("alertBuyers", equalTo(3));
    }
}
