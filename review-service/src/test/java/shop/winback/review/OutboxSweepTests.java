package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/**
 * The outbox keeps an event only until the broker has it. The fast path sends a transaction's events
 * right after the commit and forgets them once acknowledged; in the crash case (a change and its event
 * committed, then the process died before the relay sent it) the sweeper finds the event and publishes it.
 */
@QuarkusTest
class OutboxSweepTests {

    @Inject
    EntityManager em;

    @Inject
    ReviewConfig config;

    @Test
    void eventsTheBrokerAcknowledgedLeaveTheOutbox() {
        String shop = Reviews.uniqueShop();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(given().auth()
                    .oauth2(TestTokens.integration(shop))
                    .contentType(ContentType.JSON)
                    .body(Reviews.json(shop, "R-" + i, Reviews.unique("O"), i == 0 ? "BAD" : "GOOD"))
                    .when()
                    .post("/api/v1/reviews")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery(
                                        "SELECT count(*) FROM outbox_event WHERE subject IN (?1, ?2, ?3)")
                                .setParameter(1, ids.get(0))
                                .setParameter(2, ids.get(1))
                                .setParameter(3, ids.get(2))
                                .getSingleResult())
                        .equals(0L));
    }

    @Test
    void eventCommittedButNeverSentIsPublishedByTheSweeper() {
        UUID id = UUID.randomUUID();
        String key = "O-swept-" + id;
        Instant longAgo = TestClock.now().minusSeconds(60); // the sweeper's grace is counted on the service's clock
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, message_key, type, subject, payload, occurred_at, created_at, attempts)
                        VALUES (?1, ?2, ?3, 'review.received.v1', 'review-x', '{"swept": true}', ?4, ?4, 0)""")
                        .setParameter(1, id)
                        .setParameter(2, config.topic())
                        .setParameter(3, key)
                        .setParameter(4, longAgo)
                        .executeUpdate());

        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            var record = awaitMatching(topic, r -> key.equals(r.key()), 1, Duration.ofSeconds(20))
                    .get(0);
            assertThat(header(record, "ce_id")).isEqualTo(id.toString());
            assertThat(record.value()).isEqualTo("{\"swept\": true}");
        }
        // once the broker has it, the outbox forgets it
        await().atMost(Duration.ofSeconds(10))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                        .equals(0L));
    }
}
