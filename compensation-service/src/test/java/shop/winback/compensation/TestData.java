package shop.winback.compensation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import shop.winback.testing.TestTokens;

/** Fresh shops, agents and requests for tests, so tests never see each other's data. */
public final class TestData {

    private TestData() {}

    public static String uniqueShop() {
        return "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueOrder() {
        return "O-" + UUID.randomUUID();
    }

    /** An order compensation-service has learned from a bad review: 2 items, buyer in 辽宁, not suspected. */
    public static String knownOrder(String shop, long orderAmountFen) {
        String order = uniqueOrder();
        ReviewEvents.reviewed(shop, order, orderAmountFen, 2, "BAD", "辽宁", false);
        return order;
    }

    /**
     * The token of an agent of the shop with this tier, hired as ticket-service hires them: the agent is in
     * the agent registry (agent.hired.v1 published and awaited once per shop, agent and tier).
     */
    public static String agent(String shop, UUID agentId, String tier) {
        AgentEvents.register(shop, agentId, tier);
        return TestTokens.agent(shop, agentId, tier);
    }

    public static String body(String orderId, String type, long amountFen, long orderAmountFen, String reason) {
        return """
                {"orderId": "%s", "ticketId": "T-%s", "type": "%s", "amountFen": %d, "orderAmountFen": %d, "reason": "%s"}""".formatted(orderId, orderId, type, amountFen, orderAmountFen, reason);
    }

    /** POST /api/v1/compensations with a fresh Idempotency-Key. */
    public static Response request(String token, String body) {
        return request(token, UUID.randomUUID().toString(), body);
    }

    public static Response request(String token, String key, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/api/v1/compensations");
    }

    /** A compensation requested by a fresh AFTER_SALES agent; returns its id. */
    public static String requested(String shop, UUID agent, long amountFen) {
        return request(
                        agent(shop, agent, "AFTER_SALES"),
                        body(knownOrder(shop, 50000), "PARTIAL_REFUND", amountFen, 50000, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
