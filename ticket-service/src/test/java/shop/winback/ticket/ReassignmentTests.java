package shop.winback.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.ofType;
import static shop.winback.ticket.TestData.hire;
import static shop.winback.ticket.TestData.receive;
import static shop.winback.ticket.TestData.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestTokens;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.service.TicketDesk;

/** A supervisor moves a ticket to another agent; an agent going offline hands their tickets back to the queue. */
@QuarkusTest
class ReassignmentTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TicketDesk desk;

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

    static int openTickets(String agent) {
        return QuarkusTransaction.requiringNew().call(() -> Agent.<Agent>findById(UUID.fromString(agent)).openTickets);
    }

    static io.restassured.response.Response reassign(RequestSpecification as, UUID ticket, String agent) {
        return as.contentType(ContentType.JSON)
                .body("{\"agentId\": \"" + agent + "\"}")
                .post("/api/v1/tickets/" + ticket + "/reassignment");
    }

    @Test
    void aSupervisorMovesATicketTheLoadsMoveWithItAndTheSlaClocksKeepRunning() throws Exception {
        String shop = TestData.uniqueShop();
        String first = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        Ticket ticket = reload(receive(desk, review(shop, Rating.BAD)).id);
        assertThat(ticket.agentId).hasToString(first);
        String second = hire(shop, "小李", "REVIEW_RECOVERY", 5, "ONLINE");

        reassign(TestData.asSupervisor(shop), ticket.id, second)
                .then()
                .statusCode(200)
                .body("agentId", equalTo(second))
                .body("status", equalTo("ASSIGNED"))
                .body("sla.firstContact.dueAt", equalTo(ticket.firstContactDueAt.toString()))
                .body("sla.resolution.dueAt", equalTo(ticket.resolutionDueAt.toString()));

        Ticket moved = reload(ticket.id);
        assertThat(moved.agentId).hasToString(second);
        assertThat(moved.firstContactDueAt).as("not reset").isEqualTo(ticket.firstContactDueAt);
        assertThat(moved.resolutionDueAt).as("not reset").isEqualTo(ticket.resolutionDueAt);
        assertThat(openTickets(first)).isZero();
        assertThat(openTickets(second)).isEqualTo(1);

        ConsumerRecord<String, String> event = awaitMatching(
                        tickets,
                        r -> ticket.orderId.equals(r.key())
                                && ofType("ticket.reassigned.v1").test(r),
                        1,
                        WAIT)
                .get(0);
        JsonNode data = json.readTree(event.value());
        assertThat(AsyncApiContract.ofClasspath().violations("ticket.reassigned.v1", data))
                .isEmpty();
        assertThat(data.get("fromAgentId").asText()).isEqualTo(first);
        assertThat(data.get("toAgentId").asText()).isEqualTo(second);
        assertThat(data.get("cause").asText()).isEqualTo("MOVED");
        assertThat(data.get("firstContactDueAt").asText()).isEqualTo(ticket.firstContactDueAt.toString());
    }

    @Test
    void theFreedPlaceGoesToTheNextWaitingTicket() {
        String shop = TestData.uniqueShop();
        String busy = hire(shop, "小王", "REVIEW_RECOVERY", 1, "ONLINE");
        Ticket hard = reload(receive(desk, review(shop, Rating.BAD)).id);
        Ticket waiting = reload(receive(desk, review(shop, Rating.NEUTRAL)).id);
        assertThat(waiting.status).isEqualTo(TicketStatus.WAITING);
        // a supervisor takes the hard one over (a tier above the ticket's is fine)
        String supervisor = hire(shop, "主管", "SUPERVISOR", 5, "ONLINE");

        reassign(TestData.asSupervisor(shop), hard.id, supervisor)
                .then()
                .statusCode(200)
                .body("agentId", equalTo(supervisor));
        assertThat(reload(waiting.id).agentId).as("the place it freed").hasToString(busy);
        assertThat(openTickets(busy)).isEqualTo(1);
        assertThat(openTickets(supervisor)).isEqualTo(1);
    }

    @Test
    void aTicketGoesOnlyToAnAgentWhoMayTakeItElseAClearProblemAndNothingChanges() {
        String shop = TestData.uniqueShop();
        TestData.onShiftNow(shop, "DAY");
        String owner = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE", "DAY");
        Ticket ticket = reload(receive(desk, review(shop, Rating.BAD)).id);
        Ticket suspected = reload(receive(desk, TestData.suspected(review(shop, Rating.BAD))).id);
        String full = hire(shop, "满了", "REVIEW_RECOVERY", 0, "ONLINE", "DAY");
        String night = hire(shop, "夜班", "REVIEW_RECOVERY", 5, "ONLINE", "NIGHT");
        String away = hire(shop, "离开", "REVIEW_RECOVERY", 5, "AWAY", "DAY");
        String afterSales = hire(shop, "售后", "AFTER_SALES", 5, "ONLINE", "DAY");
        RequestSpecification supervisor = TestData.asSupervisor(shop);

        Map<String, String> refused = Map.of(
                full,
                "409 agent-at-capacity",
                night,
                "409 agent-off-shift",
                away,
                "409 agent-not-online",
                owner,
                "409 already-assigned",
                afterSales,
                "422 insufficient-tier",
                UUID.randomUUID().toString(),
                "422 unknown-agent");
        refused.forEach((agent, problem) -> reassign(TestData.asSupervisor(shop), ticket.id, agent)
                .then()
                .statusCode(Integer.parseInt(problem.substring(0, 3)))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:" + problem.substring(4))));
        // a supervisor's ticket needs a supervisor or above
        reassign(supervisor, suspected.id, owner)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("SUPERVISOR"));
        reassign(TestData.asSupervisor(shop), ticket.id, "not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        assertThat(reload(ticket.id).agentId).hasToString(owner);
        assertThat(openTickets(owner)).isEqualTo(1);
        assertThat(openTickets(full)).isZero();

        TestData.close(shop, ticket.id);
        reassign(TestData.asSupervisor(shop), ticket.id, night)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:winback:problem:ticket-closed"));
    }

    @Test
    void anAgentCannotMoveAColleaguesTicketButASupervisorTierTokenCan() {
        String shop = TestData.uniqueShop();
        String a = hire(shop, "A", "REVIEW_RECOVERY", 5, "ONLINE");
        Ticket ofA = reload(receive(desk, review(shop, Rating.BAD)).id);
        String b = hire(shop, "B", "REVIEW_RECOVERY", 5, "ONLINE");
        Ticket ofB = reload(receive(desk, review(shop, Rating.BAD)).id);
        assertThat(ofB.agentId).hasToString(b);

        reassign(TestData.asAgent(shop, a), ofB.id, a).then().statusCode(404).contentType("application/problem+json");
        assertThat(reload(ofB.id).agentId).hasToString(b);
        // their own, to a colleague
        reassign(TestData.asAgent(shop, a), ofA.id, b).then().statusCode(200).body("agentId", equalTo(b));
        // a supervisor signed in with their agent profile: the tier in the token decides
        String lead = hire(shop, "主管", "SUPERVISOR", 5, "ONLINE");
        String leadToken = TestTokens.withClaims(
                shop, "agent/" + lead, Set.of("agent"), Map.of("agent_id", lead, "tier", "SUPERVISOR"));
        reassign(given().auth().oauth2(leadToken), ofB.id, a)
                .then()
                .statusCode(200)
                .body("agentId", equalTo(a));
        assertThat(openTickets(a)).isEqualTo(1);
        assertThat(openTickets(b)).isEqualTo(1);
    }

    @Test
    void anAgentGoingOfflineHandsTheirTicketsBackAndTheyAreRoutedToOthers() throws Exception {
        String shop = TestData.uniqueShop();
        String leaving = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        List<Ticket> theirs = List.of(
                reload(receive(desk, review(shop, Rating.BAD)).id),
                reload(receive(desk, review(shop, Rating.NEUTRAL)).id));
        String staying = hire(shop, "小李", "REVIEW_RECOVERY", 5, "ONLINE");

        TestData.asAgent(shop, leaving)
                .contentType(ContentType.JSON)
                .body("{\"handBackTickets\": true}")
                .patch("/api/v1/agents/" + leaving)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("handBackTickets"));
        TestData.asAgent(shop, leaving)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"AWAY\", \"handBackTickets\": true}")
                .patch("/api/v1/agents/" + leaving)
                .then()
                .statusCode(400);
        assertThat(openTickets(leaving)).isEqualTo(2);

        TestData.asAgent(shop, leaving)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"OFFLINE\", \"handBackTickets\": true}")
                .patch("/api/v1/agents/" + leaving)
                .then()
                .statusCode(200)
                .body("status", equalTo("OFFLINE"))
                .body("openTickets", equalTo(0));
        for (Ticket t : theirs) {
            Ticket now = reload(t.id);
            assertThat(now.agentId).as("routed again, to whoever is on").hasToString(staying);
            assertThat(now.firstContactDueAt).isEqualTo(t.firstContactDueAt);
            List<ConsumerRecord<String, String>> events = awaitMatching(
                    tickets,
                    r -> t.orderId.equals(r.key())
                            && (ofType("ticket.reassigned.v1").test(r)
                                    || ofType("ticket.assigned.v1").test(r)),
                    3,
                    WAIT);
            assertThat(events)
                    .extracting(r -> KafkaTopics.header(r, "ce_type"))
                    .containsExactly("ticket.assigned.v1", "ticket.reassigned.v1", "ticket.assigned.v1");
            JsonNode back = json.readTree(events.get(1).value());
            assertThat(AsyncApiContract.ofClasspath().violations("ticket.reassigned.v1", back))
                    .isEmpty();
            assertThat(back.get("cause").asText()).isEqualTo("HANDED_BACK");
            assertThat(back.get("fromAgentId").asText()).isEqualTo(leaving);
            assertThat(back.hasNonNull("toAgentId")).isFalse();
            assertThat(back.get("byAgentId").asText()).isEqualTo(leaving);
        }
        assertThat(openTickets(staying)).isEqualTo(2);
    }
}
