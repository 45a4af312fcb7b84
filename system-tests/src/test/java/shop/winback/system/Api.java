package shop.winback.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** The HTTP calls a shop's order system and its agents make. */
final class Api {

    /**
     * When the reviews of these tests were written: a day before now on the clock under test (when
     * the test JVM first used it), whole seconds, so the item signals' windows (72 h) count them and
     * a revision may come after.
     */
    static final Instant WRITTEN_AT = TestClock.daysAgo(1).truncatedTo(ChronoUnit.SECONDS);

    private Api() {}

    /** {@link #WRITTEN_AT} plus (or minus) so much, as the order system and couriers write times (China's offset). */
    static String writtenAtPlus(Duration later) {
        return TestClock.china(WRITTEN_AT.plus(later));
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
                 "text": "衣服有破洞，质量太差了", "createdAt": "%s"}""".formatted(shop, platformReviewId, orderId, orderId, rating, TestClock.china(WRITTEN_AT));
    }

    /**
     * Posts a review as the order system must: a 503 or 429 is the service shedding load before doing anything
     * (its capture line refuses while recent groups were slow, as on a freshly started service), so the same post
     * goes again after Retry-After.
     */
    static Response postReview(String reviewUrl, String shop, String body) {
        AtomicReference<Response> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1)) // the services' Retry-After
                .until(() -> {
                    Response r = given().baseUri(reviewUrl)
                            .auth()
                            .oauth2(TestTokens.integration(shop))
                            .contentType(ContentType.JSON)
                            .body(body)
                            .when()
                            .post("/api/v1/reviews");
                    answer.set(r);
                    return r.statusCode() != 503 && r.statusCode() != 429;
                });
        return answer.get();
    }

    static String hire(String ticketUrl, String shop, String name, String tier, int capacity, String status) {
        return given().baseUri(ticketUrl)
                .auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("""
                        {"shopId": "%s", "name": "%s", "tier": "%s", "capacity": %d, "status": "%s"}""".formatted(shop, name, tier, capacity, status))
                .when()
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void setStatus(String ticketUrl, String shop, String agentId, String status) {
        given().baseUri(ticketUrl)
                .auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"status\": \"" + status + "\"}")
                .when()
                .patch("/api/v1/agents/" + agentId)
                .then()
                .statusCode(200);
    }

    static Response tickets(String ticketUrl, String shop, String status) {
        var request = given().baseUri(ticketUrl)
                .auth()
                .oauth2(TestTokens.supervisor(shop))
                .queryParam("shopId", shop)
                .queryParam("size", 500);
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.when().get("/api/v1/tickets");
    }

    /** The order system reports a buyer's revision of a review (review-service). */
    static Response revise(
            String reviewUrl, String shop, String platformReviewId, String rating, String text, String revisedAt) {
        return given().baseUri(reviewUrl)
                .auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body("""
                        {"shopId": "%s", "platformReviewId": "%s", "rating": "%s", "text": "%s", "revisedAt": "%s"}""".formatted(shop, platformReviewId, rating, text, revisedAt))
                .when()
                .post("/api/v1/reviews/revisions");
    }

    /**
     * A courier's generic push to logistics-service, signed as couriers sign it: HMAC-SHA256 over
     * "timestamp.body", the timestamp on the real clock (like a token's: the replay window is real time).
     */
    static Response genericPush(String logisticsUrl, String secret, String body) {
        String signedAt = String.valueOf(Instant.now().getEpochSecond());
        String signature;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            signature = HexFormat.of().formatHex(mac.doFinal((signedAt + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return given().baseUri(logisticsUrl)
                .contentType(ContentType.JSON)
                .header("X-Signature-Timestamp", signedAt)
                .header("X-Signature", "sha256=" + signature)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/courier-pushes/generic");
    }
}
