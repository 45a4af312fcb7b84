package shop.winback.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;
import static shop.winback.testing.KafkaTopics.ofType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;

/** reviews.v1 in, tickets.v1 out, on the real broker and database. */
@QuarkusTest
class ReviewEventsTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TicketConfig config;

    @Inject
    ObjectMapper json;

    ConsumerTask<String, String> tickets;
    ConsumerTask<String, String> deadLetters;
    AsyncApiContract contract;

    @BeforeEach
    void watch() throws Exception {
        contract = AsyncApiContract.ofClasspath();
        tickets = KafkaTopics.watch(config.topic());
        deadLetters = KafkaTopics.watch(config.reviewsTopic() + ".ticket-service.dlq");
    }

    @AfterEach
    void stopWatching() {
        tickets.close();
        deadLetters.close();
    }

    void send(String key, String value, String ceId, String ceType) {
        send(key, value, ceId, ceType, null);
    }

    void send(String key, String value, String ceId, String ceType, String traceParent) {
        KafkaTopics.publish(config.reviewsTopic(), "/winback/review-service", key, value, ceId, ceType, traceParent);
    }

    void send(ReviewReceivedV1 review, String ceId) {
        send(review.orderId(), TestData.json(review), ceId, ReviewReceivedV1.TYPE);
    }

    @Test
    void badReviewEventOpensATicketAndAssignsItWithEventsOnTicketsTopic() throws Exception {
        String shop = TestData.uniqueShop();
        String agent = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 review = TestData.review(shop, Rating.BAD);

        send(review, UUID.randomUUID().toString());

        List<ConsumerRecord<String, String>> events =
                awaitMatching(tickets, r -> review.orderId().equals(r.key()), 2, WAIT);
        assertThat(events)
                .extracting(r -> header(r, "ce_type"))
                .containsExactly("ticket.opened.v1", "ticket.assigned.v1");
        for (ConsumerRecord<String, String> event : events) {
            assertThat(contract.violations(header(event, "ce_type"), json.readTree(event.value())))
                    .as("%s matches asyncapi.yaml", header(event, "ce_type"))
                    .isEmpty();
        }
        ConsumerRecord<String, String> assigned = events.get(1);
        assertThat(header(assigned, "ce_source")).isEqualTo("/winback/ticket-service");
        JsonNode data = json.readTree(assigned.value());
        assertThat(data.get("agentId").asText()).isEqualTo(agent);
        assertThat(data.get("agentName").asText()).isEqualTo("小王");
        assertThat(data.get("shopId").asText()).isEqualTo(shop);
        assertThat(data.get("reviewId").asText()).isEqualTo(review.reviewId().toString());
        assertThat(header(assigned, "ce_subject"))
                .isEqualTo(data.get("ticketId").asText());

        TestData.asSupervisor(shop)
                .queryParam("shopId", shop)
                .queryParam("agentId", agent)
                .queryParam("status", "ASSIGNED")
                .when()
                .get("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].orderId", org.hamcrest.Matchers.equalTo(review.orderId()));

        TestData.close(shop, UUID.fromString(data.get("ticketId").asText()));
        ConsumerRecord<String, String> closed = awaitMatching(
                        tickets,
                        r -> review.orderId().equals(r.key())
                                && ofType("ticket.closed.v1").test(r),
                        1,
                        WAIT)
                .get(0);
        assertThat(contract.violations("ticket.closed.v1", json.readTree(closed.value())))
                .isEmpty();
        assertThat(json.readTree(closed.value()).get("agentId").asText()).isEqualTo(agent);
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneTicketAndAnotherReviewOfTheOrderJoinsIt() throws Exception {
        String shop = TestData.uniqueShop();
        TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 review = TestData.review(shop, Rating.NEUTRAL);
        String eventId = UUID.randomUUID().toString();
        send(review, eventId);
        send(review, eventId);
        // a later review of the same order: same partition, so handled after both copies
        ReviewReceivedV1 later = TestData.sameOrder(review, Rating.BAD);
        send(later, UUID.randomUUID().toString());

        ConsumerRecord<String, String> added = awaitMatching(
                        tickets,
                        r -> review.orderId().equals(r.key())
                                && ofType("ticket.review-added.v1").test(r)
                                && r.value().contains(later.reviewId().toString()),
                        1,
                        WAIT)
                .get(0);
        assertThat(contract.violations("ticket.review-added.v1", json.readTree(added.value())))
                .isEmpty();
        assertThat(KafkaTopics.matching(
                        tickets,
                        r -> review.orderId().equals(r.key())
                                && ofType("ticket.opened.v1").test(r)))
                .hasSize(1);
        String ticket = TestData.asSupervisor(shop)
                .when()
                .get("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1))
                .extract()
                .path("items[0].id");
        TestData.asSupervisor(shop)
                .when()
                .get("/api/v1/tickets/" + ticket)
                .then()
                .statusCode(200)
                .body("rating", org.hamcrest.Matchers.equalTo("BAD"))
                .body("reviews.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void unprocessableRecordsGoToTheDeadLetterTopicAndConsumptionContinues() {
        String shop = TestData.uniqueShop();
        TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String key = "O-" + UUID.randomUUID();
        send(key, "{this is not json", UUID.randomUUID().toString(), ReviewReceivedV1.TYPE);
        send(
                key,
                "{\"reviewId\": \"" + UUID.randomUUID() + "\"}",
                UUID.randomUUID().toString(),
                ReviewReceivedV1.TYPE);
        send(key, "{}", null, null);
        send(key, "{}", UUID.randomUUID().toString(), "review.exploded.v9");
        send(TestData.review(shop, Rating.BAD, key), UUID.randomUUID().toString());

        List<ConsumerRecord<String, String>> dead = awaitMatching(deadLetters, r -> key.equals(r.key()), 4, WAIT);
        assertThat(dead)
                .extracting(r -> header(r, "dead-letter-reason"))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(dead.get(0).value()).isEqualTo("{this is not json");
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("not readable");
        assertThat(header(dead.get(1), "dead-letter-reason")).contains("is invalid");
        assertThat(header(dead.get(2), "dead-letter-reason")).contains("ce_id");
        assertThat(header(dead.get(3), "dead-letter-reason")).contains("review.exploded.v9");

        awaitMatching(
                tickets,
                r -> key.equals(r.key()) && ofType("ticket.assigned.v1").test(r),
                1,
                WAIT);
    }

    @Test
    void aRevisionOfAReviewWithoutTicketChangesNothingAndIsNotDeadLettered() {
        String shop = TestData.uniqueShop();
        TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String key = "O-" + UUID.randomUUID();
        ReviewReceivedV1 good = TestData.review(shop, Rating.GOOD, key);
        send(
                key,
                TestData.revisionJson(good, Rating.GOOD, false, TestClock.now()),
                UUID.randomUUID().toString(),
                "review.revised.v1");
        send(key, "{}", UUID.randomUUID().toString(), "review.exploded.v9"); // a marker that is dead-lettered
        send(TestData.review(shop, Rating.BAD, key), UUID.randomUUID().toString());

        awaitMatching(
                tickets,
                r -> key.equals(r.key()) && ofType("ticket.assigned.v1").test(r),
                1,
                WAIT);
        List<ConsumerRecord<String, String>> dead = awaitMatching(deadLetters, r -> key.equals(r.key()), 1, WAIT);
        assertThat(dead).extracting(r -> header(r, "ce_type")).containsExactly("review.exploded.v9");
    }

    @Test
    void aRevisionToGoodRecoversTheTicketAndCreditsTheAgent() throws Exception {
        String shop = TestData.uniqueShop();
        String agent = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 review = TestData.review(shop, Rating.BAD);
        send(review, UUID.randomUUID().toString());
        awaitMatching(
                tickets,
                r -> review.orderId().equals(r.key())
                        && ofType("ticket.assigned.v1").test(r),
                1,
                WAIT);

        // first the rating only: the words still complain, so the ticket stays open with a task
        send(
                review.orderId(),
                TestData.revisionJson(review, Rating.GOOD, true, TestClock.now().minusSeconds(5)),
                UUID.randomUUID().toString(),
                "review.revised.v1");
        ConsumerRecord<String, String> revised = awaitMatching(
                        tickets,
                        r -> review.orderId().equals(r.key())
                                && ofType("ticket.review-revised.v1").test(r),
                        1,
                        WAIT)
                .get(0);
        assertThat(contract.violations("ticket.review-revised.v1", json.readTree(revised.value())))
                .isEmpty();
        assertThat(json.readTree(revised.value()).get("pendingTask").asText()).isEqualTo("ASK_BUYER_TO_UPDATE_TEXT");
        assertThat(json.readTree(revised.value()).get("status").asText()).isEqualTo("ASSIGNED");

        // then the words too: recovered, credited 5 元 for a bad review
        send(
                review.orderId(),
                TestData.revisionJson(review, Rating.GOOD, false, TestClock.now()),
                UUID.randomUUID().toString(),
                "review.revised.v1");
        ConsumerRecord<String, String> resolved = awaitMatching(
                        tickets,
                        r -> review.orderId().equals(r.key())
                                && ofType("ticket.resolved.v1").test(r),
                        1,
                        WAIT)
                .get(0);
        assertThat(contract.violations("ticket.resolved.v1", json.readTree(resolved.value())))
                .isEmpty();
        JsonNode data = json.readTree(resolved.value());
        assertThat(data.get("outcome").asText()).isEqualTo("RECOVERED");
        assertThat(data.get("agentId").asText()).isEqualTo(agent);
        assertThat(data.get("creditFen").asLong()).isEqualTo(500);
        assertThat(data.get("secondsToResolution").asLong()).isGreaterThanOrEqualTo(0);
        TestData.asSupervisor(shop)
                .get("/api/v1/agents/" + agent)
                .then()
                .body("openTickets", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theTicketsEventsContinueTheReviewsTrace() {
        String shop = TestData.uniqueShop();
        TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 review = TestData.review(shop, Rating.BAD);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        send(
                review.orderId(),
                TestData.json(review),
                UUID.randomUUID().toString(),
                ReviewReceivedV1.TYPE,
                "00-" + traceId + "-00f067aa0ba902b7-00");

        List<ConsumerRecord<String, String>> events =
                awaitMatching(tickets, r -> review.orderId().equals(r.key()), 2, WAIT);
        assertThat(events)
                .extracting(r -> header(r, "traceparent"))
                .allSatisfy(parent ->
                        assertThat(parent).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7"));
    }
}
