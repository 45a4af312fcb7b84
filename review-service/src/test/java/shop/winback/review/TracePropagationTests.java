package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestTokens;

/** The trace of the order system's request goes on with the event (Kafka header traceparent). */
@QuarkusTest
class TracePropagationTests {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    ReviewConfig config;

    ConsumerTask<String, String> topic;

    @BeforeEach
    void watch() {
        topic = KafkaTopics.watch(config.topic());
    }

    @AfterEach
    void stop() {
        topic.close();
    }

    @Test
    void theCapturedReviewsEventCarriesTheRequestsTrace() {
        String shop = Reviews.uniqueShop();
        String orderId = Reviews.unique("O");
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-00")
                .body(Reviews.json(shop, "R-1", orderId, "BAD"))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201);

        ConsumerRecord<String, String> event = awaitMatching(
                        topic, r -> orderId.equals(r.key()), 1, Duration.ofSeconds(15))
                .get(0);
        assertThat(header(event, "traceparent"))
                .startsWith("00-" + TRACE_ID + "-")
                .hasSize(55);
    }

    @Test
    void withoutAnIncomingTraceTheEventStartsOne() {
        String shop = Reviews.uniqueShop();
        String orderId = Reviews.unique("O");
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(Reviews.json(shop, "R-1", orderId, "NEUTRAL"))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201);

        ConsumerRecord<String, String> event = awaitMatching(
                        topic, r -> orderId.equals(r.key()), 1, Duration.ofSeconds(15))
                .get(0);
        assertThat(header(event, "traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .doesNotContain(TRACE_ID);
    }
}
