package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static shop.winback.testing.KafkaTopics.awaitMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestTokens;

/** What review-service sends on reviews.v1 is what its asyncapi.yaml documents. */
@QuarkusTest
class ReviewEventContractTests {

    @Inject
    ReviewConfig config;

    @Inject
    ObjectMapper json;

    @Test
    void publishedReviewReceivedMatchesTheDocumentedSchema() throws Exception {
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        String orderId = Reviews.unique("O");
        // the optional fields absent, to prove nulls are documented too
        String shop = Reviews.uniqueShop();
        String body = Reviews.json(shop, "R-1", orderId, "NEUTRAL")
                .replace("\"orderLineId\": \"%s-1\",".formatted(orderId), "")
                .replace("\"text\": \"衣服有破洞，质量太差了\",", "")
                .replace(", \"city\": \"沈阳\"", "");
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            given().auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/v1/reviews")
                    .then()
                    .statusCode(201);
            ConsumerRecord<String, String> record = awaitMatching(
                            topic, r -> orderId.equals(r.key()), 1, Duration.ofSeconds(15))
                    .get(0);
            assertThat(contract.violations("review.received.v1", json.readTree(record.value())))
                    .isEmpty();
        }
    }

    @Test
    void publishedReviewReceivedWithCategoryAndVipMatchesTheDocumentedSchema() throws Exception {
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        String orderId = Reviews.unique("O");
        String shop = Reviews.uniqueShop();
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            given().auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(Reviews.json(shop, "R-1", orderId, "BAD", "\"apparel\"", true))
                    .when()
                    .post("/api/v1/reviews")
                    .then()
                    .statusCode(201);
            ConsumerRecord<String, String> record = awaitMatching(
                            topic, r -> orderId.equals(r.key()), 1, Duration.ofSeconds(15))
                    .get(0);
            JsonNode data = json.readTree(record.value());
            assertThat(data.at("/item/category").asText()).isEqualTo("apparel");
            assertThat(data.at("/buyer/vip").booleanValue()).isTrue();
            assertThat(contract.violations("review.received.v1", data)).isEmpty();
        }
    }

    @Test
    void categoryAndVipAreDocumentedButNotRequiredForEventsAlreadyOnTheTopicLackThem() throws Exception {
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        JsonNode schema = contract.payloadSchemaOf("review.received.v1");
        JsonNode item = contract.resolve(schema.at("/properties/item"));
        JsonNode buyer = contract.resolve(schema.at("/properties/buyer"));
        assertThat(item.at("/properties/category/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(buyer.at("/properties/vip/type").asText()).isEqualTo("boolean");
        assertThat(item.get("required").toString()).doesNotContain("category");
        assertThat(buyer.get("required").toString()).doesNotContain("vip");
        // an event published before the fields existed still matches
        JsonNode older = contract.examplePayloadOf("review.received.v1").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) older.get("item")).remove("category");
        ((com.fasterxml.jackson.databind.node.ObjectNode) older.get("buyer")).remove("vip");
        assertThat(contract.violations("review.received.v1", older)).isEmpty();
    }

    @Test
    void documentedExampleMatchesTheDocumentedSchema() throws Exception {
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        assertThat(contract.violations("review.received.v1", contract.examplePayloadOf("review.received.v1")))
                .isEmpty();
    }

    @Test
    void asyncApiIsServed() {
        given().when()
                .get("/asyncapi.yaml")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("review.received.v1"));
    }
}
