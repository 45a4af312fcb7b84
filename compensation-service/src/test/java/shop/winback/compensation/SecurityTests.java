package shop.winback.compensation;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.winback.compensation.domain.Payout;
import shop.winback.testing.SecurityMatrix;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** The role matrix: every endpoint × every role, the refused tokens, and shop scoping. */
@QuarkusTest
class SecurityTests {

    static final String MONTH = TestClock.thisMonth(TestClock.SHANGHAI).toString();

    /** A shop with one request pending (for approvals) and one granted (with its payout). */
    record Scene(String shop, UUID agent, String pending, String payout) {
        String tokenFor(String role) {
            return role.equals("agent")
                    ? TestData.agent(shop, agent, "AFTER_SALES")
                    : TestTokens.token(shop, role, Set.of(role));
        }
    }

    static Scene scene() {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        String pending = TestData.requested(shop, agent, 5000);
        String granted = TestData.requested(shop, agent, 1000);
        String payout = QuarkusTransaction.requiringNew()
                .call(() -> Payout.<Payout>find("compensationId", UUID.fromString(granted))
                        .firstResult()
                        .id
                        .toString());
        return new Scene(shop, agent, pending, payout);
    }

    enum Endpoint {
        QUOTE(Set.of("agent", "supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body(QuoteApiTests.quote(null, "辽宁", 2))
                        .post("/api/v1/quotes");
            }
        },
        REQUEST(Set.of("agent", "supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(TestData.body(TestData.uniqueOrder(), "COUPON", 500, 9900, "PRICE"))
                        .post("/api/v1/compensations");
            }
        },
        LIST(Set.of("agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/compensations");
            }
        },
        GET(Set.of("agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/compensations/" + s.pending());
            }
        },
        APPROVE(Set.of("supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body("{\"comment\": \"ok\"}")
                        .post("/api/v1/compensations/" + s.pending() + "/approval");
            }
        },
        REJECT(Set.of("supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body("{\"comment\": \"no\"}")
                        .post("/api/v1/compensations/" + s.pending() + "/rejection");
            }
        },
        PAYOUTS(Set.of("integration", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.queryParam("status", "PENDING").get("/api/v1/payouts");
            }
        },
        CONFIRM_PAYOUT(Set.of("integration")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body("{\"outcome\": \"EXECUTED\"}")
                        .post("/api/v1/payouts/" + s.payout() + "/confirmation");
            }
        },
        ACCOUNTS(Set.of("reporting", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/accounts/" + MONTH);
            }
        },
        LEDGER(Set.of("supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/ledger/" + MONTH);
            }
        },
        GET_SETTINGS(Set.of("agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/compensation-settings");
            }
        },
        PUT_SETTINGS(Set.of("manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON).body("{}").put("/api/v1/compensation-settings");
            }
        };

        final Set<String> allowed;

        Endpoint(Set<String> allowed) {
            this.allowed = allowed;
        }

        abstract Response call(RequestSpecification request, Scene scene);
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return SecurityMatrix.everyEndpointAndRole(Endpoint.values());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void eachRoleMayDoOnlyWhatItIsFor(Endpoint endpoint, String role) {
        Scene scene = scene();
        SecurityMatrix.assertAllowedOrForbidden(
                endpoint.call(given().auth().oauth2(scene.tokenFor(role)), scene), endpoint.allowed.contains(role));
    }

    static Stream<Arguments> refusedTokens() {
        return SecurityMatrix.everyEndpointAndRefusedToken(Endpoint.values());
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("refusedTokens")
    void missingExpiredForgedOrShoplessTokensAreUnauthenticated(Endpoint endpoint, String kind) {
        Scene scene = scene();
        SecurityMatrix.assertUnauthenticated(endpoint.call(SecurityMatrix.withRefusedToken(kind, scene.shop()), scene));
    }

    static Stream<Endpoint> otherShopsResources() {
        return Stream.of(Endpoint.GET, Endpoint.APPROVE, Endpoint.REJECT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherShopsResources")
    void anotherShopsCompensationIsNotFound(Endpoint endpoint) {
        Scene scene = scene();
        endpoint.call(given().auth().oauth2(TestTokens.manager(TestData.uniqueShop())), scene)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @org.junit.jupiter.api.Test
    void anotherShopsPayoutIsNotFound() {
        Scene scene = scene();
        Endpoint.CONFIRM_PAYOUT
                .call(given().auth().oauth2(TestTokens.integration(TestData.uniqueShop())), scene)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
