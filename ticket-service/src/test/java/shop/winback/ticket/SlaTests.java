package shop.winback.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.ofType;
import static shop.winback.ticket.TestData.hire;
import static shop.winback.ticket.TestData.receive;
import static shop.winback.ticket.TestData.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.service.SlaWatch;
import shop.winback.ticket.service.TicketDesk;
import shop.winback.ticket.settings.TicketSettingsStore;

/** Service levels: deadlines in business time, stored on the ticket; a breach escalates once to a supervisor. */
@QuarkusTest
class SlaTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TicketDesk desk;

    @Inject
    SlaWatch slas;

    @Inject
    TicketSettingsStore settings;

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

    /** Escalates everything overdue at that instant, over every test's tickets (a scan takes 500 at a time). */
    void scanAt(Instant at) {
        while (slas.escalateOverdue(at) > 0) {
            // next batch
        }
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
    void deadlinesAreTheShopsTargetsInBusinessTime() {
        String shop = TestData.uniqueShop();
        TestData.settings(shop, "{\"firstContactMinutes\": 20, \"resolutionHours\": 24}");
        Ticket ticket = reload(receive(desk, review(shop, Rating.BAD)).id);
        var hours = settings.effective(shop).businessHours();
        assertThat(ticket.firstContactDueAt).isEqualTo(hours.plus(ticket.openedAt, Duration.ofMinutes(20)));
        assertThat(ticket.resolutionDueAt).isEqualTo(hours.plus(ticket.openedAt, Duration.ofHours(24)));
        assertThat(hours.between(ticket.openedAt, ticket.firstContactDueAt)).isEqualTo(Duration.ofMinutes(20));

        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + ticket.id)
                .then()
                .statusCode(200)
                .body("sla.firstContact.businessSecondsLeft", lessThanOrEqualTo(20 * 60))
                .body("sla.firstContact.businessSecondsLeft", greaterThan(0))
                .body("sla.firstContact.breached", equalTo(false))
                .body("sla.resolution.dueAt", equalTo(ticket.resolutionDueAt.toString()));
    }

    @Test
    void aMissedFirstContactEscalatesOnceToTheSupervisorOnShift() throws Exception {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String supervisor = hire(shop, "主管", "SUPERVISOR", 5, "ONLINE");
        Ticket ticket = reload(receive(desk, review(shop, Rating.BAD)).id);

        scanAt(ticket.firstContactDueAt.minusSeconds(1));
        assertThat(escalations(ticket.id, "FIRST_CONTACT_OVERDUE"))
                .as("not yet due")
                .isZero();
        scanAt(ticket.firstContactDueAt.plusSeconds(1));
        scanAt(ticket.firstContactDueAt.plusSeconds(60));
        assertThat(escalations(ticket.id, "FIRST_CONTACT_OVERDUE")).isEqualTo(1);

        ConsumerRecord<String, String> event = awaitMatching(
                        tickets,
                        r -> ticket.orderId.equals(r.key())
                                && ofType("ticket.escalated.v1").test(r),
                        1,
                        WAIT)
                .get(0);
        assertThat(AsyncApiContract.ofClasspath().violations("ticket.escalated.v1", json.readTree(event.value())))
                .isEmpty();
        JsonNode data = json.readTree(event.value());
        assertThat(data.get("reason").asText()).isEqualTo("FIRST_CONTACT_OVERDUE");
        assertThat(data.get("agentId").asText()).isEqualTo(agent);
        assertThat(data.get("supervisorId").asText()).isEqualTo(supervisor);
        assertThat(KafkaTopics.matching(
                        tickets,
                        r -> ticket.orderId.equals(r.key())
                                && ofType("ticket.escalated.v1").test(r)))
                .as("escalated once")
                .hasSize(1);
        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + ticket.id)
                .then()
                .statusCode(200)
                .body("escalations[0].reason", equalTo("FIRST_CONTACT_OVERDUE"))
                .body("escalations[0].supervisorId", equalTo(supervisor));
    }

    @Test
    void aContactInTimeMeetsTheFirstContactLevel() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        Ticket ticket = reload(receive(desk, review(shop, Rating.BAD)).id);
        TestData.asAgent(shop, agent)
                .contentType("application/json")
                .body("{\"channel\": \"PHONE\", \"outcome\": \"NO_ANSWER\"}")
                .post("/api/v1/tickets/" + ticket.id + "/contacts")
                .then()
                .statusCode(201);

        scanAt(ticket.firstContactDueAt.plusSeconds(1));
        assertThat(escalations(ticket.id, "FIRST_CONTACT_OVERDUE")).isZero();
        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + ticket.id)
                .then()
                .statusCode(200)
                .body("sla.firstContact.breached", equalTo(false))
                .body("sla.firstContact.metAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aResolvedTicketNeverEscalatesAndAnOverdueOneEscalatesForResolutionToo() {
        String shop = TestData.uniqueShop();
        hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        Ticket resolved = reload(receive(desk, review(shop, Rating.BAD)).id);
        Ticket open = reload(receive(desk, review(shop, Rating.NEUTRAL)).id);
        TestData.close(shop, resolved.id);

        scanAt(open.resolutionDueAt.plusSeconds(1));
        assertThat(escalations(resolved.id, "FIRST_CONTACT_OVERDUE") + escalations(resolved.id, "RESOLUTION_OVERDUE"))
                .isZero();
        assertThat(escalations(open.id, "FIRST_CONTACT_OVERDUE")).isEqualTo(1);
        assertThat(escalations(open.id, "RESOLUTION_OVERDUE")).isEqualTo(1);
    }

    @Test
    void aTicketNobodyTakesWithinTheQueueWaitLimitIsEscalatedOnce() throws Exception {
        String shop = TestData.uniqueShop();
        TestData.asSupervisor(shop)
                .get("/api/v1/ticket-settings")
                .then()
                .statusCode(200)
                .body("queueWaitMinutes", equalTo(5));
        TestData.settings(shop, "{\"queueWaitMinutes\": 3}");
        String supervisor = hire(shop, "主管", "SUPERVISOR", 5, "ONLINE");
        Ticket waiting = reload(receive(desk, review(shop, Rating.BAD)).id); // no recovery agent at all
        var hours = settings.effective(shop).businessHours();
        assertThat(waiting.queueDueAt).isEqualTo(hours.plus(waiting.openedAt, Duration.ofMinutes(3)));
        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + waiting.id)
                .then()
                .statusCode(200)
                .body("sla.queue.dueAt", equalTo(waiting.queueDueAt.toString()))
                .body("sla.queue.breached", equalTo(false));

        scanAt(waiting.queueDueAt.minusSeconds(1));
        assertThat(escalations(waiting.id, "QUEUE_WAIT_OVERDUE")).as("not yet").isZero();
        scanAt(waiting.queueDueAt.plusSeconds(1));
        scanAt(waiting.queueDueAt.plusSeconds(30));
        assertThat(escalations(waiting.id, "QUEUE_WAIT_OVERDUE")).isEqualTo(1);

        ConsumerRecord<String, String> event = awaitMatching(
                        tickets,
                        r -> waiting.orderId.equals(r.key())
                                && ofType("ticket.escalated.v1").test(r)
                                && r.value().contains("QUEUE_WAIT_OVERDUE"),
                        1,
                        WAIT)
                .get(0);
        assertThat(AsyncApiContract.ofClasspath().violations("ticket.escalated.v1", json.readTree(event.value())))
                .isEmpty();
        JsonNode data = json.readTree(event.value());
        assertThat(data.get("supervisorId").asText()).isEqualTo(supervisor);
        assertThat(data.hasNonNull("agentId")).as("still waiting").isFalse();
        assertThat(data.get("dueAt").asText()).isEqualTo(waiting.queueDueAt.toString());
    }

    @Test
    void aTicketTakenAtOnceNeverEscalatesForTheQueue() {
        String shop = TestData.uniqueShop();
        hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        Ticket taken = reload(receive(desk, review(shop, Rating.BAD)).id);
        scanAt(taken.queueDueAt.plusSeconds(1));
        assertThat(escalations(taken.id, "QUEUE_WAIT_OVERDUE")).isZero();
        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + taken.id)
                .then()
                .statusCode(200)
                .body("sla.queue.metAt", equalTo(taken.assignedAt.toString()));
    }

    @Test
    void twoInstancesScanningAtOnceEscalateABreachOnce() throws Exception {
        String shop = TestData.uniqueShop();
        hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        List<Ticket> opened = List.of(
                reload(receive(desk, review(shop, Rating.BAD)).id),
                reload(receive(desk, review(shop, Rating.BAD)).id),
                reload(receive(desk, review(shop, Rating.BAD)).id));
        Instant at = opened.get(2).firstContactDueAt.plusSeconds(1);
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> scanAt(at));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> scanAt(at));
        CompletableFuture.allOf(one, two).get();
        for (Ticket t : opened) {
            assertThat(escalations(t.id, "FIRST_CONTACT_OVERDUE")).isEqualTo(1);
        }
        awaitMatching(
                tickets,
                r -> opened.get(2).orderId.equals(r.key())
                        && ofType("ticket.escalated.v1").test(r),
                1,
                WAIT);
        for (Ticket t : opened) {
            assertThat(KafkaTopics.matching(
                            tickets,
                            r -> t.orderId.equals(r.key())
                                    && ofType("ticket.escalated.v1").test(r)))
                    .hasSize(1);
        }
    }
}
