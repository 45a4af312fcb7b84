package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.winback.testing.SecurityMatrix;
import shop.winback.testing.TestTokens;

/** Who may call what: every endpoint × every role, and the tokens that must be refused. */
@QuarkusTest
class ReviewSecurityTests {

    enum Endpoint {
        CAPTURE(Set.of("integration")),
        BATCH(Set.of("integration")),
        GET(Set.of("integration", "supervisor", "manager", "reporting"));

        final Set<String> allowed;

        Endpoint(Set<String> allowed) {
            this.allowed = allowed;
        }
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return SecurityMatrix.everyEndpointAndRole(Endpoint.values());
    }

    static String tokenFor(String shop, String role) {
        return role.equals("agent")
                ? TestTokens.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY")
                : TestTokens.token(shop, role, Set.of(role));
    }

    static String capture(String shop) {
        return given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(Reviews.json(shop, Reviews.unique("R"), Reviews.unique("O"), "BAD"))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String batchOf(String shop) {
        return "{\"reviews\": [" + Reviews.json(shop, Reviews.unique("R"), Reviews.unique("O"), "BAD") + "]}";
    }

    static int call(Endpoint endpoint, RequestSpecification request, String shop, String reviewId) {
        return switch (endpoint) {
            case CAPTURE ->
                request.contentType(ContentType.JSON)
                        .body(Reviews.json(shop, Reviews.unique("R"), Reviews.unique("O"), "BAD"))
                        .when()
                        .post("/api/v1/reviews")
                        .then()
                        .extract()
                        .statusCode();
            case BATCH ->
                request.urlEncodingEnabled(false)
                        .contentType(ContentType.JSON)
                        .body(batchOf(shop))
                        .when()
                        .post("/api/v1/reviews:batch")
                        .then()
                        .extract()
                        .statusCode();
            case GET ->
                request.when()
                        .get("/api/v1/reviews/" + reviewId)
                        .then()
                        .extract()
                        .statusCode();
        };
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void eachRoleMayDoOnlyWhatItIsFor(Endpoint endpoint, String role) {
        String shop = Reviews.uniqueShop();
        String reviewId = capture(shop);
        String token = tokenFor(shop, role);
        if (endpoint.allowed.contains(role)) {
            int status = call(endpoint, given().auth().oauth2(token), shop, reviewId);
            org.assertj.core.api.Assertions.assertThat(status).isBetween(200, 201);
        } else {
            forbidden(endpoint, given().auth().oauth2(token), shop, reviewId);
        }
    }

    void forbidden(Endpoint endpoint, RequestSpecification request, String shop, String reviewId) {
        switch (endpoint) {
            case CAPTURE ->
                request.contentType(ContentType.JSON)
                        .body(Reviews.json(shop, Reviews.unique("R"), Reviews.unique("O"), "BAD"))
                        .when()
                        .post("/api/v1/reviews")
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json")
                        .body("status", equalTo(403));
            case BATCH ->
                request.urlEncodingEnabled(false)
                        .contentType(ContentType.JSON)
                        .body(batchOf(shop))
                        .when()
                        .post("/api/v1/reviews:batch")
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json");
            case GET ->
                request.when()
                        .get("/api/v1/reviews/" + reviewId)
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json")
                        .body("status", equalTo(403));
        }
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(Endpoint.values())
                .flatMap(e -> Stream.of(
                        Arguments.of(e, "no token"),
                        Arguments.of(e, "forged"),
                        Arguments.of(e, "expired"),
                        Arguments.of(e, "no shop"),
                        Arguments.of(e, "shop a number"),
                        Arguments.of(e, "shop a list"),
                        Arguments.of(e, "tier a number")));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("refusedTokens")
    void missingExpiredForgedOrShoplessTokensAreUnauthenticated(Endpoint endpoint, String kind) {
        String shop = Reviews.uniqueShop();
        String reviewId = capture(shop);
        String role = endpoint.allowed.iterator().next();
        RequestSpecification request = switch (kind) {
            case "no token" -> given();
            case "forged" -> given().auth().oauth2(TestTokens.forged(shop, role));
            case "expired" -> given().auth().oauth2(TestTokens.expired(shop, role));
            // signed by the trusted key, but our claims are not text: refused at verification, never a 500
            case "shop a number" ->
                given().auth().oauth2(TestTokens.withClaims(shop, role, Set.of(role), Map.of("shop_id", 5)));
            case "shop a list" ->
                given().auth()
                        .oauth2(TestTokens.withClaims(shop, role, Set.of(role), Map.of("shop_id", List.of(shop))));
            case "tier a number" ->
                given().auth().oauth2(TestTokens.withClaims(shop, role, Set.of(role), Map.of("tier", 3)));
            default -> given().auth().oauth2(TestTokens.withoutShop(role));
        };
        var response = switch (endpoint) {
            case CAPTURE ->
                request.contentType(ContentType.JSON)
                        .body(Reviews.json(shop, Reviews.unique("R"), Reviews.unique("O"), "BAD"))
                        .when()
                        .post("/api/v1/reviews");
            case BATCH ->
                request.urlEncodingEnabled(false)
                        .contentType(ContentType.JSON)
                        .body(batchOf(shop))
                        .when()
                        .post("/api/v1/reviews:batch");
            case GET -> request.when().get("/api/v1/reviews/" + reviewId);
        };
        response.then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void anotherShopsReviewIsNotFoundWhateverTheRole() {
        String reviewId = capture(Reviews.uniqueShop());
        String otherShop = Reviews.uniqueShop();
        for (String role : Endpoint.GET.allowed) {
            given().auth()
                    .oauth2(tokenFor(otherShop, role))
                    .when()
                    .get("/api/v1/reviews/" + reviewId)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theOrderSystemCannotPostForAnotherShop() {
        String shop = Reviews.uniqueShop();
        String otherShop = Reviews.uniqueShop();
        String orderId = Reviews.unique("O");
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(Reviews.json(otherShop, "R-1", orderId, "BAD"))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // nothing stored for either shop
        given().auth()
                .oauth2(TestTokens.integration(otherShop))
                .contentType(ContentType.JSON)
                .body(Reviews.json(otherShop, "R-1", orderId, "BAD"))
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(201);
    }

    @Test
    void theApiDocumentsTheBearerScheme() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/reviews'.post.security[0]", org.hamcrest.Matchers.hasKey("bearer"));
    }
}
