package shop.winback.logistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** Lost-parcel claims: filed from a courier-fault verdict, decided once, reported at month end. */
@QuarkusTest
class ClaimTests {

    /** A LOST_IN_TRANSIT weight check of a fresh parcel; returns its id. */
    static String lostParcel(String shop) {
        String order = TestData.uniqueOrder();
        WeightCheckTests.parcel(shop, order, 1000, 900, false);
        return WeightCheckTests.checkSocks(shop, order, false)
                .body("verdict", equalTo("LOST_IN_TRANSIT"))
                .extract()
                .path("id");
    }

    static Response file(String token, String weightCheckId, long amountFen) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(
                        "{\"weightCheckId\": \"%s\", \"amountFen\": %d, \"evidence\": [\"buyer's photo IMG-2231\"], \"note\": \"袜子丢失\"}"
                                .formatted(weightCheckId, amountFen))
                .when()
                .post("/api/v1/claims");
    }

    @Test
    void anAfterSalesAgentFilesAClaimOnceAndASupervisorSettlesIt() {
        String shop = TestData.uniqueShop();
        String check = lostParcel(shop);
        String claim = file(TestData.agentToken(shop, "AFTER_SALES"), check, 2990)
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("amountFen", equalTo(2990))
                .body("currency", equalTo("CNY"))
                .body("courier", equalTo("STO"))
                .body("verdict", equalTo("LOST_IN_TRANSIT"))
                .body("evidence", hasItem(startsWith("the parcel lost 100 g")))
                .body("evidence", hasItem("buyer's photo IMG-2231"))
                .extract()
                .path("id");
        file(TestTokens.manager(shop), check, 2990).then().statusCode(409).contentType("application/problem+json");

        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/claims/" + claim + "/settle")
                .then()
                .statusCode(200)
                .body("status", equalTo("SETTLED"))
                .body("settledAmountFen", equalTo(2990));
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"late\"}")
                .when()
                .post("/api/v1/claims/" + claim + "/reject")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .when()
                .get("/api/v1/claims/" + claim)
                .then()
                .statusCode(200)
                .body("status", equalTo("SETTLED"));
    }

    @Test
    void aRejectionNeedsAReason() {
        String shop = TestData.uniqueShop();
        String claim = file(TestTokens.supervisor(shop), lostParcel(shop), 1500)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/claims/" + claim + "/reject")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("reason"));
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"签收时未验货\"}")
                .when()
                .post("/api/v1/claims/" + claim + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("settledAmountFen", equalTo(0))
                .body("decisionReason", equalTo("签收时未验货"));
    }

    @Test
    void agentsBelowAfterSalesMayNotFile() {
        String shop = TestData.uniqueShop();
        String check = lostParcel(shop);
        file(TestData.agentToken(shop, "PRE_SALES"), check, 1000)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        file(TestData.agentToken(shop, "IN_SALES"), check, 1000).then().statusCode(403);
        file(TestData.agentToken(shop, "REVIEW_RECOVERY"), check, 1000).then().statusCode(201);
    }

    @Test
    void onlyCourierFaultVerdictsAreClaimed() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        WeightCheckTests.parcel(shop, order, 1000, 1000, false);
        String check = WeightCheckTests.checkSocks(shop, order, false).extract().path("id");
        file(TestTokens.manager(shop), check, 1000)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:winback:problem:verdict-not-claimable"));
        file(TestTokens.manager(shop), java.util.UUID.randomUUID().toString(), 1000)
                .then()
                .statusCode(404);
        file(TestTokens.manager(shop), check, 0).then().statusCode(400).body("violations.field", hasItem("amountFen"));
        // another shop cannot claim this shop's verdict
        file(TestTokens.manager(TestData.uniqueShop()), lostParcel(shop), 1000)
                .then()
                .statusCode(404);
    }

    @Test
    void theMonthEndReportSumsEachCouriersClaims() {
        String shop = TestData.uniqueShop();
        String settled = file(TestTokens.manager(shop), lostParcel(shop), 2990)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        file(TestTokens.manager(shop), lostParcel(shop), 1500).then().statusCode(201);
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"settledAmountFen\": 2500}")
                .when()
                .post("/api/v1/claims/" + settled + "/settle")
                .then()
                .statusCode(200);
        YearMonth thisMonth = TestClock.thisMonth(TestClock.SHANGHAI);
        String month = thisMonth.toString();
        Map<String, Object> report = given().auth()
                .oauth2(TestTokens.reporting(shop))
                .queryParam("month", month)
                .when()
                .get("/api/v1/claims/month-end")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertThat(report)
                .containsEntry("month", month)
                .containsEntry("currency", "CNY")
                .containsEntry("claimedFen", 4490)
                .containsEntry("settledFen", 2500)
                .containsEntry("outstandingFen", 1500);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> couriers = (List<Map<String, Object>>) report.get("couriers");
        assertThat(couriers).hasSize(1);
        assertThat(couriers.get(0))
                .containsEntry("courier", "STO")
                .containsEntry("claims", 2)
                .containsEntry("open", 1)
                .containsEntry("settled", 1)
                .containsEntry("rejected", 0);
        // last year's month has none
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .queryParam("month", thisMonth.minusYears(1).toString())
                .when()
                .get("/api/v1/claims/month-end")
                .then()
                .statusCode(200)
                .body("couriers.size()", equalTo(0))
                .body("claimedFen", equalTo(0));
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .queryParam("month", "November")
                .when()
                .get("/api/v1/claims/month-end")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("month"));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .queryParam("status", "OPEN")
                .when()
                .get("/api/v1/claims")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .queryParam("status", "LOST")
                .when()
                .get("/api/v1/claims")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("status"));
    }
}
