package shop.winback.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static shop.winback.ticket.TestData.hire;
import static shop.winback.ticket.TestData.receive;
import static shop.winback.ticket.TestData.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;
import shop.winback.ticket.EventStreams.Event;
import shop.winback.ticket.EventStreams.Stream;
import shop.winback.ticket.config.CompensationsConfig;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.live.LiveFeed;
import shop.winback.ticket.service.SlaWatch;
import shop.winback.ticket.service.TicketDesk;

/**
 * The live streams of issue 18 against the real broker and database: a review routed to an agent reaches that
 * agent's desk and the shop's supervision, and no one else's; a reconnect resumes with Last-Event-ID; the streams are
 * authorised like the REST API.
 */
@QuarkusTest
class LiveStreamTests {

    static final String DESK = "/api/v1/desk/events";

    @Inject
    TicketDesk desk;

    @Inject
    LiveFeed feed;

    @Inject
    SlaWatch slas;

    static String supervision(String shop) {
        return "/api/v1/supervision/events?shopId=" + shop;
    }

    static String agentToken(String shop, String agent) {
        return TestTokens.agent(shop, UUID.fromString(agent), "REVIEW_RECOVERY");
    }

    /** The live consumer starts at the topic's end: what is published before it has its partitions is not for it. */
    @BeforeEach
    void feedReadsTheTopic() {
        await().atMost(Duration.ofSeconds(30)).until(feed::reading);
    }

    @Test
    void aReviewRoutedToAnAgentReachesTheirDeskAndTheShopsSupervisionOnly() {
        String shop = TestData.uniqueShop();
        String otherShop = TestData.uniqueShop();
        String mine = hire(shop, "小王", "REVIEW_RECOVERY", 1, "ONLINE");
        String colleague = hire(shop, "小李", "REVIEW_RECOVERY", 5, "AWAY");
        String elsewhere = hire(otherShop, "小张", "REVIEW_RECOVERY", 5, "ONLINE");
        try (Stream myDesk = EventStreams.open(DESK, agentToken(shop, mine));
                Stream colleaguesDesk = EventStreams.open(DESK, agentToken(shop, colleague));
                Stream otherShopsDesk = EventStreams.open(DESK, agentToken(otherShop, elsewhere));
                Stream supervisor = EventStreams.open(supervision(shop), TestTokens.supervisor(shop));
                Stream otherSupervisor = EventStreams.open(supervision(otherShop), TestTokens.supervisor(otherShop))) {
            assertThat(myDesk.status).isEqualTo(200);
            assertThat(myDesk.contentType).startsWith("text/event-stream");

            long posted = System.nanoTime();
            Ticket ticket = receive(desk, review(shop, Rating.BAD));
            String id = ticket.id.toString();
            Event assigned =
                    myDesk.await(e -> e.name().equals("assigned") && id.equals(e.ticketId()), Duration.ofSeconds(5));
            Duration latency = Duration.ofNanos(System.nanoTime() - posted);
            System.out.printf("LIVE review_to_desk_ms=%d%n", latency.toMillis());
            assertThat(assigned.id()).isNotBlank();
            assertThat(assigned.json().getString("shopId")).isEqualTo(shop);
            assertThat(assigned.json().getString("agentId")).isEqualTo(mine);
            assertThat(assigned.json().getString("orderId")).isEqualTo(ticket.orderId);
            assertThat(Instant.parse(assigned.json().getString("at"))).isNotNull();
            assertThat(assigned.data()).doesNotContain("buyer", "沈阳");
            Event supervised = supervisor.await("assigned", id);
            assertThat(supervised.json().getString("agentId")).isEqualTo(mine);

            // later events these streams do get: had the first been theirs, it would have come before
            TestData.setStatus(shop, colleague, "ONLINE");
            Ticket colleaguesTicket = receive(desk, review(shop, Rating.BAD)); // mine is full (capacity 1)
            colleaguesDesk.await("assigned", colleaguesTicket.id.toString());
            Ticket otherShopsTicket = receive(desk, review(otherShop, Rating.BAD));
            otherShopsDesk.await("assigned", otherShopsTicket.id.toString());
            otherSupervisor.await("assigned", otherShopsTicket.id.toString());

            assertThat(colleaguesDesk.about(id)).isEmpty();
            assertThat(otherShopsDesk.about(id)).isEmpty();
            assertThat(otherSupervisor.about(id)).isEmpty();
            assertThat(myDesk.about(colleaguesTicket.id.toString())).isEmpty();
        }
    }

    @Test
    void aReconnectWithTheLastEventIdReplaysWhatWasMissed() {
        String shop = TestData.uniqueShop();
        String mine = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String token = agentToken(shop, mine);
        String first;
        String lastId;
        try (Stream before = EventStreams.open(DESK, token)) {
            first = receive(desk, review(shop, Rating.BAD)).id.toString();
            lastId = before.await("assigned", first).id();
        }
        String missed;
        try (Stream otherTab = EventStreams.open(DESK, token)) { // so the test knows the feed has it
            missed = receive(desk, review(shop, Rating.NEUTRAL)).id.toString();
            otherTab.await("assigned", missed);
        }
        try (Stream again = EventStreams.open(DESK, token, lastId)) {
            again.await("assigned", missed);
            assertThat(again.events.get(0).name()).isEqualTo("assigned");
            assertThat(again.events.get(0).ticketId()).isEqualTo(missed);
            assertThat(again.about(first)).as("not given twice").isEmpty();

            String live = receive(desk, review(shop, Rating.BAD)).id.toString();
            again.await("assigned", live);
        }
    }

    @Test
    void anUnknownLastEventIdGivesResetThenGoesOnLive() {
        String shop = TestData.uniqueShop();
        String mine = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        try (Stream stream = EventStreams.open(DESK, agentToken(shop, mine), "not-one-of-ours")) {
            Event reset = stream.await(e -> true, Duration.ofSeconds(10));
            assertThat(reset.name()).isEqualTo("reset");
            assertThat(reset.id()).isNotBlank();

            String ticket = receive(desk, review(shop, Rating.BAD)).id.toString();
            stream.await("assigned", ticket);
        }
    }

    @Test
    void supervisionSeesTheQueue() {
        String shop = TestData.uniqueShop();
        try (Stream supervisor = EventStreams.open(supervision(shop), TestTokens.manager(shop))) {
            Ticket waiting = receive(desk, review(shop, Rating.BAD)); // nobody to take it
            Event queued = supervisor.await("queued", waiting.id.toString());
            assertThat(queued.json().getString("shopId")).isEqualTo(shop);
        }
    }

    @Test
    void aBreachReachesSupervisionAndTheAgentsDesk() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        String lead = hire(shop, "主管", "SUPERVISOR", 5, "ONLINE");
        try (Stream supervisor = EventStreams.open(supervision(shop), TestTokens.supervisor(shop));
                Stream agentsDesk = EventStreams.open(DESK, agentToken(shop, agent))) {
            Ticket taken = receive(desk, review(shop, Rating.BAD));
            String id = taken.id.toString();
            assertThat(supervisor.await("assigned", id).json().getString("agentId"))
                    .isEqualTo(agent);
            Instant due =
                    QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(taken.id).firstContactDueAt);
            while (slas.escalateOverdue(due.plusSeconds(1)) > 0) {
                // every test's overdue tickets, 500 at a time
            }
            Event breached = supervisor.await("breached", id);
            assertThat(breached.json().getString("reason")).isEqualTo("FIRST_CONTACT_OVERDUE");
            assertThat(breached.json().getString("supervisorId")).isEqualTo(lead);
            assertThat(breached.json().getString("dueAt")).isNotNull();
            assertThat(supervisor.await("escalated", id).id()).isEqualTo(breached.id());
            assertThat(agentsDesk.await("escalated", id).json().getString("reason"))
                    .isEqualTo("FIRST_CONTACT_OVERDUE");
        }
    }

    @Test
    void aReassignmentLeavesOneDeskForAnotherAndTheBuyerOnlineAndTheResolutionFollowIt() {
        String shop = TestData.uniqueShop();
        String first = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        try (Stream firstDesk = EventStreams.open(DESK, agentToken(shop, first))) {
            Ticket ticket = receive(desk, review(shop, Rating.BAD));
            String id = ticket.id.toString();
            firstDesk.await("assigned", id);
            String second = hire(shop, "小李", "REVIEW_RECOVERY", 5, "ONLINE");
            try (Stream secondDesk = EventStreams.open(DESK, agentToken(shop, second));
                    Stream supervisor = EventStreams.open(supervision(shop), TestTokens.supervisor(shop))) {
                TestData.asSupervisor(shop)
                        .contentType("application/json")
                        .body("{\"agentId\": \"" + second + "\"}")
                        .post("/api/v1/tickets/" + id + "/reassignment")
                        .then()
                        .statusCode(200);
                Event gone = firstDesk.await("unassigned", id);
                assertThat(gone.json().getString("agentId")).isEqualTo(second);
                assertThat(gone.json().getString("previousAgentId")).isEqualTo(first);
                assertThat(gone.json().getString("reason")).isEqualTo("MOVED");
                Event came = secondDesk.await("assigned", id);
                assertThat(came.json().getString("previousAgentId")).isEqualTo(first);
                assertThat(supervisor.await("assigned", id).json().getString("previousAgentId"))
                        .isEqualTo(first);

                given().auth()
                        .oauth2(TestTokens.integration(shop))
                        .contentType("application/json")
                        .body("{\"online\": true}")
                        .put("/api/v1/buyers/" + ticket.buyerId + "/presence")
                        .then()
                        .statusCode(200);
                Event callNow = secondDesk.await("call-now", id);
                assertThat(callNow.json().getInt("callsLeftToday")).isPositive();
                assertThat(firstDesk.about(id)).noneMatch(e -> e.name().equals("call-now"));

                TestData.close(shop, ticket.id);
                assertThat(secondDesk.await("closed", id).json().getString("outcome"))
                        .isEqualTo("EXPLAINED");
                supervisor.await("closed", id);
            }
        }
    }

    @Test
    void aCompensationWaitingForApprovalAndItsDecisionReachSupervision() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        Ticket ticket = receive(desk, review(shop, Rating.BAD));
        UUID compensation = UUID.randomUUID();
        try (Stream supervisor = EventStreams.open(supervision(shop), TestTokens.supervisor(shop))) {
            publishCompensation(shop, ticket, agent, compensation, "compensation.requested.v1", "PENDING", null);
            Event waiting = supervisor.await(
                    e -> e.name().equals("approval-waiting")
                            && compensation.toString().equals(e.json().getString("compensationId")),
                    Duration.ofSeconds(20));
            assertThat(waiting.ticketId()).isEqualTo(ticket.id.toString());
            assertThat(waiting.json().getString("agentId")).isEqualTo(agent);
            assertThat(waiting.json().getString("reason")).isEqualTo("ABOVE_AUTHORITY");
            assertThat(waiting.data()).doesNotContain("衣服有破洞");

            publishCompensation(
                    shop, ticket, agent, compensation, "compensation.approved.v1", "APPROVED", shop + "/supervisor");
            Event decided = supervisor.await("approval-decided", ticket.id.toString());
            assertThat(decided.json().getString("outcome")).isEqualTo("APPROVED");
        }
    }

    @Inject
    CompensationsConfig compensations;

    void publishCompensation(
            String shop, Ticket ticket, String agent, UUID id, String type, String status, String decidedBy) {
        String json = """
                {"compensationId":"%s","shopId":"%s","orderId":"%s","ticketId":"%s","agentId":"%s",
                 "agentTier":"REVIEW_RECOVERY","type":"PARTIAL_REFUND","amountFen":5000,"currency":"CNY","status":"%s",
                 "reason":"衣服有破洞","decidedBy":%s,"comment":null,"requiredLevel":"SUPERVISOR","withinAuthority":false,
                 "approvalBecause":"ABOVE_AUTHORITY","payoutId":null,"occurredAt":"%s"}""".formatted(
                        id,
                        shop,
                        ticket.orderId,
                        ticket.id,
                        agent,
                        status,
                        decidedBy == null ? "null" : "\"" + decidedBy + "\"",
                        TestClock.now());
        KafkaTopics.publish(
                compensations.topic(),
                "/winback/compensation-service",
                ticket.orderId,
                json,
                UUID.randomUUID().toString(),
                type);
    }

    @Test
    void aSupervisorOfAnotherShopIsForbidden() {
        String shop = TestData.uniqueShop();
        given().auth()
                .oauth2(TestTokens.supervisor(TestData.uniqueShop()))
                .accept("text/event-stream")
                .get(supervision(shop))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void anAgentTokenIsForbiddenOnTheSupervisionStream() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        given().auth()
                .oauth2(agentToken(shop, agent))
                .accept("text/event-stream")
                .get(supervision(shop))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
