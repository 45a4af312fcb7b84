package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.LedgerEntry;
import shop.winback.compensation.domain.Payout;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestTokens;

/** Authority, approvals, the ledger, payouts and the events on compensations.v1, on the real broker and database. */
@QuarkusTest
class CompensationFlowTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    CompensationConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    ConsumerTask<String, String> events;

    @BeforeEach
    void watch() {
        events = KafkaTopics.watch(config.topic());
    }

    @AfterEach
    void stopWatching() {
        events.close();
    }

    List<LedgerEntry> ledger(String compensationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> LedgerEntry.<LedgerEntry>list("compensationId", UUID.fromString(compensationId)));
    }

    Payout payoutOf(String compensationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Payout.<Payout>find("compensationId", UUID.fromString(compensationId))
                        .firstResult());
    }

    List<ConsumerRecord<String, String>> eventsOf(String orderId, int count) {
        return awaitMatching(events, r -> orderId.equals(r.key()), count, WAIT);
    }

    @Test
    void withinAuthorityIsApprovedAtOnceWithLedgerEntryPayoutAndEvents() throws Exception {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        String order = TestData.knownOrder(shop, 12900);
        String id = TestData.request(
                        TestData.agent(shop, agent, "REVIEW_RECOVERY"),
                        TestData.body(order, "COUPON", 1000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("APPROVED"))
                .body("withinAuthority", equalTo(true))
                .body("agentId", equalTo(agent.toString()))
                .body("agentTier", equalTo("REVIEW_RECOVERY"))
                .body("requiredLevel", nullValue())
                .body("currency", equalTo("CNY"))
                .extract()
                .path("id");

        List<LedgerEntry> entries = ledger(id);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).amountFen).isEqualTo(1000);
        assertThat(entries.get(0).approver).isNull();
        assertThat(entries.get(0).agentId).isEqualTo(agent.toString());
        assertThat(entries.get(0).ticketId).isEqualTo("T-" + order);
        Payout payout = payoutOf(id);
        assertThat(payout.status.name()).isEqualTo("PENDING");
        assertThat(payout.amountFen).isEqualTo(1000);

        List<ConsumerRecord<String, String>> published = eventsOf(order, 2);
        assertThat(published)
                .extracting(r -> header(r, "ce_type"))
                .containsExactly("compensation.requested.v1", "compensation.approved.v1");
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        for (ConsumerRecord<String, String> r : published) {
            assertThat(contract.violations(header(r, "ce_type"), json.readTree(r.value())))
                    .isEmpty();
            assertThat(header(r, "ce_subject")).isEqualTo(id);
            assertThat(header(r, "ce_source")).isEqualTo("/winback/compensation-service");
        }
        JsonNode approved = json.readTree(published.get(1).value());
        assertThat(approved.get("payoutId").asText()).isEqualTo(payout.id.toString());
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aboveAnAgentsAuthorityWaitsForASupervisorWhoApprovesWithAComment() throws Exception {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        String order = TestData.knownOrder(shop, 12900);
        String id = TestData.request(
                        TestData.agent(shop, agent, "AFTER_SALES"),
                        TestData.body(order, "PARTIAL_REFUND", 3000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("requiredLevel", equalTo("SUPERVISOR"))
                .extract()
                .path("id");
        assertThat(ledger(id)).isEmpty();
        assertThat(payoutOf(id)).isNull();

        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"comment\": \"photos show the damage, buyer 13812345678\"}")
                .post("/api/v1/compensations/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo(shop + "/supervisor"))
                .body("comment", equalTo("photos show the damage, buyer 13812345678"));
        assertThat(ledger(id))
                .singleElement()
                .satisfies(e -> assertThat(e.approver).isEqualTo(shop + "/supervisor"));

        // decided once
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/compensations/" + id + "/approval")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(ledger(id)).hasSize(1);

        List<ConsumerRecord<String, String>> published = eventsOf(order, 2);
        JsonNode requested = json.readTree(published.get(0).value());
        assertThat(requested.get("status").asText()).isEqualTo("PENDING");
        assertThat(requested.get("requiredLevel").asText()).isEqualTo("SUPERVISOR");
        assertThat(requested.get("approvalBecause").asText()).isEqualTo("ABOVE_AUTHORITY");
        assertThat(requested.get("decidedBy").isNull()).isTrue();
        JsonNode approved = json.readTree(published.get(1).value());
        assertThat(approved.get("decidedBy").asText()).isEqualTo(shop + "/supervisor");
        // the shop's people see the comment as typed; the event every reporting job reads carries no phone
        assertThat(approved.get("comment").asText()).isEqualTo("photos show the damage, buyer 138****5678");
    }

    @Test
    void aSupervisorCannotApproveAboveTheSupervisorLimitTheManagerCan() {
        String shop = TestData.uniqueShop();
        String id = TestData.requested(shop, UUID.randomUUID(), 25000);
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .get("/api/v1/compensations/" + id)
                .then()
                .statusCode(200)
                .body("requiredLevel", equalTo("MANAGER"));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/compensations/" + id + "/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:above-authority"));
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/compensations/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        assertThat(ledger(id)).hasSize(1);
    }

    @Test
    void nobodyApprovesOrRejectsTheirOwnRequest() {
        String shop = TestData.uniqueShop();
        UUID person = UUID.randomUUID();
        String id = TestData.requested(shop, person, 5000);
        // the same person, now holding a supervisor token
        String sameAsSupervisor = TestTokens.withClaims(
                shop, "agent/" + person, Set.of("supervisor"), java.util.Map.of("agent_id", person.toString()));
        given().auth()
                .oauth2(sameAsSupervisor)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/compensations/" + id + "/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:own-request"));
        given().auth()
                .oauth2(sameAsSupervisor)
                .contentType(ContentType.JSON)
                .body("{\"comment\": \"no\"}")
                .post("/api/v1/compensations/" + id + "/rejection")
                .then()
                .statusCode(403);
        // a supervisor's own request above their limit goes to the manager, and they cannot approve it
        String own = TestData.request(
                        TestTokens.supervisor(shop),
                        TestData.body(
                                TestData.knownOrder(shop, 30000),
                                "FULL_REFUND_NO_RETURN",
                                30000,
                                30000,
                                "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("requiredLevel", equalTo("MANAGER"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/compensations/" + own + "/approval")
                .then()
                .statusCode(403);
        assertThat(ledger(id)).isEmpty();
        assertThat(ledger(own)).isEmpty();
    }

    @Test
    void aRejectionNeedsACommentAndWritesNoLedgerEntry() throws Exception {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        String order = TestData.knownOrder(shop, 12900);
        String id = TestData.request(
                        TestData.agent(shop, agent, "AFTER_SALES"),
                        TestData.body(order, "FREE_RESEND", 9000, 12900, "MISSING_ITEM"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/compensations/" + id + "/rejection")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("comment"));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"comment\": \"the slip shows it packed\"}")
                .post("/api/v1/compensations/" + id + "/rejection")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("comment", equalTo("the slip shows it packed"));
        assertThat(ledger(id)).isEmpty();
        assertThat(payoutOf(id)).isNull();
        List<ConsumerRecord<String, String>> published = eventsOf(order, 2);
        assertThat(header(published.get(1), "ce_type")).isEqualTo("compensation.rejected.v1");
        assertThat(AsyncApiContract.ofClasspath()
                        .violations(
                                "compensation.rejected.v1",
                                json.readTree(published.get(1).value())))
                .isEmpty();
    }

    @Test
    void preSalesRoundsOffAboutOnePercentThreeTimesADay() {
        String shop = TestData.uniqueShop();
        String token = TestData.agent(shop, UUID.randomUUID(), "PRE_SALES");
        TestData.request(token, TestData.body(TestData.knownOrder(shop, 12900), "ROUND_OFF", 130, 12900, "ROUND_OFF"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("requiredLevel", equalTo("SUPERVISOR"))
                .body("approvalBecause", equalTo("ABOVE_AUTHORITY"));
        for (int i = 0; i < 3; i++) {
            TestData.request(
                            token,
                            TestData.body(TestData.knownOrder(shop, 12900), "ROUND_OFF", 129, 12900, "ROUND_OFF"))
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("APPROVED"));
        }
        // quotas refuse: the fourth round-off of the day is not a larger request for a supervisor
        TestData.request(token, TestData.body(TestData.knownOrder(shop, 12900), "ROUND_OFF", 50, 12900, "ROUND_OFF"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:daily-quota-used"));
    }

    @Test
    void theShopPlatformConfirmsAPayoutOnceAndPaidIsPublishedOnce() throws Exception {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        String order = TestData.knownOrder(shop, 8800);
        String id = TestData.request(
                        TestData.agent(shop, agent, "REVIEW_RECOVERY"),
                        TestData.body(order, "COUPON", 500, 8800, "SIZE_FIT"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String integration = TestTokens.integration(shop);
        List<Map<String, Object>> pending = given().auth()
                .oauth2(integration)
                .queryParam("status", "PENDING")
                .get("/api/v1/payouts")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        assertThat(pending)
                .singleElement()
                .satisfies(p -> assertThat(p.get("compensationId")).isEqualTo(id));
        String payout = (String) pending.get(0).get("id");

        // a failed attempt is offered again under the same id
        given().auth()
                .oauth2(integration)
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"FAILED\", \"failure\": \"platform busy\"}")
                .post("/api/v1/payouts/" + payout + "/confirmation")
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("attempts", equalTo(1));
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(integration)
                    .contentType(ContentType.JSON)
                    .body("{\"outcome\": \"EXECUTED\", \"platformReference\": \"TB-C-1\"}")
                    .post("/api/v1/payouts/" + payout + "/confirmation")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("EXECUTED"))
                    .body("platformReference", equalTo("TB-C-1"));
        }
        given().auth()
                .oauth2(integration)
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"FAILED\"}")
                .post("/api/v1/payouts/" + payout + "/confirmation")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(integration)
                .queryParam("status", "PENDING")
                .get("/api/v1/payouts")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .get("/api/v1/compensations/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"));

        ConsumerRecord<String, String> paid = awaitMatching(
                        events,
                        r -> order.equals(r.key()) && "compensation.paid.v1".equals(header(r, "ce_type")),
                        1,
                        WAIT)
                .get(0);
        JsonNode data = json.readTree(paid.value());
        assertThat(AsyncApiContract.ofClasspath().violations("compensation.paid.v1", data))
                .isEmpty();
        assertThat(data.get("agentId").asText()).isEqualTo(agent.toString());
        assertThat(data.get("amountFen").asLong()).isEqualTo(500);
        assertThat(data.get("payoutId").asText()).isEqualTo(payout);
        // the three events before paid, then nothing more for this order after the second confirmation
        eventsOf(order, 3);
        assertThat(KafkaTopics.matching(
                        events, r -> order.equals(r.key()) && "compensation.paid.v1".equals(header(r, "ce_type"))))
                .hasSize(1);
    }

    @Test
    void aPayoutFailingTooOftenStaysFailedUntilASupervisorRetriesIt() {
        String shop = TestData.uniqueShop();
        String id = TestData.request(
                        TestData.agent(shop, UUID.randomUUID(), "AFTER_SALES"),
                        TestData.body(TestData.knownOrder(shop, 8800), "GIFT_NEXT_ORDER", 300, 8800, "PRICE"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String payout = payoutOf(id).id.toString();
        String integration = TestTokens.integration(shop);
        for (int i = 1; i <= config.payout().maxAttempts(); i++) {
            given().auth()
                    .oauth2(integration)
                    .contentType(ContentType.JSON)
                    .body("{\"outcome\": \"FAILED\", \"failure\": \"down\"}")
                    .post("/api/v1/payouts/" + payout + "/confirmation")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(i < config.payout().maxAttempts() ? "PENDING" : "FAILED"));
        }
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .post("/api/v1/payouts/" + payout + "/retry")
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("id", equalTo(payout));
    }

    @Test
    void theLedgerIsAppendOnly() {
        String shop = TestData.uniqueShop();
        String id = TestData.request(
                        TestData.agent(shop, UUID.randomUUID(), "AFTER_SALES"),
                        TestData.body(TestData.knownOrder(shop, 8800), "COUPON", 800, 8800, "PRICE"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery(
                                        "UPDATE ledger_entry SET amount_fen = 1 WHERE compensation_id = ?1")
                                .setParameter(1, UUID.fromString(id))
                                .executeUpdate()))
                .hasStackTraceContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("DELETE FROM ledger_entry WHERE compensation_id = ?1")
                                .setParameter(1, UUID.fromString(id))
                                .executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThat(ledger(id))
                .singleElement()
                .satisfies(e -> assertThat(e.amountFen).isEqualTo(800));
    }

    @Test
    void anAgentSeesOnlyTheirOwnRequests() {
        String shop = TestData.uniqueShop();
        UUID me = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        String mine = TestData.requested(shop, me, 5000);
        String theirs = TestData.requested(shop, colleague, 5000);
        String token = TestData.agent(shop, me, "AFTER_SALES");
        given().auth()
                .oauth2(token)
                .get("/api/v1/compensations")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(mine));
        given().auth()
                .oauth2(token)
                .get("/api/v1/compensations/" + theirs)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .queryParam("status", "PENDING")
                .get("/api/v1/compensations")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
    }
}
