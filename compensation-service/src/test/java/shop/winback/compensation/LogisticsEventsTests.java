package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.CourierClaim;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** logistics.v1 in: lost-parcel claims registered once, other types read past, the unreadable dead-lettered. */
@QuarkusTest
class LogisticsEventsTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    CompensationConfig config;

    ConsumerTask<String, String> deadLetters;

    @BeforeEach
    void watch() {
        deadLetters = KafkaTopics.watch(config.logisticsDeadLetterTopic());
    }

    @AfterEach
    void stopWatching() {
        deadLetters.close();
    }

    void send(String key, String value, String ceId, String ceType) {
        KafkaTopics.publish(config.logisticsTopic(), "/winback/logistics-service", key, value, ceId, ceType);
    }

    static String claim(
            UUID claimId, String shop, String order, String courier, long amountFen, String verdict, String status) {
        return """
                {"claimId":"%s","shopId":"%s","orderId":"%s","courier":"%s","trackingNumber":"773001234567","amountFen":%d,
                 "currency":"CNY","verdict":"%s","status":"%s","claimedAt":"%s","weightAtOriginGrams":1000,"weightAtLastStationGrams":900}""".formatted(claimId, shop, order, courier, amountFen, verdict, status, TestClock.now());
    }

    CourierClaim stored(UUID claimId) {
        return QuarkusTransaction.requiringNew().call(() -> CourierClaim.<CourierClaim>findById(claimId));
    }

    @Test
    void aLostParcelClaimIsRegisteredOnceAndUpdatedBySettlement() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        UUID claimId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(
                order,
                claim(claimId, shop, order, "STO", 4500, "LOST_IN_TRANSIT", "OPEN"),
                eventId,
                "lost-parcel.claimed.v1");
        send(
                order,
                claim(claimId, shop, order, "STO", 9999, "LOST_IN_TRANSIT", "OPEN"),
                eventId,
                "lost-parcel.claimed.v1");
        send(
                order,
                claim(claimId, shop, order, "STO", 4500, "LOST_IN_TRANSIT", "SETTLED"),
                UUID.randomUUID().toString(),
                "lost-parcel.claimed.v1");

        await().atMost(WAIT).until(() -> {
            CourierClaim c = stored(claimId);
            return c != null && "SETTLED".equals(c.status);
        });
        CourierClaim c = stored(claimId);
        assertThat(c.amountFen).as("the redelivered event changed nothing").isEqualTo(4500);
        assertThat(c.courier).isEqualTo("STO");
        assertThat(c.verdict).isEqualTo("LOST_IN_TRANSIT");

        String month = TestClock.thisMonth(TestClock.SHANGHAI).toString();
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .get("/api/v1/accounts/" + month)
                .then()
                .statusCode(200)
                .body("courierFaultLosses.count", org.hamcrest.Matchers.equalTo(1))
                .body("courierFaultLosses.amountFen", org.hamcrest.Matchers.equalTo(4500))
                .body("courierFaultLosses.byCourier[0].key", org.hamcrest.Matchers.equalTo("STO"))
                .body("count", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void otherLogisticsEventsAreReadPastAndUnprocessableOnesDeadLettered() {
        String shop = TestData.uniqueShop();
        String key = TestData.uniqueOrder();
        // a scan in transit tells nothing of the receipt: read past, like weight checks
        send(
                key,
                "{\"shopId\":\"%s\",\"orderId\":\"%s\",\"status\":\"IN_TRANSIT\",\"scannedAt\":\"%s\"}"
                        .formatted(shop, key, TestClock.daysAgo(1)),
                UUID.randomUUID().toString(),
                "parcel.scanned.v1");
        send(key, "{\"parcelId\":\"p-1\"}", UUID.randomUUID().toString(), "weight-check.completed.v1");
        send(key, "{not json", UUID.randomUUID().toString(), "lost-parcel.claimed.v1");
        send(
                key,
                "{\"claimId\":\"" + UUID.randomUUID() + "\"}",
                UUID.randomUUID().toString(),
                "lost-parcel.claimed.v1");
        send(key, "{}", null, null);
        send(key, "{}", UUID.randomUUID().toString(), "parcel.exploded.v9");
        UUID claimId = UUID.randomUUID();
        send(
                key,
                claim(claimId, shop, key, "YTO", 1200, "DAMAGED_PARCEL", "OPEN"),
                UUID.randomUUID().toString(),
                "lost-parcel.claimed.v1");

        List<ConsumerRecord<String, String>> dead = awaitMatching(deadLetters, r -> key.equals(r.key()), 4, WAIT);
        assertThat(dead)
                .extracting(r -> header(r, "dead-letter-reason"))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("not readable");
        assertThat(header(dead.get(1), "dead-letter-reason")).contains("is invalid");
        assertThat(header(dead.get(2), "dead-letter-reason")).contains("ce_id");
        assertThat(header(dead.get(3), "dead-letter-reason")).contains("parcel.exploded.v9");
        await().atMost(WAIT).until(() -> stored(claimId) != null);
        assertThat(KafkaTopics.matching(deadLetters, r -> key.equals(r.key()))).hasSize(4);
    }
}
