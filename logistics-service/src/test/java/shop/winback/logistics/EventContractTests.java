package shop.winback.logistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static shop.winback.testing.KafkaTopics.awaitMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestTokens;

/** What logistics-service sends on logistics.v1, through the real broker, is what its asyncapi.yaml documents. */
@QuarkusTest
class EventContractTests {

    static final List<String> TYPES =
            List.of("parcel.scanned.v1", "weight-check.completed.v1", "lost-parcel.claimed.v1");

    @Inject
    LogisticsConfig config;

    @Inject
    ObjectMapper json;

    @Test
    void aLostParcelsWholeStoryMatchesTheDocumentedSchemas() throws Exception {
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            WeightCheckTests.parcel(shop, order, 1000, 900, false);
            String ticket = java.util.UUID.randomUUID().toString();
            String check = TestData.check(shop, """
                    {"orderId": "%s", "missingItems": [{"sku": "SKU-SOCK-3P"}], "damaged": false, "ticketId": "%s"}""".formatted(order, ticket))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String claim = ClaimTests.file(TestTokens.manager(shop), check, 2990)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().auth()
                    .oauth2(TestTokens.manager(shop))
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post("/api/v1/claims/" + claim + "/settle")
                    .then()
                    .statusCode(200);

            List<ConsumerRecord<String, String>> records =
                    awaitMatching(topic, r -> order.equals(r.key()), 4, Duration.ofSeconds(20));
            for (ConsumerRecord<String, String> r : records) {
                String type = KafkaTopics.header(r, "ce_type");
                assertThat(TYPES).contains(type);
                assertThat(contract.violations(type, json.readTree(r.value())))
                        .as(type + ": " + r.value())
                        .isEmpty();
                assertThat(KafkaTopics.header(r, "ce_source")).isEqualTo("/winback/logistics-service");
                assertThat(KafkaTopics.header(r, "ce_id")).isNotBlank();
            }
            JsonNode checked = payloadOf(records, "weight-check.completed.v1").get(0);
            assertThat(checked.path("ticketId").asText()).isEqualTo(ticket);
            assertThat(checked.path("verdict").asText()).isEqualTo("LOST_IN_TRANSIT");
            assertThat(checked.path("missingSkus").get(0).asText()).isEqualTo("SKU-SOCK-3P");

            List<ConsumerRecord<String, String>> claims = awaitMatching(
                    topic,
                    r -> order.equals(r.key()) && "lost-parcel.claimed.v1".equals(KafkaTopics.header(r, "ce_type")),
                    2,
                    Duration.ofSeconds(20));
            List<String> statuses = claims.stream()
                    .map(r -> read(r.value()).path("status").asText())
                    .toList();
            assertThat(statuses).containsExactly("OPEN", "SETTLED");
            assertThat(KafkaTopics.header(claims.get(0), "ce_id"))
                    .isNotEqualTo(KafkaTopics.header(claims.get(1), "ce_id"));
            JsonNode settled = read(claims.get(1).value());
            assertThat(settled.path("claimId").asText()).isEqualTo(claim);
            assertThat(settled.path("amountFen").asLong()).isEqualTo(2990);
            assertThat(settled.path("currency").asText()).isEqualTo("CNY");
            assertThat(settled.path("claimedAt").asText()).endsWith("Z");
        }
    }

    @Test
    void anInconclusiveCheckWithItsNullsMatchesTheSchema() throws Exception {
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            WeightCheckTests.parcel(shop, order, null, null, false);
            WeightCheckTests.checkSocks(shop, order, false);
            ConsumerRecord<String, String> record = awaitMatching(
                            topic, r -> order.equals(r.key()), 1, Duration.ofSeconds(20))
                    .get(0);
            JsonNode payload = json.readTree(record.value());
            assertThat(payload.path("verdict").asText()).isEqualTo("INCONCLUSIVE");
            assertThat(payload.get("originWeightGrams").isNull()).isTrue();
            assertThat(payload.get("ticketId").isNull()).isTrue();
            assertThat(contract.violations("weight-check.completed.v1", payload))
                    .isEmpty();
        }
    }

    @Test
    void documentedExamplesMatchTheDocumentedSchemas() throws Exception {
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        for (String type : TYPES) {
            assertThat(contract.violations(type, contract.examplePayloadOf(type)))
                    .as(type)
                    .isEmpty();
        }
    }

    @Test
    void asyncApiIsServed() {
        given().when()
                .get("/asyncapi.yaml")
                .then()
                .statusCode(200)
                .body(containsString("lost-parcel.claimed.v1"))
                .body(containsString("weight-check.completed.v1"));
    }

    private List<JsonNode> payloadOf(List<ConsumerRecord<String, String>> records, String type) {
        return records.stream()
                .filter(r -> type.equals(KafkaTopics.header(r, "ce_type")))
                .map(r -> read(r.value()))
                .toList();
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
