package shop.winback.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.ofType;
import static shop.winback.ticket.TestData.hire;
import static shop.winback.ticket.TestData.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.service.ShiftChanges;
import shop.winback.ticket.service.SqlValues;

/** A shift starts: the queue is handed out by the shift-change timer, with no other event. */
@QuarkusTest
class ShiftChangeTests {

    static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    TicketConfig config;

    @Inject
    ShiftChanges shiftChanges;

    @Inject
    shop.winback.ticket.service.TicketDesk desk;

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

    static Ticket ticketOfOrder(String shop, String order) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Ticket.<Ticket>find("shopId = ?1 and orderId = ?2", shop, order)
                        .firstResult());
    }

    static Instant timerOf(String shop) {
        return QuarkusTransaction.requiringNew()
                .call(() -> SqlValues.instant(Ticket.getEntityManager()
                        .createNativeQuery("SELECT due_at FROM shift_change_timer WHERE shop_id = ?1")
                        .setParameter(1, shop)
                        .getSingleResult()));
    }

    /** The review as review-service publishes it on reviews.v1. */
    void publish(ReviewReceivedV1 review) {
        KafkaTopics.publish(
                config.reviewsTopic(),
                "/winback/review-service",
                review.orderId(),
                TestData.json(review),
                UUID.randomUUID().toString(),
                ReviewReceivedV1.TYPE);
    }

    @Test
    void aTicketThatArrivedWhileNobodyWasOnShiftIsAssignedWhenTheShiftStarts() throws Exception {
        String shop = TestData.uniqueShop();
        // on the clock under test, the day shift starts in 40 seconds; until then the night shift runs
        Instant dayStarts = TestClock.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        LocalTime start = dayStarts.atZone(TestClock.SHANGHAI).toLocalTime();
        TestData.settings(shop, """
                {"dayShiftStart": "%s", "dayShiftEnd": "%s", "nightShiftStart": "%s", "nightShiftEnd": "%s"}""".formatted(start, start.plusHours(2), start.plusHours(2), start));
        String early = hire(shop, "早班", "REVIEW_RECOVERY", 5, "ONLINE", "DAY");
        assertThat(timerOf(shop)).as("the shop's next shift change").isEqualTo(dayStarts);

        ReviewReceivedV1 review = review(shop, Rating.BAD);
        publish(review);
        await().atMost(WAIT).until(() -> ticketOfOrder(shop, review.orderId()) != null);
        assertThat(TestClock.now())
                .as("the test reached this point before the shift began")
                .isBefore(dayStarts);
        assertThat(ticketOfOrder(shop, review.orderId()).status)
                .as("nobody on shift yet")
                .isEqualTo(TicketStatus.WAITING);

        // nothing else happens: no review, no agent change, no resolution; the shift starts
        await().atMost(WAIT).until(() -> ticketOfOrder(shop, review.orderId()).status == TicketStatus.ASSIGNED);
        Ticket assigned = ticketOfOrder(shop, review.orderId());
        assertThat(assigned.agentId).hasToString(early);
        assertThat(assigned.assignedAt).isAfterOrEqualTo(dayStarts);
        var event = awaitMatching(
                        tickets,
                        r -> review.orderId().equals(r.key())
                                && ofType("ticket.assigned.v1").test(r),
                        1,
                        WAIT)
                .get(0);
        assertThat(AsyncApiContract.ofClasspath().violations("ticket.assigned.v1", json.readTree(event.value())))
                .isEmpty();
        assertThat(json.readTree(event.value()).get("agentId").asText()).isEqualTo(early);
        assertThat(timerOf(shop))
                .as("moved on to the next change: the day shift's end")
                .isEqualTo(dayStarts.plus(Duration.ofHours(2)));
    }

    @Test
    void whenTheDayShiftStartsWhatTheNightLeftOpenIsHandedOverNotMerelyRouted() {
        String shop = TestData.uniqueShop();
        Instant dayStarts = TestClock.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
        LocalTime start = dayStarts.atZone(TestClock.SHANGHAI).toLocalTime();
        TestData.settings(shop, """
                {"dayShiftStart": "%s", "dayShiftEnd": "%s", "nightShiftStart": "%s", "nightShiftEnd": "%s"}""".formatted(start, start.plusHours(2), start.plusHours(2), start));
        String night = hire(shop, "夜班", "REVIEW_RECOVERY", 1, "ONLINE", "NIGHT");
        String day = hire(shop, "白班", "REVIEW_RECOVERY", 5, "ONLINE", "DAY");
        Ticket ofTheNight = TestData.receive(desk, review(shop, Rating.BAD));
        Ticket leftWaiting = TestData.receive(desk, review(shop, Rating.NEUTRAL));
        assertThat(TestClock.now())
                .as("the test reached this point before the shift began")
                .isBefore(dayStarts);
        assertThat(ticketOfOrder(shop, ofTheNight.orderId).agentId).hasToString(night);
        assertThat(ticketOfOrder(shop, leftWaiting.orderId).status).isEqualTo(TicketStatus.WAITING);

        await().atMost(WAIT).until(() -> ticketOfOrder(shop, leftWaiting.orderId).status == TicketStatus.ASSIGNED);
        for (Ticket t : List.of(ofTheNight, leftWaiting)) {
            Ticket now = ticketOfOrder(shop, t.orderId);
            assertThat(now.agentId).hasToString(day);
            assertThat(now.handedOverAt)
                    .as("handed over, with the touch-by deadline")
                    .isNotNull();
            assertThat(now.handoverDueAt).isNotNull();
        }
        TestData.asSupervisor(shop)
                .get("/api/v1/handovers/" + dayStarts.atZone(TestClock.SHANGHAI).toLocalDate())
                .then()
                .statusCode(200)
                .body(
                        "tickets.ticketId",
                        org.hamcrest.Matchers.containsInAnyOrder(ofTheNight.id.toString(), leftWaiting.id.toString()));
    }

    @Test
    void aShiftChangeMissedWhileNoInstanceRanFiresOnceEvenWithTwoInstances() throws Exception {
        String shop = TestData.uniqueShop();
        TestData.onShiftNow(shop, "DAY");
        String agent = hire(shop, "白班", "REVIEW_RECOVERY", 2, "OFFLINE", "DAY");
        List<String> orders =
                List.of("O-a-" + UUID.randomUUID(), "O-b-" + UUID.randomUUID(), "O-c-" + UUID.randomUUID());
        for (String order : orders) {
            publish(review(shop, Rating.BAD, order));
        }
        await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> ticketOfOrder(shop, o) != null));
        // the agent was on shift all along, but came online without passing through the dispatcher (a fix
        // in the database), and the shift change that would have handed out the queue came while no
        // instance ran: the timer is overdue when the service starts again
        QuarkusTransaction.requiringNew().run(() -> {
            Agent.update("status = ?1 where id = ?2", AgentStatus.ONLINE, UUID.fromString(agent));
            Ticket.getEntityManager()
                    .createNativeQuery("UPDATE shift_change_timer SET due_at = ?1 WHERE shop_id = ?2")
                    .setParameter(1, Timestamp.from(TestClock.hoursAgo(1)))
                    .setParameter(2, shop)
                    .executeUpdate();
        });
        // two instances fire at once, besides this one's own timer
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> shiftChanges.fire(shop));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> shiftChanges.fire(shop));
        CompletableFuture.allOf(one, two).get();

        await().atMost(WAIT)
                .until(() -> orders.stream()
                                .filter(o -> ticketOfOrder(shop, o).status == TicketStatus.ASSIGNED)
                                .count()
                        == 2);
        int open =
                QuarkusTransaction.requiringNew().call(() -> Agent.<Agent>findById(UUID.fromString(agent)).openTickets);
        assertThat(open).as("capacity held").isEqualTo(2);
        assertThat(timerOf(shop)).as("set to the next change").isAfter(TestClock.now());
        for (String order : orders) {
            int expected = ticketOfOrder(shop, order).status == TicketStatus.ASSIGNED ? 1 : 0;
            if (expected == 1) {
                awaitMatching(
                        tickets,
                        r -> order.equals(r.key())
                                && ofType("ticket.assigned.v1").test(r),
                        1,
                        WAIT);
            }
            assertThat(KafkaTopics.matching(
                            tickets,
                            r -> order.equals(r.key())
                                    && ofType("ticket.assigned.v1").test(r)))
                    .as("assigned once")
                    .hasSize(expected);
        }
    }
}
