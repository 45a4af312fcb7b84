package shop.winback.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;

/** Platform's typed query parameters over HTTP: a bad value is a 400 problem naming the parameter, never a 404. */
@QuarkusTest
class TypedQueryParamsTests {

    private static final String PATH = "/test/typed-params";

    @Test
    void absentParametersAreNullOrTheirDefault() {
        given().get(PATH)
                .then()
                .statusCode(200)
                .body("status", equalTo("null"))
                .body("fallback", equalTo("CLOSED"))
                .body("agentId", equalTo("null"))
                .body("since", equalTo("null"));
        given().queryParam("status", "").get(PATH).then().statusCode(200).body("status", equalTo("null"));
    }

    @Test
    void goodValuesAreTyped() {
        UUID agent = UUID.randomUUID();
        var now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        given().queryParam("status", "assigned")
                .queryParam("fallback", "WAITING")
                .queryParam("agentId", agent.toString())
                .queryParam("since", now.atOffset(ZoneOffset.ofHours(8)).toString())
                .get(PATH)
                .then()
                .statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("fallback", equalTo("WAITING"))
                .body("agentId", equalTo(agent.toString()))
                .body("since", equalTo(now.toString()));
        String today = TestClock.now().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        given().queryParam("day", today)
                .queryParam("zone", "Asia/Shanghai")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("day", equalTo(today))
                .body("zone", equalTo("Asia/Shanghai"));
        // an unencoded '+' arrives as a space
        given().urlEncodingEnabled(false)
                .get(PATH + "?zone=+08:00")
                .then()
                .statusCode(200)
                .body("zone", equalTo("+08:00"));
    }

    @Test
    void anUnknownConstantIsA400NamingTheParameterAndTheConstants() {
        given().queryParam("status", "OPENISH")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:invalid-request"))
                .body("status", equalTo(400))
                .body("instance", equalTo(PATH))
                .body("detail", equalTo("status: must be one of WAITING, ASSIGNED, CLOSED"))
                .body("violations.field", contains("status"))
                .body("violations[0].message", equalTo("must be one of WAITING, ASSIGNED, CLOSED"));
        given().queryParam("fallback", "LATER")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("violations.field", contains("fallback"));
    }

    @Test
    void aBadUuidOrInstantIsA400NamingTheParameter() {
        given().queryParam("agentId", "bob")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("agentId"))
                .body("violations[0].message", equalTo("must be a UUID"));
        given().queryParam("since", "yesterday")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("since"))
                .body(
                        "violations[0].message",
                        equalTo(
                                "must be an ISO-8601 instant or date-time with offset, e.g. 2026-11-23T09:30:00+08:00"));
    }

    @Test
    void aBadDateOrZoneIsA400NamingTheParameter() {
        given().queryParam("day", "tomorrow")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("violations.field", contains("day"))
                .body("violations[0].message", equalTo("must be a date as yyyy-MM-dd"));
        given().queryParam("zone", "Mars/Olympus_Mons")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("violations.field", contains("zone"));
    }

    @Test
    void pathParametersKeepTheirOwnConversion() {
        UUID id = UUID.randomUUID();
        given().get(PATH + "/" + id).then().statusCode(200);
        given().get(PATH + "/bob").then().statusCode(404);
    }
}
