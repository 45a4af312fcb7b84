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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestTokens;

/** The buyer's phone and address: sealed at rest and in events, in clear only for supervisors. */
@QuarkusTest
class PersonalDataTests {

    static final String PHONE = "13812345678";
    static final String ADDRESS = "辽宁省沈阳市和平区南京北街 1 号";

    @Inject
    ReviewConfig config;

    @Inject
    EntityManager em;

    @Inject
    PersonalData personalData;

    final ObjectMapper json = new ObjectMapper();

    static String withContact(String shop, String orderId) {
        return Reviews.json(shop, "R-1", orderId, "BAD")
                .replace(
                        "\"city\": \"沈阳\"",
                        "\"city\": \"沈阳\", \"phone\": \"" + PHONE + "\", \"address\": \"" + ADDRESS + "\"");
    }

    @Test
    void phoneAndAddressAreMaskedForTheOrderSystemAndReportingAndClearForSupervisors() {
        String shop = Reviews.uniqueShop();
        String id = given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(withContact(shop, Reviews.unique("O")))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201)
                .body("buyer.phone", equalTo("138****5678"))
                .body("buyer.address", equalTo("辽宁沈阳****"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .when()
                .get("/api/v1/reviews/" + id)
                .then()
                .statusCode(200)
                .body("buyer.phone", equalTo("138****5678"))
                .body("buyer.address", equalTo("辽宁沈阳****"));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .when()
                .get("/api/v1/reviews/" + id)
                .then()
                .statusCode(200)
                .body("buyer.phone", equalTo(PHONE))
                .body("buyer.address", equalTo(ADDRESS));
    }

    @Test
    void theDatabaseAndTheEventHoldThemOnlySealed() throws Exception {
        String shop = Reviews.uniqueShop();
        String orderId = Reviews.unique("O");
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            String id = given().auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(withContact(shop, orderId))
                    .when()
                    .post("/api/v1/reviews")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                            "SELECT buyer_phone_sealed, buyer_phone_masked, buyer_address_sealed FROM review WHERE id = ?1")
                    .setParameter(1, UUID.fromString(id))
                    .getSingleResult());
            assertThat((String) row[0]).doesNotContain("5678").startsWith("pd1.");
            assertThat(row[1]).isEqualTo("138****5678");
            assertThat(personalData.open((String) row[2])).isEqualTo(ADDRESS);

            ConsumerRecord<String, String> record = awaitMatching(
                            topic, r -> orderId.equals(r.key()), 1, Duration.ofSeconds(15))
                    .get(0);
            assertThat(record.value()).doesNotContain(PHONE).doesNotContain("南京北街");
            JsonNode buyer = json.readTree(record.value()).get("buyer");
            assertThat(buyer.get("phoneMasked").asText()).isEqualTo("138****5678");
            assertThat(personalData.open(buyer.get("phoneSealed").asText())).isEqualTo(PHONE);
            assertThat(personalData.open(buyer.get("addressSealed").asText())).isEqualTo(ADDRESS);
        }
    }

    @Test
    void anInvalidPhoneIsRejected() {
        String shop = Reviews.uniqueShop();
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(withContact(shop, Reviews.unique("O")).replace(PHONE, "call me maybe"))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("buyer.phone"));
    }
}
