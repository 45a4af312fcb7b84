package shop.winback.logistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import shop.winback.testing.TestTokens;

/**
 * The platform's rate limits (platform/ratelimit), through a real service: per verified caller, per address without
 * a token, and the lock-out of an address that keeps failing authentication. Low limits, set here, so a handful of
 * requests shows each; what a refused request gets is a 429 problem with Retry-After, and nothing done.
 */
@QuarkusTest
@TestProfile(RateLimitTests.LowLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTests {

    /** A shop with a rate of its own for its order system (the profile is read in another class loader: no random name). */
    static final String FAST_SHOP = "shop-with-a-fast-order-system";

    /** Five requests an hour, five failures an hour: no refill during the test, whatever the box's speed. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the platform's test defaults are %test values: overridden under the same profile
            return Map.of(
                    "winback.rate-limit.period",
                    "1h",
                    "%test.winback.rate-limit.caller-rate",
                    "5",
                    "%test.winback.rate-limit.integration-rate",
                    "5",
                    "%test.winback.rate-limit.anonymous-rate",
                    "5",
                    "%test.winback.rate-limit.failures",
                    "5",
                    "winback.rate-limit.failure-period",
                    "1h",
                    "winback.rate-limit.shop-integration-rate.\"" + FAST_SHOP + "\"",
                    "1000");
        }
    }

    @Test
    @Order(1)
    void aCallerOverItsRateIsAnswered429WithRetryAfterAndOthersAreNotHeldUp() {
        String shop = TestData.uniqueShop();
        String supervisor = TestTokens.supervisor(shop);
        for (int i = 0; i < 5; i++) {
            given().auth()
                    .oauth2(supervisor)
                    .when()
                    .get("/api/v1/logistics-settings")
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(supervisor)
                .when()
                .get("/api/v1/logistics-settings")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:winback:problem:rate-limited"))
                .body("status", equalTo(429));
        // another caller of the same shop, and the same role in another shop, have buckets of their own
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .when()
                .get("/api/v1/logistics-settings")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.supervisor(TestData.uniqueShop()))
                .when()
                .get("/api/v1/logistics-settings")
                .then()
                .statusCode(200);
    }

    @Test
    @Order(2)
    void aShopCanBeGivenAnotherRateForItsOrderSystem() {
        String fast = TestTokens.integration(FAST_SHOP);
        for (int i = 0; i < 20; i++) {
            given().auth()
                    .oauth2(fast)
                    .queryParam("orderId", "none")
                    .when()
                    .get("/api/v1/shipments")
                    .then()
                    .statusCode(200);
        }
        String other = TestTokens.integration(TestData.uniqueShop());
        for (int i = 0; i < 5; i++) {
            given().auth()
                    .oauth2(other)
                    .queryParam("orderId", "none")
                    .when()
                    .get("/api/v1/shipments")
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(other)
                .queryParam("orderId", "none")
                .when()
                .get("/api/v1/shipments")
                .then()
                .statusCode(429);
    }

    @Test
    @Order(3)
    void callsWithoutATokenAreLimitedByAddress() {
        String body = TestData.genericPushJson(
                "SF", TestData.uniqueTracking(), "沈阳", TestData.chinaTime(2, "06:10"), "IN_TRANSIT", null);
        for (int i = 0; i < 5; i++) {
            // signed and valid, for a parcel nobody registered: 404 while under the rate
            TestData.pushGeneric(body).then().statusCode(404);
        }
        TestData.pushGeneric(body)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }

    @Test
    @Order(4) // last: it locks this test's address out for the rest of the minute
    void anAddressThatKeepsFailingAuthenticationIsLockedOut() {
        String forged = TestTokens.forged(TestData.uniqueShop(), "supervisor");
        for (int i = 0; i < 5; i++) {
            given().auth()
                    .oauth2(forged)
                    .when()
                    .get("/api/v1/logistics-settings")
                    .then()
                    .statusCode(401);
        }
        // now even a good token from that address waits: guessing stops here
        given().auth()
                .oauth2(TestTokens.supervisor(TestData.uniqueShop()))
                .when()
                .get("/api/v1/logistics-settings")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("failed authentications"));
    }
}
