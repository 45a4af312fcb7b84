package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.Published;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

@QuarkusTest
class ReviewCaptureTests {

    @Inject
    ReviewConfig config;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    ConsumerTask<String, String> topic;

    @BeforeEach
    void watchTopic() {
        topic = KafkaTopics.watch(config.topic());
    }

    @AfterEach
    void stopWatching() {
        topic.close();
    }

    @Test
    void capturedReviewIsStoredAndPublishedAsReviewReceived() throws Exception {
        String shop = Reviews.uniqueShop();
        String orderId = Reviews.unique("O");
        var created = given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(Reviews.json(shop, "R-1", orderId, "BAD"))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201)
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/reviews/" + id);
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .when()
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .body("shopId", equalTo(shop))
                .body("rating", equalTo("BAD"))
                .body("dsr.description", equalTo(2))
                .body("createdAt", equalTo(Reviews.CREATED_AT.toString()))
                .body("item.category", nullValue()) // neither routing fact sent: no category, not a VIP
                .body("buyer.vip", equalTo(false));

        ConsumerRecord<String, String> record = awaitMatching(
                        topic, r -> orderId.equals(r.key()), 1, Duration.ofSeconds(15))
                .get(0);
        assertThat(header(record, "ce_type")).isEqualTo("review.received.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/winback/review-service");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_time")).isNotBlank();
        JsonNode data = json.readTree(record.value());
        assertThat(data.get("reviewId").asText()).isEqualTo(id);
        assertThat(data.get("shopId").asText()).isEqualTo(shop);
        assertThat(data.get("orderAmountFen").asLong()).isEqualTo(12900);
        assertThat(data.at("/buyer/province").asText()).isEqualTo("辽宁");
        assertThat(data.get("createdAt").asText()).isEqualTo(Reviews.CREATED_AT.toString());
        assertThat(data.at("/item").has("category")).isTrue();
        assertThat(data.at("/item/category").isNull()).isTrue();
        assertThat(data.at("/buyer/vip").isBoolean()).isTrue();
        assertThat(data.at("/buyer/vip").booleanValue()).isFalse();
    }

    @Test
    void itemCategoryAndBuyerVipTravelFromCaptureToTheReviewTheListAndTheEvent() throws Exception {
        String shop = Reviews.uniqueShop();
        String orderId = Reviews.unique("O");
        String body = Reviews.json(shop, "R-1", orderId, "BAD", "\"  服装 \"", true); // surrounding spaces are trimmed
        String id = given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201)
                .body("item.category", equalTo("服装"))
                .body("buyer.vip", equalTo(true))
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .when()
                .get("/api/v1/reviews/" + id)
                .then()
                .statusCode(200)
                .body("item.sku", equalTo("SKU-TS-WHITE-L"))
                .body("item.category", equalTo("服装"))
                .body("buyer.vip", equalTo(true));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .when()
                .get("/api/v1/reviews")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0].item.category", equalTo("服装"))
                .body("items[0].buyer.vip", equalTo(true));
        // repeating it answers the stored review, facts included
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(200)
                .body("item.category", equalTo("服装"))
                .body("buyer.vip", equalTo(true));

        ConsumerRecord<String, String> record = awaitMatching(
                        topic, r -> orderId.equals(r.key()), 1, Duration.ofSeconds(15))
                .get(0);
        JsonNode data = json.readTree(record.value());
        assertThat(data.get("reviewId").asText()).isEqualTo(id);
        assertThat(data.at("/item/category").asText()).isEqualTo("服装");
        assertThat(data.at("/buyer/vip").isBoolean()).isTrue();
        assertThat(data.at("/buyer/vip").booleanValue()).isTrue();
    }

    @Test
    void theGoodsAsReceivedTravelFromCaptureToTheReviewAndTheEvent() throws Exception {
        String shop = Reviews.uniqueShop();
        String orderId = Reviews.unique("O");
        String receivedAt = TestClock.china(TestClock.daysAgo(2));
        String body = Reviews.json(shop, "R-1", orderId, "BAD").replace("\"createdAt\"", """
                "goods": {"receivedAt": "%s", "wornOrUsed": false, "photoUrls": ["https://img.example/1,{2}.jpg?a=\\"b\\"\\\\c", "https://img.example/2.jpg"]},
                  "createdAt\"""".formatted(receivedAt));
        String id = given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201)
                .body("goods.wornOrUsed", equalTo(false))
                .body("goods.photoUrls", hasSize(2))
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .when()
                .get("/api/v1/reviews/" + id)
                .then()
                .statusCode(200)
                .body(
                        "goods.photoUrls[0]",
                        equalTo("https://img.example/1,{2}.jpg?a=\"b\"\\c")) // an array literal's own marks
                .body("goods.photoUrls[1]", equalTo("https://img.example/2.jpg"));

        JsonNode data = json.readTree(awaitMatching(topic, r -> orderId.equals(r.key()), 1, Duration.ofSeconds(15))
                .get(0)
                .value());
        assertThat(java.time.Instant.parse(data.at("/goods/receivedAt").asText()))
                .isEqualTo(java.time.OffsetDateTime.parse(receivedAt).toInstant());
        assertThat(data.at("/goods/wornOrUsed").isBoolean()).isTrue();
        assertThat(data.at("/goods/photoUrls").size()).isEqualTo(2);
    }

    @Test
    void goodsReceivedInTheFutureOrPhotosThatAreNoLinksAreRefusedNamingTheField() {
        String shop = Reviews.uniqueShop();
        String ahead = Reviews.json(shop, "R-1", Reviews.unique("O"), "BAD").replace("\"createdAt\"", """
                "goods": {"receivedAt": "%s"},
                  "createdAt\"""".formatted(
                        TestClock.china(TestClock.now().plus(Duration.ofDays(2)))));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(ahead)
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("goods.receivedAt"));
        String notALink = Reviews.json(shop, "R-2", Reviews.unique("O"), "BAD").replace("\"createdAt\"", """
                "goods": {"photoUrls": ["javascript:alert(1)"]},
                  "createdAt\"""");
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(notALink)
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.startsWith("goods.photoUrls")));
    }

    @Test
    void aBlankCategoryIsNoCategoryAndAFalseVipIsStoredFalse() {
        String shop = Reviews.uniqueShop();
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(Reviews.json(shop, "R-1", Reviews.unique("O"), "GOOD", "\"   \"", false))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201)
                .body("item.category", nullValue())
                .body("buyer.vip", equalTo(false));
    }

    @Test
    void postingTheSamePlatformReviewAgainReturnsTheStoredReviewAndPublishesNothingMore() {
        String shop = Reviews.uniqueShop();
        String orderId = Reviews.unique("O");
        String first = given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(Reviews.json(shop, "R-1", orderId, "NEUTRAL"))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String again = given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(Reviews.json(shop, "R-1", orderId, "NEUTRAL"))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(again).isEqualTo(first);

        // a later review of the same order lands on the same partition, after anything the repeat could have sent
        String later = given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(Reviews.json(shop, "R-2", orderId, "GOOD"))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<ConsumerRecord<String, String>> events =
                awaitMatching(topic, r -> later.equals(header(r, "ce_subject")), 1, Duration.ofSeconds(15));
        assertThat(events).hasSize(1);
        assertThat(KafkaTopics.matching(topic, r -> first.equals(header(r, "ce_subject"))))
                .hasSize(1);
        assertThat(Published.onTopic(
                        config.topic(), () -> outboxRowsAbout(first), r -> first.equals(header(r, "ce_subject"))))
                .hasSize(1);
    }

    long outboxRowsAbout(String reviewId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (Long) em.createQuery("select count(e) from OutboxEvent e where e.subject = :s")
                        .setParameter("s", reviewId)
                        .getSingleResult());
    }
}
