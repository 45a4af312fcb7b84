package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;
import static shop.winback.testing.KafkaTopics.matching;
import static shop.winback.testing.KafkaTopics.ofType;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestTokens;

/**
 * reviews.negative.v1 is reviews.v1's events of neutral and bad reviews, the very same events:
 * what ticket-service reads instead of skipping nine good reviews per bad one.
 */
@QuarkusTest
class NegativeReviewFeedTests {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ReviewConfig config;

    @Test
    void aBadReviewAndItsRevisionAreOnBothTopicsWithTheSameIdsAndAGoodReviewOnlyOnReviews() {
        String shop = Reviews.uniqueShop();
        String goodOrder = Reviews.unique("O-good");
        String badOrder = Reviews.unique("O-bad");
        try (ConsumerTask<String, String> all = KafkaTopics.watch(config.topic());
             ConsumerTask<String, String> negative = KafkaTopics.watch(config.negativeTopic())) {
            post(shop, "/api/v1/reviews", Reviews.json(shop, "R-good", goodOrder, "GOOD"));
            post(shop, "/api/v1/reviews", Reviews.json(shop, "R-bad", badOrder, "BAD"));

            ConsumerRecord<String, String> good = awaitMatching(all, r -> goodOrder.equals(r.key()), 1, WAIT).get(0);
            ConsumerRecord<String, String> bad = awaitMatching(all, r -> badOrder.equals(r.key()), 1, WAIT).get(0);
            ConsumerRecord<String, String> badAgain = awaitMatching(negative, r -> badOrder.equals(r.key()), 1, WAIT).get(0);
            assertThat(header(badAgain, "ce_id")).isEqualTo(header(bad, "ce_id"));
            assertThat(header(badAgain, "ce_type")).isEqualTo("review.received.v1");
            assertThat(badAgain.value()).isEqualTo(bad.value());
            // both copies of an event leave together: the good review's would be there by now
            assertThat(header(good, "ce_type")).isEqualTo("review.received.v1");
            assertThat(matching(negative, r -> goodOrder.equals(r.key()))).isEmpty();

            post(shop, "/api/v1/reviews/revisions", """
                    {"shopId": "%s", "platformReviewId": "R-bad", "rating": "GOOD", "text": "客服很耐心，已经解决了", "revisedAt": "%s"}"""
                    .formatted(shop, RevisionTests.afterWriting(Duration.ofHours(3))));
            ConsumerRecord<String, String> revised = awaitMatching(all,
                    ofType("review.revised.v1").and(r -> badOrder.equals(r.key())), 1, WAIT).get(0);
            ConsumerRecord<String, String> revisedAgain = awaitMatching(negative,
                    ofType("review.revised.v1").and(r -> badOrder.equals(r.key())), 1, WAIT).get(0);
            assertThat(header(revisedAgain, "ce_id")).isEqualTo(header(revised, "ce_id"));
        }
    }

    private static void post(String shop, String path, String body) {
        given().auth().oauth2(TestTokens.integration(shop)).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(201);
    }
}
