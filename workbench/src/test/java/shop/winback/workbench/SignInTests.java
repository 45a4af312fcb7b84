package shop.winback.workbench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sign-in, sign-out and the language switch, with no service behind (none is called). */
@QuarkusTest
class SignInTests {

    /** A token of the shape the services issue; the workbench reads its claims, the services check its signature. */
    static String token(long expiresAt) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = """
                {"upn":"demo-shop/agent/1","groups":["agent"],"shop_id":"demo-shop",
                 "agent_id":"5f0c2d1e-0000-4000-8000-000000000001","tier":"REVIEW_RECOVERY","exp":%d}""".formatted(expiresAt);
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void theSignInPageSpeaksChineseFirstAndEnglishOnRequest() {
        given().when()
                .get("/signin")
                .then()
                .statusCode(200)
                .body(containsString("lang=\"zh-CN\""))
                .body(containsString("访问令牌"));
        given().cookie(Session.LANG_COOKIE, "en")
                .when()
                .get("/signin")
                .then()
                .statusCode(200)
                .body(containsString("lang=\"en\""))
                .body(containsString("Access token"));
        given().redirects()
                .follow(false)
                .when()
                .get("/lang?to=en&back=//evil.example")
                .then()
                .statusCode(303)
                .header("Location", containsString("/desk"))
                .header("Set-Cookie", containsString("wb_lang=en"));
    }

    @Test
    void aGoodTokenIsKeptInAnHttpOnlyStrictCookie() {
        String token = token(Instant.now().plusSeconds(3600).getEpochSecond());
        String cookie = given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("token", token)
                .when()
                .post("/signin")
                .then()
                .statusCode(303)
                .header("Location", containsString("/desk"))
                .extract()
                .header("Set-Cookie");
        assertThat(cookie).contains("wb_token=" + token).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void anExpiredOrMalformedTokenIsRefused() {
        given().contentType(ContentType.URLENC)
                .formParam("token", token(Instant.now().minusSeconds(5).getEpochSecond()))
                .when()
                .post("/signin")
                .then()
                .statusCode(401)
                .body(containsString("role=\"alert\""));
        given().contentType(ContentType.URLENC)
                .formParam("token", "not-a-token")
                .when()
                .post("/signin")
                .then()
                .statusCode(401);
    }

    @Test
    void pagesWithoutAUserSendToSignIn() {
        given().redirects()
                .follow(false)
                .when()
                .get("/desk")
                .then()
                .statusCode(303)
                .header("Location", containsString("/signin"));
        given().redirects()
                .follow(false)
                .when()
                .get("/tickets/5f0c2d1e-0000-4000-8000-000000000001")
                .then()
                .statusCode(303)
                .header("Location", containsString("/signin"));
    }

    @Test
    void aPhoneIsAlwaysMasked() {
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.phone("138****5678")).isEqualTo("138****5678");
        assertThat(Masks.phone("12345")).isEqualTo("****");
    }
}
