package shop.winback.system;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.winback.system.TopicWatcher.type;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SLA deadlines are columns of the ticket, not timers in memory: a ticket-service killed (-9)
 * before a deadline escalates the breach after it comes back.
 */
class TimersSurviveRestartIT {

    static final Duration WAIT = Duration.ofSeconds(40);

    static Stack stack;
    static TopicWatcher tickets;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(
                1,
                Map.of(
                        // business hours round the clock, and a first contact due 8 s after the review: the test's time
                        // scale
                        "TICKET_DEFAULTS_DAY_SHIFT_START",
                        "00:00",
                        "TICKET_DEFAULTS_DAY_SHIFT_END",
                        "00:00",
                        "TICKET_DEFAULTS_NIGHT_SHIFT_START",
                        "00:00",
                        "TICKET_DEFAULTS_NIGHT_SHIFT_END",
                        "00:00",
                        "TICKET_DEFAULTS_FIRST_CONTACT",
                        "PT8S",
                        "TICKET_SLA_SCAN_INTERVAL",
                        "1s"));
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

    @Test
    void aFirstContactDeadlineMissedWhileTheServiceWasDownIsEscalatedWhenItReturns() throws Exception {
        String shop = Api.uniqueShop();
        Api.hire(stack.ticketUrl(0), shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String order = "O-" + UUID.randomUUID();
        Api.postReview(stack.reviewUrl(), shop, Api.review(shop, "R-1", order, "BAD"))
                .then()
                .statusCode(201);
        tickets.await(r -> order.equals(r.key()) && type("ticket.assigned.v1").test(r), 1, WAIT);

        assertThat(tickets.matching(r ->
                        order.equals(r.key()) && type("ticket.escalated.v1").test(r)))
                .as("not due yet")
                .isEmpty();
        stack.killAndRestartTicket(0);
        // the instance was down when the deadline passed (restarting takes longer than 8 s on these machines,
        // and a breach can only be escalated by a running instance); it escalates once it is back
        var escalated = tickets.await(
                r -> order.equals(r.key()) && type("ticket.escalated.v1").test(r), 1, WAIT);
        assertThat(escalated.get(0).value()).contains("FIRST_CONTACT_OVERDUE");
    }
}
