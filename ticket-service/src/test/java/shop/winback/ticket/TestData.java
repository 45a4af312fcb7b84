package shop.winback.ticket;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.UUID;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.messaging.ReviewReceivedV1;
import shop.winback.testing.TestTokens;

/** Fresh shops, agents and review events for tests, so tests never see each other's data. */
public final class TestData {

    private TestData() {
    }

    public static String uniqueShop() {
        return "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ReviewReceivedV1 review(String shopId, Rating rating) {
        String order = "O-" + UUID.randomUUID();
        return new ReviewReceivedV1(UUID.randomUUID(), shopId, "R-" + UUID.randomUUID(), order,
                new ReviewReceivedV1.Item("SKU-1", "纯棉T恤"), new ReviewReceivedV1.Buyer("buyer-1", "辽宁", "沈阳", null, null, null),
                12900, 2, rating, Instant.parse("2026-11-23T01:30:00Z"));
    }

    /** The event as review-service puts it on the wire. */
    public static String json(ReviewReceivedV1 r) {
        return """
                {"reviewId":"%s","shopId":"%s","platformReviewId":"%s","orderId":"%s","orderLineId":null,
                 "item":{"sku":"%s","title":"%s"},"buyer":{"id":"%s","province":"%s","city":"%s"},
                 "orderAmountFen":%d,"distinctItems":%d,"rating":"%s","dsr":{"description":2,"service":3,"shipping":4},
                 "text":"衣服有破洞","createdAt":"%s","receivedAt":"%s"}"""
                .formatted(r.reviewId(), r.shopId(), r.platformReviewId(), r.orderId(), r.item().sku(), r.item().title(),
                        r.buyer().id(), r.buyer().province(), r.buyer().city(), r.orderAmountFen(), r.distinctItems(),
                        r.rating(), r.createdAt(), r.createdAt());
    }

    /** Adds an agent through the API; returns its id. */
    /** A request as the shop's supervisor: may hire, change, list, see and close everything of the shop. */
    public static RequestSpecification asSupervisor(String shopId) {
        return given().auth().oauth2(TestTokens.supervisor(shopId));
    }

    public static String hire(String shopId, String name, String tier, int capacity, String status) {
        return asSupervisor(shopId).contentType(ContentType.JSON)
                .body("""
                        {"shopId": "%s", "name": "%s", "tier": "%s", "capacity": %d, "status": "%s"}"""
                        .formatted(shopId, name, tier, capacity, status))
                .when().post("/api/v1/agents")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static void setStatus(String shopId, String agentId, String status) {
        asSupervisor(shopId).contentType(ContentType.JSON).body("{\"status\": \"" + status + "\"}")
                .when().patch("/api/v1/agents/" + agentId)
                .then().statusCode(200);
    }

    public static void close(String shopId, UUID ticketId) {
        asSupervisor(shopId).when().post("/api/v1/tickets/" + ticketId + "/close").then().statusCode(200);
    }
}
