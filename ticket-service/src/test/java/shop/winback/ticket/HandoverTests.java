package shop.winback.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.ofType;
import static shop.winback.ticket.TestData.hire;
import static shop.winback.ticket.TestData.receive;
import static shop.winback.ticket.TestData.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
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
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.service.NightHandover;
import shop.winback.ticket.service.NightHandover.HandedOver;
import shop.winback.ticket.service.NightHandover.Report;
import shop.winback.ticket.service.SlaWatch;
import shop.winback.ticket.service.TicketDesk;

/** 晚班交接: what the night shift left open goes to the day shift, and must be touched by noon. */
@QuarkusTest
class HandoverTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TicketDesk desk;

    @Inject
    NightHandover handover;

    @Inject
    SlaWatch slas;

    @Inject
    TicketConfig config;

    @Inject
    ObjectMapper json;

    ConsumerTask<String, String> tickets;

    @BeforeEach
    void watch() {
        tickets = KafkaTopics.watch(config.topic());
    }

    @AfterEach
    void stopWatching() {
        tickets.close();
    }

    static Ticket reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(id));
    }

    long escalations(UUID ticket, String reason) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Ticket.getEntityManager()
                                .createNativeQuery(
                                        "SELECT count(*) FROM ticket_escalation WHERE ticket_id = ?1 AND reason = ?2")
                                .setParameter(1, ticket)
                                .setParameter(2, reason)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void theNightShiftsOpenTicketsGoToTheDayShiftOnceAndMustBeTouchedByTheDeadline() throws Exception {
        String shop = TestData.uniqueShop();
        TestData.onShiftNow(shop, "NIGHT");
        String night = hire(shop, "夜班", "REVIEW_RECOVERY", 5, "ONLINE", "NIGHT");
        Ticket touched = receive(desk, review(shop, Rating.BAD));
        Ticket untouched = receive(desk, review(shop, Rating.NEUTRAL));
        assertThat(reload(touched.id).agentId).hasToString(night);

        // morning: the day shift starts
        TestData.onShiftNow(shop, "DAY");
        String day = hire(shop, "白班", "REVIEW_RECOVERY", 5, "ONLINE", "DAY");
        Report report = handover.handOver(shop, TestClock.now());
        assertThat(report.tickets())
                .extracting(HandedOver::ticketId)
                .containsExactlyInAnyOrder(touched.id, untouched.id);
        assertThat(report.tickets()).allSatisfy(h -> {
            assertThat(h.fromAgentId()).hasToString(night);
            assertThat(h.toAgentId()).hasToString(day);
        });
        assertThat(handover.handOver(shop, TestClock.now())).as("once a day").isNull();
        TestData.asSupervisor(shop).get("/api/v1/agents/" + night).then().body("openTickets", equalTo(0));
        TestData.asSupervisor(shop).get("/api/v1/agents/" + day).then().body("openTickets", equalTo(2));
        TestData.asSupervisor(shop)
                .post("/api/v1/handovers")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        ConsumerRecord<String, String> event = awaitMatching(
                        tickets,
                        r -> touched.orderId.equals(r.key())
                                && ofType("ticket.handed-over.v1").test(r),
                        1,
                        WAIT)
                .get(0);
        assertThat(AsyncApiContract.ofClasspath().violations("ticket.handed-over.v1", json.readTree(event.value())))
                .isEmpty();

        TestData.asAgent(shop, day)
                .contentType("application/json")
                .body("{\"channel\": \"PHONE\", \"outcome\": \"REACHED\"}")
                .post("/api/v1/tickets/" + touched.id + "/contacts")
                .then()
                .statusCode(201);
        TestData.asSupervisor(shop)
                .get("/api/v1/handovers/" + report.shiftDate())
                .then()
                .statusCode(200)
                .body("tickets", hasSize(2))
                .body("tickets.find { it.ticketId == '" + touched.id + "' }.touched", equalTo(true))
                .body("tickets.find { it.ticketId == '" + untouched.id + "' }.touched", equalTo(false));

        Instant now = TestClock.now();
        Instant pastDeadline = report.touchBy().isAfter(now) ? report.touchBy().plusSeconds(1) : now.plusSeconds(1);
        while (slas.escalateOverdue(pastDeadline) > 0) {
            // every test's overdue tickets, 500 at a time
        }
        assertThat(escalations(untouched.id, "HANDOVER_OVERDUE")).isEqualTo(1);
        assertThat(escalations(touched.id, "HANDOVER_OVERDUE")).isZero();
    }

    @Test
    void noHandoverReportForADayWithoutHandoverAndBadDatesAreRejected() {
        String shop = TestData.uniqueShop();
        String yesterday = TestClock.today(TestClock.SHANGHAI).minusDays(1).toString();
        TestData.asSupervisor(shop)
                .get("/api/v1/handovers/" + yesterday)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        TestData.asSupervisor(shop)
                .get("/api/v1/handovers/yesterday")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aHandoverWithNothingLeftOpenIsStillReported() {
        String shop = TestData.uniqueShop();
        Report report = handover.handOver(shop, TestClock.now());
        assertThat(report.tickets()).isEmpty();
        TestData.asSupervisor(shop)
                .get("/api/v1/handovers/" + report.shiftDate())
                .then()
                .statusCode(200)
                .body("tickets", hasSize(0))
                .body("id", equalTo(report.id().toString()));
    }
}
