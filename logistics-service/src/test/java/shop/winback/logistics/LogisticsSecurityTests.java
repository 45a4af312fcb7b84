package shop.winback.logistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.winback.testing.SecurityMatrix;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** Who may call what: every endpoint × every role, and the tokens that are refused. */
@QuarkusTest
class LogisticsSecurityTests {

    /** A shop with a lost parcel: one verdict already claimed (open claim), one not yet. */
    record Scene(String shop, String order, String shipment, String claimedCheck, String freeCheck, String claim) {
        String tokenFor(String role) {
            return role.equals("agent")
                    ? TestData.agentToken(shop, "AFTER_SALES")
                    : TestTokens.token(shop, role, Set.of(role));
        }
    }

    static Scene scene() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String tracking = WeightCheckTests.parcel(shop, order, 1000, 900, false);
        String shipment = given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .queryParam("orderId", order)
                .get("/api/v1/shipments")
                .then()
                .extract()
                .path("[0].id");
        String claimed =
                WeightCheckTests.checkSocks(shop, order, false).extract().path("id");
        String free = WeightCheckTests.checkSocks(shop, order, false).extract().path("id");
        String claim = ClaimTests.file(TestTokens.manager(shop), claimed, 1000)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(tracking).isNotBlank();
        return new Scene(shop, order, shipment, claimed, free, claim);
    }

    enum Endpoint {
        REGISTER_SHIPMENT(Set.of("integration")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body(TestData.shipmentJson(
                                TestData.uniqueOrder(), "STO", TestData.uniqueTracking(), null, false))
                        .post("/api/v1/shipments");
            }
        },
        GET_SHIPMENT(Set.of("integration", "agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/shipments/" + s.shipment());
            }
        },
        SHIPMENT_SCANS(Set.of("integration", "agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/shipments/" + s.shipment() + "/scans");
            }
        },
        COURIER_LOOKUP(Set.of("integration", "agent", "supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.post("/api/v1/shipments/" + s.shipment() + "/courier-lookup");
            }
        },
        WEIGHT_CHECK(Set.of("agent", "supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body(TestData.weightCheckJson(s.order(), "SKU-SOCK-3P", 1, false))
                        .post("/api/v1/weight-checks");
            }
        },
        GET_WEIGHT_CHECK(Set.of("agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/weight-checks/" + s.freeCheck());
            }
        },
        FILE_CLAIM(Set.of("agent", "supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body("{\"weightCheckId\": \"" + s.freeCheck() + "\", \"amountFen\": 1000}")
                        .post("/api/v1/claims");
            }
        },
        SETTLE_CLAIM(Set.of("supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON).body("{}").post("/api/v1/claims/" + s.claim() + "/settle");
            }
        },
        REJECT_CLAIM(Set.of("supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body("{\"reason\": \"no proof\"}")
                        .post("/api/v1/claims/" + s.claim() + "/reject");
            }
        },
        LIST_CLAIMS(Set.of("agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/claims");
            }
        },
        GET_CLAIM(Set.of("agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/claims/" + s.claim());
            }
        },
        MONTH_END(Set.of("reporting", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.queryParam(
                                "month", TestClock.thisMonth(TestClock.SHANGHAI).toString())
                        .get("/api/v1/claims/month-end");
            }
        },
        POSTAGE(Set.of("integration", "agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.queryParam("courier", "STO")
                        .queryParam("from", "广东")
                        .queryParam("to", "辽宁")
                        .queryParam("weightGrams", 1000)
                        .get("/api/v1/postage");
            }
        },
        GET_SETTINGS(Set.of("supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/logistics-settings");
            }
        },
        PUT_SETTINGS(Set.of("supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body("{\"toleranceGrams\": 40}")
                        .put("/api/v1/logistics-settings");
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
        Scene scene = new Scene(
                "shop-x",
                "TB-O-x",
                java.util.UUID.randomUUID().toString(),
                java.util.UUID.randomUUID().toString(),
                java.util.UUID.randomUUID().toString(),
                java.util.UUID.randomUUID().toString());
        SecurityMatrix.assertUnauthenticated(endpoint.call(SecurityMatrix.withRefusedToken(kind, scene.shop()), scene));
    }

    static Stream<Arguments> readsOfAnotherShop() {
        return Stream.of(
                        Endpoint.GET_SHIPMENT,
                        Endpoint.SHIPMENT_SCANS,
                        Endpoint.COURIER_LOOKUP,
                        Endpoint.GET_WEIGHT_CHECK,
                        Endpoint.GET_CLAIM,
                        Endpoint.SETTLE_CLAIM,
                        Endpoint.FILE_CLAIM,
                        Endpoint.WEIGHT_CHECK)
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readsOfAnotherShop")
    void anotherShopsThingsAreNotFound(Endpoint endpoint) {
        Scene scene = scene();
        endpoint.call(given().auth().oauth2(TestTokens.manager(TestData.uniqueShop())), scene)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
