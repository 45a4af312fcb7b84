package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static shop.winback.testing.KafkaTopics.awaitMatching;

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
import org.junit.jupiter.api.Test;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestTokens;

/** Neutral and bad reviews are sorted by what they complain about; the reasons travel on the event and are stored. */
@QuarkusTest
class ComplaintReasonTests {

    @Inject
    ReviewConfig config;

    @Inject
    EntityManager em;

    final ObjectMapper json = new ObjectMapper();

    JsonNode captureAndRead(ConsumerTask<String, String> topic, String shop, String rating, String text)
            throws Exception {
        String order = Reviews.unique("O");
        String body = Reviews.json(shop, Reviews.unique("R"), order, rating).replace("衣服有破洞，质量太差了", text);
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/reviews")
                .then()
                .statusCode(201);
        return json.readTree(awaitMatching(topic, r -> order.equals(r.key()), 1, Duration.ofSeconds(15))
                .get(0)
                .value());
    }

    @Test
    void reasonsTravelOnTheEventAndAreStored() throws Exception {
        String shop = Reviews.uniqueShop();
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            JsonNode bad = captureAndRead(topic, shop, "BAD", "衣服有破洞，快递也太慢了");
            assertThat(bad.get("complaintReasons").findValuesAsText("reason"))
                    .containsExactly("QUALITY_DAMAGE", "SLOW_SHIPPING");
            assertThat(bad.get("complaintReasons").findValuesAsText("evidence")).contains("破洞");
            @SuppressWarnings("unchecked")
            List<Object> stored = QuarkusTransaction.requiringNew().call(() -> (List<Object>)
                    em.createNativeQuery("SELECT reason FROM review_reason WHERE review_id = ?1 ORDER BY reason")
                            .setParameter(1, UUID.fromString(bad.get("reviewId").asText()))
                            .getResultList());
            assertThat(stored).containsExactly((Object) "QUALITY_DAMAGE", "SLOW_SHIPPING");

            JsonNode good = captureAndRead(topic, shop, "GOOD", "没有破洞，很满意");
            assertThat(good.get("complaintReasons")).isEmpty();
        }
    }

    @Test
    void theShopsOwnTermsCountFromNowOn() throws Exception {
        String shop = Reviews.uniqueShop();
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            assertThat(captureAndRead(topic, shop, "NEUTRAL", "发卡掉钻")
                            .get("complaintReasons")
                            .findValuesAsText("reason"))
                    .doesNotContain("QUALITY_DAMAGE");
            given().auth()
                    .oauth2(TestTokens.supervisor(shop))
                    .contentType(ContentType.JSON)
                    .body("{\"reason\": \"QUALITY_DAMAGE\", \"term\": \"掉钻\"}")
                    .post("/api/v1/reason-terms")
                    .then()
                    .statusCode(201);
            given().auth()
                    .oauth2(TestTokens.supervisor(shop))
                    .contentType(ContentType.JSON)
                    .body("{\"reason\": \"QUALITY_DAMAGE\", \"term\": \"掉钻\"}")
                    .post("/api/v1/reason-terms")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body("{\"reason\": \"QUALITY_DAMAGE\", \"term\": \"开胶\"}")
                    .post("/api/v1/reason-terms")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.supervisor(shop))
                    .contentType(ContentType.JSON)
                    .body("{\"reason\": \"OTHER\", \"term\": \"开胶\"}")
                    .post("/api/v1/reason-terms")
                    .then()
                    .statusCode(400);
            assertThat(captureAndRead(topic, shop, "NEUTRAL", "发卡掉钻")
                            .get("complaintReasons")
                            .findValuesAsText("reason"))
                    .containsExactly("QUALITY_DAMAGE");
            // another shop's classifier is untouched
            assertThat(captureAndRead(topic, Reviews.uniqueShop(), "NEUTRAL", "发卡掉钻")
                            .get("complaintReasons")
                            .findValuesAsText("reason"))
                    .doesNotContain("QUALITY_DAMAGE");
        }
    }

    @Test
    void aTermIsOneLineAndTheShopCanChangeOrDeleteIt() throws Exception {
        String shop = Reviews.uniqueShop();
        // JSON escapes: the body is valid JSON, the term is not one line of text
        for (String term : List.of("掉\\t钻", "掉\\n钻", "掉\\u0007钻", "*掉钻")) {
            given().auth()
                    .oauth2(TestTokens.supervisor(shop))
                    .contentType(ContentType.JSON)
                    .body("{\"reason\": \"QUALITY_DAMAGE\", \"term\": \"" + term + "\"}")
                    .post("/api/v1/reason-terms")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("term"));
        }
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .get("/api/v1/reason-terms")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));

        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"QUALITY_DAMAGE\", \"term\": \"掉钻\"}")
                .post("/api/v1/reason-terms")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"QUALITY_DAMAGE\", \"term\": \"掉漆\"}")
                .put("/api/v1/reason-terms/QUALITY_DAMAGE/掉钻")
                .then()
                .statusCode(200)
                .body("term", equalTo("掉漆"));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .get("/api/v1/reason-terms")
                .then()
                .statusCode(200)
                .body("term", equalTo(List.of("掉漆")));
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .delete("/api/v1/reason-terms/QUALITY_DAMAGE/掉漆")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .delete("/api/v1/reason-terms/QUALITY_DAMAGE/掉漆")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .delete("/api/v1/reason-terms/QUALITY_DAMAGE/掉漆")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .get("/api/v1/reason-terms")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aTermStoredBeforeTermsWereCheckedNeverStopsCapture() throws Exception {
        String shop = Reviews.uniqueShop();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "INSERT INTO reason_term (shop_id, reason, term, created_at) VALUES (?1, 'QUALITY_DAMAGE', ?2, now())")
                        .setParameter(1, shop)
                        .setParameter(2, "掉\t钻")
                        .executeUpdate());
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            assertThat(captureAndRead(topic, shop, "BAD", "衣服有破洞")
                            .get("complaintReasons")
                            .findValuesAsText("reason"))
                    .containsExactly("QUALITY_DAMAGE");
        }
        // and the shop can see it and delete it
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .get("/api/v1/reason-terms")
                .then()
                .statusCode(200)
                .body("term", equalTo(List.of("掉\t钻")));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .urlEncodingEnabled(true)
                .delete("/api/v1/reason-terms/QUALITY_DAMAGE/{term}", "掉\t钻")
                .then()
                .statusCode(204);
    }
}
