package shop.winback.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.ofType;
import static shop.winback.ticket.TestData.hire;
import static shop.winback.ticket.TestData.receive;
import static shop.winback.ticket.TestData.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestTokens;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.service.TicketDesk;

/** The contact log, buyer notes, the daily call cap, presence and "call now". */
@QuarkusTest
class ContactTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TicketDesk desk;

    @Inject
    TicketConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    PersonalData personalData;

    ConsumerTask<String, String> tickets;

    @BeforeEach
    void watch() {
        tickets = KafkaTopics.watch(config.topic());
    }

    @AfterEach
    void stopWatching() {
        tickets.close();
    }

    static io.restassured.response.ValidatableResponse log(RequestSpecification as, UUID ticket, String body) {
        return as.contentType("application/json")
                .body(body)
                .post("/api/v1/tickets/" + ticket + "/contacts")
                .then();
    }

    @Test
    void attemptsAreLoggedAndNotesOnTheBuyerCarryOverToTheirNextTicket() throws Exception {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 first = review(shop, Rating.BAD);
        Ticket ticket = receive(desk, first);
        log(TestData.asAgent(shop, agent), ticket.id, """
                {"channel": "PHONE", "outcome": "REFUSED", "note": "买家说不需要补偿", "buyerNote": "脾气急，先道歉"}""")
                .statusCode(201)
                .body("channel", equalTo("PHONE"))
                .body("agentId", equalTo(agent));

        ConsumerRecord<String, String> logged = awaitMatching(
                        tickets,
                        r -> first.orderId().equals(r.key())
                                && ofType("ticket.contact-logged.v1").test(r),
                        1,
                        WAIT)
                .get(0);
        assertThat(AsyncApiContract.ofClasspath().violations("ticket.contact-logged.v1", json.readTree(logged.value())))
                .isEmpty();
        assertThat(logged.value())
                .as("notes are free text: never in events")
                .doesNotContain("买家说不需要补偿")
                .doesNotContain("脾气急");
        assertThat(json.readTree(logged.value()).get("firstContact").asBoolean())
                .isTrue();

        TestData.close(shop, ticket.id);
        Ticket next = receive(
                desk,
                TestData.withBuyer(review(shop, Rating.NEUTRAL), first.buyer().id(), false));
        TestData.asAgent(shop, agent)
                .get("/api/v1/tickets/" + next.id)
                .then()
                .statusCode(200)
                .body("buyerNotes", hasSize(1))
                .body("buyerNotes[0].note", equalTo("脾气急，先道歉"))
                .body("contacts", hasSize(0));
        TestData.asAgent(shop, agent)
                .get("/api/v1/tickets/" + ticket.id + "/contacts")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].outcome", equalTo("REFUSED"))
                .body("[0].note", equalTo("买家说不需要补偿"));
    }

    @Test
    void aThirdCallOnOneDayIsRefusedAndNothingIsWritten() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 first = review(shop, Rating.BAD);
        Ticket one = receive(desk, first);
        Ticket two = receive(
                desk, TestData.withBuyer(review(shop, Rating.BAD), first.buyer().id(), false));
        RequestSpecification me = TestData.asAgent(shop, agent);
        log(me, one.id, "{\"channel\": \"PHONE\", \"outcome\": \"NO_ANSWER\"}").statusCode(201);
        log(TestData.asAgent(shop, agent), two.id, "{\"channel\": \"PHONE\", \"outcome\": \"NO_ANSWER\"}")
                .statusCode(201);
        // the cap is per buyer, over all their tickets
        log(
                        TestData.asAgent(shop, agent),
                        one.id,
                        "{\"channel\": \"PHONE\", \"outcome\": \"NO_ANSWER\", \"note\": \"third\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:call-limit-reached"));
        log(TestData.asAgent(shop, agent), one.id, "{\"channel\": \"IM\", \"outcome\": \"REACHED\"}")
                .statusCode(201);
        TestData.asAgent(shop, agent)
                .get("/api/v1/tickets/" + one.id)
                .then()
                .statusCode(200)
                .body("contacts", hasSize(2))
                .body("contactPlan.callsToday", equalTo(2))
                .body("contactPlan.callsLeftToday", equalTo(0));

        TestData.settings(shop, "{\"callsPerBuyerPerDay\": 3}");
        log(TestData.asAgent(shop, agent), one.id, "{\"channel\": \"PHONE\", \"outcome\": \"REACHED\"}")
                .statusCode(201);
    }

    @Test
    void badContactRequestsAreRejectedAndResolvedTicketsTakeNoMoreAttempts() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        Ticket ticket = receive(desk, review(shop, Rating.BAD));
        log(TestData.asAgent(shop, agent), ticket.id, "{\"channel\": \"FAX\", \"outcome\": \"REACHED\"}")
                .statusCode(400)
                .contentType("application/problem+json");
        log(TestData.asAgent(shop, agent), ticket.id, "{\"channel\": \"PHONE\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("outcome"));
        log(
                        TestData.asAgent(shop, agent),
                        ticket.id,
                        "{\"channel\": \"PHONE\", \"outcome\": \"REACHED\", \"note\": \"" + "长".repeat(1001) + "\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("note"));
        TestData.asAgent(shop, agent)
                .get("/api/v1/tickets/" + ticket.id + "/contacts")
                .then()
                .body("", hasSize(0));
        TestData.asAgent(shop, agent)
                .contentType("application/json")
                .body("{\"outcome\": \"UNRECOVERED\"}")
                .post("/api/v1/tickets/" + ticket.id + "/resolution")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        TestData.asAgent(shop, agent)
                .contentType("application/json")
                .body("{\"outcome\": \"RECOVERED\"}")
                .post("/api/v1/tickets/" + ticket.id + "/resolution")
                .then()
                .statusCode(400);
        TestData.asAgent(shop, agent)
                .contentType("application/json")
                .body("{\"outcome\": \"UNRECOVERED\", \"reason\": \"坚持差评，买家13812345678\"}")
                .post("/api/v1/tickets/" + ticket.id + "/resolution")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UNRECOVERED"))
                .body("outcomeReason", equalTo("坚持差评，买家13812345678"));
        // the shop's people see the reason as typed; the event every reporting job reads carries no phone
        var resolved = awaitMatching(
                        tickets,
                        r -> ticket.orderId.equals(r.key())
                                && ofType("ticket.resolved.v1").test(r),
                        1,
                        java.time.Duration.ofSeconds(20))
                .get(0);
        assertThat(resolved.value()).contains("坚持差评，买家138****5678").doesNotContain("13812345678");
        log(TestData.asAgent(shop, agent), ticket.id, "{\"channel\": \"PHONE\", \"outcome\": \"REACHED\"}")
                .statusCode(409);
    }

    @Test
    void whenTheBuyerComesOnlineTheirAgentIsToldToCallNowOnce() throws Exception {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 review = review(shop, Rating.BAD);
        Ticket ticket = receive(desk, review);
        String buyer = review.buyer().id();
        RequestSpecification orderSystem = given().auth().oauth2(TestTokens.integration(shop));
        orderSystem
                .contentType("application/json")
                .body("{\"online\": true}")
                .put("/api/v1/buyers/" + buyer + "/presence")
                .then()
                .statusCode(200)
                .body("callNowTickets", hasSize(1))
                .body("callNowTickets[0]", equalTo(ticket.id.toString()));
        // still online: no second nudge
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType("application/json")
                .body("{\"online\": true}")
                .put("/api/v1/buyers/" + buyer + "/presence")
                .then()
                .statusCode(200)
                .body("callNowTickets", hasSize(0));

        ConsumerRecord<String, String> nudge = awaitMatching(
                        tickets,
                        r -> review.orderId().equals(r.key())
                                && ofType("ticket.call-now.v1").test(r),
                        1,
                        WAIT)
                .get(0);
        assertThat(AsyncApiContract.ofClasspath().violations("ticket.call-now.v1", json.readTree(nudge.value())))
                .isEmpty();
        assertThat(json.readTree(nudge.value()).get("agentId").asText()).isEqualTo(agent);
        TestData.asAgent(shop, agent)
                .get("/api/v1/tickets/" + ticket.id)
                .then()
                .statusCode(200)
                .body("contactPlan.buyerOnline", equalTo(true));

        // offline, two calls made, online again: nothing left to call with today
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType("application/json")
                .body("{\"online\": false}")
                .put("/api/v1/buyers/" + buyer + "/presence")
                .then()
                .statusCode(200);
        log(TestData.asAgent(shop, agent), ticket.id, "{\"channel\": \"PHONE\", \"outcome\": \"NO_ANSWER\"}")
                .statusCode(201);
        log(TestData.asAgent(shop, agent), ticket.id, "{\"channel\": \"PHONE\", \"outcome\": \"NO_ANSWER\"}")
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType("application/json")
                .body("{\"online\": true}")
                .put("/api/v1/buyers/" + buyer + "/presence")
                .then()
                .statusCode(200)
                .body("callNowTickets", hasSize(0));
        TestData.asAgent(shop, agent)
                .get("/api/v1/tickets/" + ticket.id)
                .then()
                .statusCode(200)
                .body("contactPlan.buyerOnline", equalTo(true))
                .body("contactPlan.callsLeftToday", equalTo(0));
    }

    @Test
    void anOfflineBuyerWithAnOfficeAddressIsSuggestedTheLunchBreak() {
        String shop = TestData.uniqueShop();
        String agent = hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 plain = review(shop, Rating.BAD);
        ReviewReceivedV1 office = new ReviewReceivedV1(
                plain.reviewId(),
                shop,
                plain.platformReviewId(),
                plain.orderId(),
                plain.item(),
                new ReviewReceivedV1.Buyer(
                        "office-" + shop,
                        "广东",
                        "深圳",
                        "138****5678",
                        personalData.seal("13812345678"),
                        personalData.seal("广东省深圳市南山区科兴科学园大厦 A 座"),
                        false),
                plain.orderAmountFen(),
                plain.distinctItems(),
                plain.rating(),
                plain.createdAt(),
                null);
        Ticket ticket = receive(desk, office);
        TestData.asAgent(shop, agent)
                .get("/api/v1/tickets/" + ticket.id)
                .then()
                .statusCode(200)
                .body("contactPlan.buyerOnline", equalTo(false))
                .body("contactPlan.why", equalTo("office address: the lunch break"));
        // reporting sees the ticket, not the plan built from the buyer's address
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .get("/api/v1/tickets/" + ticket.id)
                .then()
                .statusCode(200)
                .body("contactPlan", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void presenceReportsAreValidated() {
        String shop = TestData.uniqueShop();
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType("application/json")
                .body("{}")
                .put("/api/v1/buyers/b-1/presence")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("online"));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType("application/json")
                .body("{\"online\": \"yes\"}")
                .put("/api/v1/buyers/b-1/presence")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
