package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static shop.winback.testing.KafkaTopics.awaitMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** A buyer revises a review: kept once, published once, flagged when the words still complain. */
@QuarkusTest
class RevisionTests {

    @Inject
    ReviewConfig config;

    final ObjectMapper json = new ObjectMapper();

    static String capture(String shop, String platformId, String order) {
        return given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(Reviews.json(shop, platformId, order, "BAD"))
                .post("/api/v1/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A time {@code later} after the captured review was written, as the order system writes it. */
    static String afterWriting(Duration later) {
        return TestClock.china(Reviews.CREATED_AT.plus(later));
    }

    static String revision(String shop, String platformId, String rating, String text, String revisedAt) {
        String textField = text == null ? "" : "\"text\": \"" + text + "\", ";
        return "{\"shopId\": \"%s\", \"platformReviewId\": \"%s\", \"rating\": \"%s\", %s\"revisedAt\": \"%s\"}"
                .formatted(shop, platformId, rating, textField, revisedAt);
    }

    @Test
    void aRevisionToGoodIsKeptShownAndPublishedOnce() throws Exception {
        String shop = Reviews.uniqueShop();
        String order = Reviews.unique("O");
        String id = capture(shop, "R-1", order);
        Instant revisedAt = Reviews.CREATED_AT.plus(Duration.ofHours(5).plusMinutes(40));
        String body = revision(shop, "R-1", "GOOD", "客服很耐心，帮我换了新的，很满意", TestClock.china(revisedAt));
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            given().auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/reviews/revisions")
                    .then()
                    .statusCode(201)
                    .body("ratingBefore", equalTo("BAD"))
                    .body("ratingAfter", equalTo("GOOD"))
                    .body("ratingImproved", equalTo(true))
                    .body("textStillNegative", equalTo(false))
                    // praise of the service: the classifier's guess (which would read 客服 as a service
                    // complaint) is not asked for a GOOD text, only its words are
                    .body("complaintReasons", empty());
            given().auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/reviews/revisions")
                    .then()
                    .statusCode(200)
                    .body("complaintReasons", empty());
            given().auth()
                    .oauth2(TestTokens.integration(shop))
                    .get("/api/v1/reviews/" + id)
                    .then()
                    .statusCode(200)
                    .body("rating", equalTo("GOOD"))
                    .body("text", equalTo("客服很耐心，帮我换了新的，很满意"))
                    .body("revisionCount", equalTo(1))
                    .body("revisedAt", equalTo(revisedAt.toString()));

            // a later event of the same order: once seen, anything the repeat could have sent is there too
            String marker = capture(shop, "R-marker", order);
            awaitMatching(topic, r -> marker.equals(KafkaTopics.header(r, "ce_subject")), 1, Duration.ofSeconds(15));
            List<ConsumerRecord<String, String>> revised = KafkaTopics.matching(
                    topic, r -> order.equals(r.key()) && "review.revised.v1".equals(KafkaTopics.header(r, "ce_type")));
            assertThat(revised).hasSize(1);
            JsonNode data = json.readTree(revised.get(0).value());
            assertThat(data.at("/before/rating").asText()).isEqualTo("BAD");
            assertThat(data.at("/after/rating").asText()).isEqualTo("GOOD");
            assertThat(data.get("reviewId").asText()).isEqualTo(id);
            assertThat(AsyncApiContract.ofClasspath().violations("review.revised.v1", data))
                    .isEmpty();
        }
    }

    @Test
    void aBetterRatingOverTheSameComplaintIsFlagged() {
        String shop = Reviews.uniqueShop();
        capture(shop, "R-1", Reviews.unique("O"));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(revision(
                        shop,
                        "R-1",
                        "GOOD",
                        null,
                        afterWriting(Duration.ofHours(6).plusMinutes(30))))
                .post("/api/v1/reviews/revisions")
                .then()
                .statusCode(201)
                .body("textAfter", equalTo("衣服有破洞，质量太差了"))
                .body("textStillNegative", equalTo(true))
                .body("complaintReasons", hasItem("QUALITY_DAMAGE"));
    }

    @Test
    void badRevisionsAreRejectedAndChangeNothing() {
        String shop = Reviews.uniqueShop();
        String id = capture(shop, "R-1", Reviews.unique("O"));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(revision(
                        shop,
                        "R-404",
                        "GOOD",
                        "好",
                        afterWriting(Duration.ofHours(6).plusMinutes(30))))
                .post("/api/v1/reviews/revisions")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(revision(
                        shop,
                        "R-1",
                        "SUPERB",
                        "好",
                        afterWriting(Duration.ofHours(6).plusMinutes(30))))
                .post("/api/v1/reviews/revisions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("rating"));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(revision(
                        shop, "R-1", "GOOD", "好", afterWriting(Duration.ofDays(-3)))) // before the review was written
                .post("/api/v1/reviews/revisions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("revisedAt"));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(revision(
                        Reviews.uniqueShop(),
                        "R-1",
                        "GOOD",
                        "好",
                        afterWriting(Duration.ofHours(6).plusMinutes(30))))
                .post("/api/v1/reviews/revisions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body(revision(
                        shop,
                        "R-1",
                        "GOOD",
                        "好",
                        afterWriting(Duration.ofHours(6).plusMinutes(30))))
                .post("/api/v1/reviews/revisions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .get("/api/v1/reviews/" + id)
                .then()
                .body("rating", equalTo("BAD"))
                .body("revisionCount", equalTo(0));
    }
}
