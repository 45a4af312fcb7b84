package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.Tier;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/**
 * An agent's authority comes from the agent registry (agent.hired.v1 on agents.v1, real broker and
 * database), not from the token's tier claim: unknown agents and tokens claiming another tier are refused.
 */
@QuarkusTest
class AgentRegistryTests {

    @Inject
    CompensationConfig config;

    @Inject
    EntityManager em;

    ConsumerTask<String, String> deadLetters;

    @BeforeEach
    void watch() {
        deadLetters = KafkaTopics.watch(config.agentsDeadLetterTopic());
    }

    @AfterEach
    void stopWatching() {
        deadLetters.close();
    }

    static ValidatableResponse quote(String token, String order) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"orderId\": \"" + order + "\"}")
                .post("/api/v1/quotes")
                .then();
    }

    long compensations(String shop) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM compensation WHERE shop_id = ?1")
                                .setParameter(1, shop)
                                .getSingleResult())
                        .longValue());
    }

    long inboxRows(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "SELECT count(*) FROM inbox_message WHERE consumer = 'compensation-service/agents' AND event_id = ?1")
                                .setParameter(1, eventId)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void aTokenClaimingAHigherTierThanTheRegistrysIsRefusedAndChangesNothing() {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        AgentEvents.register(shop, agent, "AFTER_SALES");
        String order = TestData.knownOrder(shop, 12900);
        String claimsManager = TestTokens.agent(shop, agent, "MANAGER");

        // a manager would be granted 30 元 at once; an AFTER_SALES agent may grant 20 元 alone
        TestData.request(claimsManager, TestData.body(order, "PARTIAL_REFUND", 3000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:forbidden"))
                .body(
                        "detail",
                        allOf(
                                containsString("MANAGER"),
                                containsString("AFTER_SALES"),
                                containsString("agent registry")));
        quote(claimsManager, order)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:forbidden"));
        assertThat(compensations(shop)).isZero();
        assertThat(AgentEvents.tierOf(shop, agent))
                .as("the registry is not changed by a token")
                .contains(Tier.AFTER_SALES);

        // the same agent with the registry's tier in its token: served, within AFTER_SALES' authority
        String own = TestTokens.agent(shop, agent, "AFTER_SALES");
        quote(own, order).statusCode(200).body("authorityLimitFen", equalTo(2000));
        TestData.request(own, TestData.body(order, "PARTIAL_REFUND", 3000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("agentTier", equalTo("AFTER_SALES"))
                .body("requiredLevel", equalTo("SUPERVISOR"));
    }

    @Test
    void aTokenClaimingALowerTierIsRefusedToo() {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        AgentEvents.register(shop, agent, "REVIEW_RECOVERY");
        TestData.request(
                        TestTokens.agent(shop, agent, "PRE_SALES"),
                        TestData.body(TestData.knownOrder(shop, 12900), "COUPON", 1000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(403)
                .body("detail", allOf(containsString("PRE_SALES"), containsString("REVIEW_RECOVERY")));
        assertThat(compensations(shop)).isZero();
    }

    @Test
    void anAgentTheRegistryDoesNotKnowIsRefused() {
        String shop = TestData.uniqueShop();
        String order = TestData.knownOrder(shop, 12900);
        UUID stranger = UUID.randomUUID();
        TestData.request(
                        TestTokens.agent(shop, stranger, "REVIEW_RECOVERY"),
                        TestData.body(order, "COUPON", 500, 12900, "PRICE"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:forbidden"))
                .body(
                        "detail",
                        allOf(
                                containsString(stranger.toString()),
                                containsString("agent registry"),
                                containsString("ticket-service"),
                                containsString("within seconds")));
        quote(TestTokens.agent(shop, stranger, "REVIEW_RECOVERY"), order).statusCode(403);

        // hired in another shop is not hired here
        UUID elsewhere = UUID.randomUUID();
        AgentEvents.register(TestData.uniqueShop(), elsewhere, "REVIEW_RECOVERY");
        TestData.request(
                        TestTokens.agent(shop, elsewhere, "REVIEW_RECOVERY"),
                        TestData.body(order, "COUPON", 500, 12900, "PRICE"))
                .then()
                .statusCode(403);
        assertThat(compensations(shop)).isZero();
    }

    @Test
    void aRegisteredAgentActsWithTheRegistrysTierWithOrWithoutAClaim() {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        AgentEvents.register(shop, agent, "REVIEW_RECOVERY");
        String order = TestData.knownOrder(shop, 12900);
        String noTier =
                TestTokens.withClaims(shop, "agent/" + agent, Set.of("agent"), Map.of("agent_id", agent.toString()));
        TestData.request(noTier, TestData.body(order, "COUPON", 1000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("APPROVED"))
                .body("agentTier", equalTo("REVIEW_RECOVERY"))
                .body("agentId", equalTo(agent.toString()));
        // supervisor and manager tokens act as their role, whatever agent id they carry
        String supervisorWithAgentId = TestTokens.withClaims(
                shop,
                "agent/" + UUID.randomUUID(),
                Set.of("supervisor"),
                Map.of("agent_id", UUID.randomUUID().toString()));
        TestData.request(
                        supervisorWithAgentId,
                        TestData.body(TestData.knownOrder(shop, 12900), "COUPON", 1000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("agentTier", equalTo("SUPERVISOR"));
    }

    @Test
    void aRedeliveredHireChangesNothingAndAMalformedOneIsDeadLettered() {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        String key = agent.toString();
        String eventId = UUID.randomUUID().toString();
        AgentEvents.send(
                key, AgentEvents.hired(shop, agent, "AFTER_SALES", TestClock.now()), eventId, "agent.hired.v1");
        // the same event again, altered: de-duplicated on ce_id, so the registry keeps AFTER_SALES
        AgentEvents.send(key, AgentEvents.hired(shop, agent, "MANAGER", TestClock.now()), eventId, "agent.hired.v1");
        AgentEvents.send(key, "{not json", UUID.randomUUID().toString(), "agent.hired.v1");
        AgentEvents.send(
                key,
                "{\"agentId\":\"" + agent + "\",\"shopId\":\"" + shop + "\",\"tier\":\"MANAGER\"}",
                UUID.randomUUID().toString(),
                "agent.hired.v1");
        AgentEvents.send(
                key,
                AgentEvents.hired(shop, agent, "JANITOR", TestClock.now()),
                UUID.randomUUID().toString(),
                "agent.hired.v1");
        AgentEvents.send(key, "{}", null, null);
        AgentEvents.send(key, "{}", UUID.randomUUID().toString(), "agent.promoted.v9");
        // keyed like the others, so it is handled after them
        UUID marker = UUID.randomUUID();
        AgentEvents.send(
                key,
                AgentEvents.hired(shop, marker, "PRE_SALES", TestClock.now()),
                UUID.randomUUID().toString(),
                "agent.hired.v1");

        await().atMost(AgentEvents.WAIT)
                .until(() -> AgentEvents.tierOf(shop, marker).isPresent());
        assertThat(AgentEvents.tierOf(shop, agent))
                .as("the redelivered event changed nothing")
                .contains(Tier.AFTER_SALES);
        assertThat(inboxRows(eventId)).isEqualTo(1);
        List<ConsumerRecord<String, String>> dead =
                awaitMatching(deadLetters, r -> key.equals(r.key()), 5, AgentEvents.WAIT);
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("not readable");
        assertThat(header(dead.get(1), "dead-letter-reason"))
                .contains("is invalid")
                .contains("hiredAt");
        assertThat(header(dead.get(2), "dead-letter-reason"))
                .contains("is invalid")
                .contains("JANITOR");
        assertThat(header(dead.get(3), "dead-letter-reason")).contains("ce_id");
        assertThat(header(dead.get(4), "dead-letter-reason")).contains("agent.promoted.v9");
        assertThat(KafkaTopics.matching(deadLetters, r -> key.equals(r.key()))).hasSize(5);

        // and the agent works with the registry's tier
        TestData.request(
                        TestTokens.agent(shop, agent, "MANAGER"),
                        TestData.body(TestData.knownOrder(shop, 12900), "COUPON", 500, 12900, "PRICE"))
                .then()
                .statusCode(403);
    }
}
