package shop.winback.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The security matrix every service's API is held to, written once: each role may do what it is for and is answered
 * 403 problem+json elsewhere; a request without a token, or with a forged, expired or shopless one, is answered 401
 * problem+json with {@code WWW-Authenticate: Bearer}. A service's security tests list its endpoints (an enum with
 * the roles allowed) and call these from their parameterized tests.
 */
public final class SecurityMatrix {

    /** The roles of the shop's tokens (DESIGN.md). */
    public static final Set<String> ROLES = Set.of("integration", "agent", "supervisor", "manager", "reporting");

    /** The kinds of token every endpoint refuses as unauthenticated. */
    public static final List<String> REFUSED_TOKENS = List.of("no token", "forged", "expired", "no shop");

    private SecurityMatrix() {}

    /** Every endpoint with every role, roles sorted: a {@code @MethodSource} of (endpoint, role). */
    public static <E extends Enum<E>> Stream<Arguments> everyEndpointAndRole(E[] endpoints) {
        return Stream.of(endpoints).flatMap(e -> ROLES.stream().sorted().map(role -> Arguments.of(e, role)));
    }

    /** Every endpoint with every refused kind of token: a {@code @MethodSource} of (endpoint, kind). */
    public static <E extends Enum<E>> Stream<Arguments> everyEndpointAndRefusedToken(E[] endpoints) {
        return Stream.of(endpoints).flatMap(e -> REFUSED_TOKENS.stream().map(kind -> Arguments.of(e, kind)));
    }

    /** A request carrying a refused token of that kind (a manager's, but for its flaw) for the shop. */
    public static RequestSpecification withRefusedToken(String kind, String shop) {
        return switch (kind) {
            case "no token" -> given();
            case "forged" -> given().auth().oauth2(TestTokens.forged(shop, "manager"));
            case "expired" -> given().auth().oauth2(TestTokens.expired(shop, "manager"));
            case "no shop" -> given().auth().oauth2(TestTokens.withoutShop("manager"));
            default -> throw new IllegalArgumentException("no refused token of kind " + kind);
        };
    }

    /** Allowed: 200 or 201; otherwise 403 problem+json. */
    public static void assertAllowedOrForbidden(Response response, boolean allowed) {
        if (allowed) {
            int status = response.statusCode();
            assertTrue(
                    status == 200 || status == 201,
                    () -> "expected 200 or 201, got " + status + ": " + response.asString());
        } else {
            response.then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    /** 401 problem+json asking for a bearer token. */
    public static void assertUnauthenticated(Response response) {
        response.then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }
}
