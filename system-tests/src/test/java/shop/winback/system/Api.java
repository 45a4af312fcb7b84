package shop.winback.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import shop.winback.testing.TestTokens;

/** The HTTP calls a shop's order system and its agents make. */
final class Api {

    private Api() {
    }

    static String uniqueShop() {
        return "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String review(String shop, String platformReviewId, String orderId, String rating) {
        return """
                {"shopId": "%s", "platformReviewId": "%s", "orderId": "%s",
                 "item": {"sku": "SKU-TS-WHITE-L", "title": "纯棉T恤 白色 L"},
                 "buyer": {"id": "buyer-%s", "province": "辽宁", "city": "沈阳"},
                 "orderAmountFen": 12900, "distinctItems": 2, "rating": "%s",
                 "dsr": {"description": 2, "service": 3, "shipping": 4},
                 "text": "衣服有破洞，质量太差了", "createdAt": "2026-11-23T09:30:00+08:00"}"""
                .formatted(shop, platformReviewId, orderId, orderId, rating);
    }

    static Response postReview(String reviewUrl, String shop, String body) {
        return given().baseUri(reviewUrl).auth().oauth2(TestTokens.integration(shop)).contentType(ContentType.JSON).body(body).when().post("/api/v1/reviews");
    }

    static String hire(String ticketUrl, String shop, String name, String tier, int capacity, String status) {
        return given().baseUri(ticketUrl).auth().oauth2(TestTokens.supervisor(shop)).contentType(ContentType.JSON)
                .body("""
                        {"shopId": "%s", "name": "%s", "tier": "%s", "capacity": %d, "status": "%s"}"""
                        .formatted(shop, name, tier, capacity, status))
                .when().post("/api/v1/agents")
                .then().statusCode(201).extract().path("id");
    }

    static void setStatus(String ticketUrl, String shop, String agentId, String status) {
        given().baseUri(ticketUrl).auth().oauth2(TestTokens.supervisor(shop)).contentType(ContentType.JSON).body("{\"status\": \"" + status + "\"}")
                .when().patch("/api/v1/agents/" + agentId).then().statusCode(200);
    }

    static Response tickets(String ticketUrl, String shop, String status) {
        var request = given().baseUri(ticketUrl).auth().oauth2(TestTokens.supervisor(shop)).queryParam("shopId", shop).queryParam("size", 500);
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.when().get("/api/v1/tickets");
    }
}
