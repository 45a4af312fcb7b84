package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import shop.winback.platform.problem.OverloadedProblem;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.Published;
import shop.winback.testing.TestTokens;

/** POST /api/v1/reviews:batch: per-item results, one bad item never sinks the batch, duplicates idempotent. */
@QuarkusTest
class BatchCaptureTests {

    @Inject
    ReviewConfig config;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    static String batch(List<String> reviews) {
        return "{\"reviews\": [" + String.join(",", reviews) + "]}";
    }

    @Test
    void eachReviewIsCreatedDuplicateOrRejectedOnItsOwn() {
        String shop = Reviews.uniqueShop();
        String order = Reviews.unique("O");
        String existing = Reviews.json(shop, "R-old", order, "GOOD");
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(existing)
                .post("/api/v1/reviews")
                .then()
                .statusCode(201);
        List<String> items = List.of(
                Reviews.json(shop, "R-1", order, "BAD"),
                existing, // posted before: duplicate
                Reviews.json(shop, "R-2", order, "TERRIBLE"), // rejected: rating
                Reviews.json(shop, "R-1", order, "BAD"), // twice in this batch: duplicate
                Reviews.json(Reviews.uniqueShop(), "R-3", order, "NEUTRAL"), // another shop: rejected
                "\"not an object\"",
                Reviews.json(shop, "R-4", order, "NEUTRAL").replace("\"description\": 2", "\"description\": 7"));

        var result = given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(batch(items))
                .post("/api/v1/reviews:batch")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("duplicates", equalTo(2))
                .body("rejected", equalTo(4))
                .body(
                        "results.outcome",
                        equalTo(List.of(
                                "CREATED", "DUPLICATE", "REJECTED", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED")))
                .body("results[2].violations.field", hasItem("rating"))
                .body("results[4].violations.field", hasItem("shopId"))
                .body("results[5].violations.field", hasItem("body"))
                .body("results[6].violations.field", hasItem("dsr.description"))
                .extract();
        assertThat(result.<String>path("results[3].reviewId")).isEqualTo(result.path("results[0].reviewId"));
        long stored = QuarkusTransaction.requiringNew()
                .call(() -> (Long) em.createQuery("select count(r) from Review r where r.shopId = :s")
                        .setParameter("s", shop)
                        .getSingleResult());
        assertThat(stored)
                .as("the old review and R-1; nothing of the rejected ones")
                .isEqualTo(2);
    }

    @Test
    void everyCreatedReviewIsPublishedOnceAndRepeatingTheBatchPublishesNothing() {
        String shop = Reviews.uniqueShop();
        List<String> items = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String order = Reviews.unique("O");
            orders.add(order);
            items.add(Reviews.json(shop, "R-" + i, order, i % 3 == 0 ? "BAD" : "GOOD"));
        }
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(batch(items))
                    .post("/api/v1/reviews:batch")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(50));
            given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(batch(items))
                    .post("/api/v1/reviews:batch")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(0))
                    .body("duplicates", equalTo(50));
            // a marker after the repeat: once it is seen, anything the repeat could have sent is there too
            String marker = Reviews.unique("O");
            given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(batch(List.of(Reviews.json(shop, "R-marker", marker, "GOOD"))))
                    .post("/api/v1/reviews:batch")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(1));
            awaitMatching(topic, r -> marker.equals(r.key()), 1, Duration.ofSeconds(15));
            List<ConsumerRecord<String, String>> ours = KafkaTopics.matching(
                    topic, r -> orders.contains(r.key()) && "review.received.v1".equals(header(r, "ce_type")));
            assertThat(ours).hasSize(50);
            assertThat(ours.stream().map(r -> header(r, "ce_subject")).distinct())
                    .hasSize(50);
        }
    }

    @Test
    void itemCategoryAndBuyerVipAreValidatedStoredAndPublishedPerReview() throws Exception {
        String shop = Reviews.uniqueShop();
        String vipOrder = Reviews.unique("O");
        String plainOrder = Reviews.unique("O");
        String rejectedOrder = Reviews.unique("O");
        List<String> items = List.of(
                Reviews.json(
                        shop, "R-vip", vipOrder, "BAD", "\"" + "服".repeat(40) + "\"", true), // 40: the longest allowed
                Reviews.json(shop, "R-plain", plainOrder, "NEUTRAL"), // neither fact sent
                Reviews.json(shop, "R-long", rejectedOrder, "BAD", "\"" + "服".repeat(41) + "\"", true),
                Reviews.json(shop, "R-ctl", rejectedOrder, "BAD", "\"服\\u0000装\"", false));
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            var result = given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(batch(items))
                    .post("/api/v1/reviews:batch")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(2))
                    .body("rejected", equalTo(2))
                    .body("results.outcome", equalTo(List.of("CREATED", "CREATED", "REJECTED", "REJECTED")))
                    .body("results[2].violations.field", equalTo(List.of("item.category")))
                    .body("results[3].violations.field", equalTo(List.of("item.category")))
                    .extract();
            String vipId = result.path("results[0].reviewId");
            String plainId = result.path("results[1].reviewId");
            given().auth()
                    .oauth2(TestTokens.integration(shop))
                    .get("/api/v1/reviews/" + vipId)
                    .then()
                    .statusCode(200)
                    .body("item.category", equalTo("服".repeat(40)))
                    .body("buyer.vip", equalTo(true));
            given().auth()
                    .oauth2(TestTokens.integration(shop))
                    .get("/api/v1/reviews/" + plainId)
                    .then()
                    .statusCode(200)
                    .body("item.category", nullValue())
                    .body("buyer.vip", equalTo(false));

            List<ConsumerRecord<String, String>> events = awaitMatching(
                    topic, r -> vipOrder.equals(r.key()) || plainOrder.equals(r.key()), 2, Duration.ofSeconds(15));
            JsonNode vip = json.readTree(events.stream()
                    .filter(r -> vipOrder.equals(r.key()))
                    .findFirst()
                    .orElseThrow()
                    .value());
            JsonNode plain = json.readTree(events.stream()
                    .filter(r -> plainOrder.equals(r.key()))
                    .findFirst()
                    .orElseThrow()
                    .value());
            assertThat(vip.at("/item/category").asText()).isEqualTo("服".repeat(40));
            assertThat(vip.at("/buyer/vip").booleanValue()).isTrue();
            assertThat(plain.at("/item/category").isNull()).isTrue();
            assertThat(plain.at("/buyer/vip").isBoolean()).isTrue();
            assertThat(plain.at("/buyer/vip").booleanValue()).isFalse();
        }
        long rejected = QuarkusTransaction.requiringNew()
                .call(() ->
                        (Long) em.createQuery("select count(r) from Review r where r.shopId = :s and r.orderId = :o")
                                .setParameter("s", shop)
                                .setParameter("o", rejectedOrder)
                                .getSingleResult());
        long rejectedEvents = Published.onTopic(
                        config.topic(),
                        () -> QuarkusTransaction.requiringNew()
                                .call(() -> (Long)
                                        em.createQuery("select count(e) from OutboxEvent e where e.messageKey = :k")
                                                .setParameter("k", rejectedOrder)
                                                .getSingleResult()),
                        r -> rejectedOrder.equals(r.key()))
                .size();
        assertThat(rejected).isZero();
        assertThat(rejectedEvents).isZero();
    }

    @Test
    void notABatchIsRejectedWhole() {
        String shop = Reviews.uniqueShop();
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body("{\"reviews\": []}")
                .post("/api/v1/reviews:batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("reviews"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add("{}");
        }
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(batch(tooMany))
                .post("/api/v1/reviews:batch")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reviews"));
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.reporting(shop))
                .contentType(ContentType.JSON)
                .body(batch(List.of(Reviews.json(shop, "R-1", "O-1", "BAD"))))
                .post("/api/v1/reviews:batch")
                .then()
                .statusCode(403);
    }

    @Test
    void theSameBatchPostedTwiceAtOnceStoresAndPublishesEachReviewOnce() throws Exception {
        String shop = Reviews.uniqueShop();
        List<String> items = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String order = Reviews.unique("O");
            orders.add(order);
            items.add(Reviews.json(shop, "R-" + i, order, "NEUTRAL"));
        }
        String body = batch(items);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> created = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                created.add(pool.submit(() -> {
                    start.await();
                    // a busy box may shed one with 503 (nothing stored): sent again after Retry-After, as the order
                    // system does
                    AtomicReference<Response> answer = new AtomicReference<>();
                    await().atMost(Duration.ofSeconds(15))
                            .pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofSeconds(OverloadedProblem.RETRY_AFTER_SECONDS))
                            .until(() -> {
                                answer.set(given().urlEncodingEnabled(false)
                                        .auth()
                                        .oauth2(TestTokens.integration(shop))
                                        .contentType(ContentType.JSON)
                                        .body(body)
                                        .post("/api/v1/reviews:batch"));
                                return answer.get().statusCode() != 503;
                            });
                    return answer.get().then().statusCode(200).extract().<Integer>path("created");
                }));
            }
            start.countDown();
            assertThat(created.get(0).get() + created.get(1).get()).isEqualTo(100);
            String marker = Reviews.unique("O");
            given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(batch(List.of(Reviews.json(shop, "R-marker", marker, "GOOD"))))
                    .post("/api/v1/reviews:batch")
                    .then()
                    .statusCode(200);
            awaitMatching(topic, r -> marker.equals(r.key()), 1, Duration.ofSeconds(15));
            assertThat(KafkaTopics.matching(
                            topic, r -> orders.contains(r.key()) && "review.received.v1".equals(header(r, "ce_type"))))
                    .hasSize(100);
        } finally {
            pool.shutdownNow();
        }
        long stored = QuarkusTransaction.requiringNew()
                .call(() -> (Long) em.createQuery("select count(r) from Review r where r.shopId = :s")
                        .setParameter("s", shop)
                        .getSingleResult());
        assertThat(stored).isEqualTo(101);
    }
}
