package shop.winback.system;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.winback.system.TopicWatcher.header;
import static shop.winback.system.TopicWatcher.type;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged services end to end: a bad review posted over HTTP comes out assigned on tickets.v1. */
class ReviewToAssignmentIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    static Stack stack;
    static TopicWatcher tickets;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(1);
        tickets = new TopicWatcher(stack.ticketsTopic, 6);
    }

    @AfterAll
    static void stop() throws Exception {
        if (tickets != null) {
            tickets.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    static String field(ConsumerRecord<String, String> record, String name) {
        try {
            return JSON.readTree(record.value()).get(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badReviewIsAssignedToTheOnlineRecoveryAgent() {
        String shop = Api.uniqueShop();
        Api.hire(stack.ticketUrl(0), shop, "售后", "AFTER_SALES", 5, "ONLINE");
        Api.hire(stack.ticketUrl(0), shop, "下线", "REVIEW_RECOVERY", 5, "OFFLINE");
        String expected = Api.hire(stack.ticketUrl(0), shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String order = "O-" + UUID.randomUUID();

        Api.postReview(stack.reviewUrl(), shop, Api.review(shop, "R-1", order, "BAD"))
                .then()
                .statusCode(201);

        ConsumerRecord<String, String> assigned = tickets.await(
                        r -> order.equals(r.key()) && type("ticket.assigned.v1").test(r), 1, WAIT)
                .get(0);
        assertThat(field(assigned, "agentId")).isEqualTo(expected);
        assertThat(field(assigned, "shopId")).isEqualTo(shop);
        assertThat(header(assigned, "ce_source")).isEqualTo("/winback/ticket-service");
    }

    @Test
    void theSameReviewPostedTwiceMakesOneTicketAndAnotherReviewOfTheOrderJoinsIt() {
        String shop = Api.uniqueShop();
        Api.hire(stack.ticketUrl(0), shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String order = "O-" + UUID.randomUUID();
        String body = Api.review(shop, "R-twice", order, "BAD");

        String first = Api.postReview(stack.reviewUrl(), shop, body)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String again = Api.postReview(stack.reviewUrl(), shop, body)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(again).isEqualTo(first);
        // a later review of the same order travels the same partitions behind anything the repeat could cause
        Api.postReview(stack.reviewUrl(), shop, Api.review(shop, "R-later", order, "NEUTRAL"))
                .then()
                .statusCode(201);

        List<ConsumerRecord<String, String>> joined = tickets.await(
                r -> order.equals(r.key())
                        && type("ticket.review-added.v1").test(r)
                        && r.value().contains("R-later"),
                1,
                WAIT);
        assertThat(joined).hasSize(1);
        assertThat(tickets.matching(
                        r -> order.equals(r.key()) && type("ticket.opened.v1").test(r)))
                .hasSize(1);
        assertThat(tickets.matching(
                        r -> order.equals(r.key()) && type("ticket.assigned.v1").test(r)))
                .as("one ticket, one agent: the buyer is called once")
                .hasSize(1);
        assertThat(Api.tickets(stack.ticketUrl(0), shop, null).then().extract().<Integer>path("total"))
                .isEqualTo(1);
    }

    @Test
    void aWaitingTicketIsAssignedWhenAnAgentComesOnline() {
        String shop = Api.uniqueShop();
        String agent = Api.hire(stack.ticketUrl(0), shop, "小李", "REVIEW_RECOVERY", 5, "OFFLINE");
        String order = "O-" + UUID.randomUUID();
        Api.postReview(stack.reviewUrl(), shop, Api.review(shop, "R-wait", order, "NEUTRAL"))
                .then()
                .statusCode(201);

        tickets.await(r -> order.equals(r.key()) && type("ticket.opened.v1").test(r), 1, WAIT);
        assertThat(Api.tickets(stack.ticketUrl(0), shop, "WAITING")
                        .then()
                        .extract()
                        .<Integer>path("total"))
                .isEqualTo(1);
        assertThat(tickets.matching(
                        r -> order.equals(r.key()) && type("ticket.assigned.v1").test(r)))
                .isEmpty();

        Api.setStatus(stack.ticketUrl(0), shop, agent, "ONLINE");

        ConsumerRecord<String, String> assigned = tickets.await(
                        r -> order.equals(r.key()) && type("ticket.assigned.v1").test(r), 1, WAIT)
                .get(0);
        assertThat(field(assigned, "agentId")).isEqualTo(agent);
    }

    @Test
    void aGoodReviewOpensNoTicket() {
        String shop = Api.uniqueShop();
        Api.hire(stack.ticketUrl(0), shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String order = "O-" + UUID.randomUUID();
        Api.postReview(stack.reviewUrl(), shop, Api.review(shop, "R-good", order, "GOOD"))
                .then()
                .statusCode(201);
        Api.postReview(stack.reviewUrl(), shop, Api.review(shop, "R-bad", order, "BAD"))
                .then()
                .statusCode(201);

        tickets.await(r -> order.equals(r.key()) && type("ticket.assigned.v1").test(r), 1, WAIT);
        assertThat(tickets.matching(
                        r -> order.equals(r.key()) && type("ticket.opened.v1").test(r)))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"R-bad\""));
    }
}
