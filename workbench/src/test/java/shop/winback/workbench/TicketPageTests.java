package shop.winback.workbench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.workbench.FakeServices.Answer;

/**
 * The ticket page's complaint reasons and DSR (from ticket-service's detail) and its weight check (from
 * logistics-service) against the stand-ins.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class TicketPageTests {

    // The dates below are what the stand-in service answers, only shown by the page: the workbench reads no time
    // of its own from them (service levels come as seconds left from ticket-service), so they meet no real clock.
    static final UUID TICKET = UUID.fromString("7b1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e");
    static final String SHIPMENT = "3c4d5e6f-0000-4000-8000-000000000001";

    static String ticket(String reviews) {
        return """
                {"id": "%s", "shopId": "demo-shop", "orderId": "TB-O-7", "platformReviewId": "R-7",
                 "buyer": {"id": "b-7", "province": "辽宁", "city": "沈阳", "phone": "13812345678", "vip": false},
                 "item": {"sku": "SKU-SOCK-3P", "title": "棉袜三双装"}, "rating": "BAD", "orderAmountFen": 12900,
                 "distinctItems": 2, "requiredTier": "REVIEW_RECOVERY", "status": "ASSIGNED",
                 "openedAt": "2026-01-05T02:00:00Z", "reviews": [%s], "contacts": [], "buyerNotes": [],
                 "escalations": [], "compensations": []}""".formatted(TICKET, reviews);
    }

    static final String MISSING_REVIEW = """
            {"reviewId": "1f2e3d4c-0000-4000-8000-000000000007", "platformReviewId": "R-7", "itemTitle": "棉袜三双装",
             "rating": "BAD", "currentRating": "BAD", "textStillNegative": false,
             "reviewCreatedAt": "2026-01-05T01:00:00Z", "complaintReasons": ["MISSING_ITEM", "SLOW_SHIPPING"],
             "dsr": {"description": 2, "service": 3, "shipping": 1}}""";

    static final String QUALITY_REVIEW = """
            {"reviewId": "1f2e3d4c-0000-4000-8000-000000000008", "platformReviewId": "R-8", "itemTitle": "棉袜三双装",
             "rating": "BAD", "currentRating": "BAD", "textStillNegative": false,
             "reviewCreatedAt": "2026-01-05T01:00:00Z", "complaintReasons": ["QUALITY_DAMAGE"]}""";

    static final String QUOTE = """
            {"options": [{"type": "COUPON", "costFen": 1000, "withinAuthority": true, "shareOfOrderPercent": 7.8,
              "ladderStep": {"step": 2, "name": "COUPON", "lossMinPercent": 10, "lossMaxPercent": 20}}],
             "rules": [], "authorityLimitFen": 2000}""";

    static final String CHECK = """
            [{"id": "6a7b8c9d-0000-4000-8000-000000000001", "missingSkus": ["SKU-SOCK-3P"], "damaged": false,
              "verdict": "LOST_IN_TRANSIT", "originWeightGrams": 1000, "lastStationWeightGrams": 900,
              "missingWeightGrams": 100, "toleranceGrams": 50,
              "evidence": ["origin 1000 g, last station 900 g: 100 g lost"], "claimable": true,
              "checkedAt": "2026-01-05T04:00:00Z", "checkedBy": "agent-7"}]""";

    @BeforeEach
    void services() {
        FakeServices.CALLS.clear();
        FakeServices.ANSWERS.put("GET /api/v1/tickets/" + TICKET, new Answer(200, ticket(MISSING_REVIEW)));
        FakeServices.ANSWERS.put("POST /api/v1/quotes", new Answer(200, QUOTE));
        FakeServices.ANSWERS.put("GET /api/v1/compensations", new Answer(200, "{\"items\": [], \"total\": 0}"));
        FakeServices.ANSWERS.put("GET /api/v1/weight-checks", new Answer(200, "[]"));
        FakeServices.ANSWERS.put("GET /api/v1/shipments", new Answer(200, "[]"));
        FakeServices.ANSWERS.remove("GET /api/v1/shipments/" + SHIPMENT + "/scans");
    }

    String page() {
        return given().cookie(Session.TOKEN_COOKIE, CompensationTests.TOKEN)
                .when()
                .get("/tickets/" + TICKET)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void theReviewsComplaintReasonsMainOneFirstAndItsDsrAreShown() {
        assertThat(page())
                .contains("投诉原因")
                .contains("data-reason=\"MISSING_ITEM\">少件/漏发 <small>(主要)</small>")
                .contains("data-reason=\"SLOW_SHIPPING\">发货/物流慢</span>")
                .contains("描述相符 2 · 服务态度 3 · 物流服务 1");
    }

    @Test
    void theQuoteHasTheReasonsAndARequestIsRecordedUnderTheMainOne() {
        page();
        assertThat(FakeServices.calls("POST", "/api/v1/quotes").get(0).body())
                .contains("\"complaintReasons\":[\"MISSING_ITEM\",\"SLOW_SHIPPING\"]");
        FakeServices.ANSWERS.put("POST /api/v1/compensations", new Answer(201, """
                {"id": "5f0c2d1e-0000-4000-8000-0000000000aa", "orderId": "TB-O-7", "type": "COUPON", "amountFen": 1000,
                 "orderAmountFen": 12900, "reason": "MISSING_ITEM", "status": "APPROVED"}"""));
        given().cookie(Session.TOKEN_COOKIE, CompensationTests.TOKEN)
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("key", UUID.randomUUID().toString())
                .formParam("type", "COUPON")
                .formParam("amountFen", "1000")
                .when()
                .post("/tickets/" + TICKET + "/compensations")
                .then()
                .statusCode(303);
        assertThat(FakeServices.calls("POST", "/api/v1/compensations").get(0).body())
                .contains("\"reason\":\"MISSING_ITEM\"");
    }

    @Test
    void withoutAShipmentThePageSaysSoPlainly() {
        assertThat(page())
                .contains("称重核对（少件/漏发）")
                .contains("id=\"weight-no-shipment\"")
                .contains("物流系统中没有此订单的发货记录")
                .doesNotContain("id=\"weight-check\"");
        assertThat(FakeServices.calls("GET", "/api/v1/weight-checks").get(0).path())
                .isEqualTo("/api/v1/weight-checks?orderId=TB-O-7");
        assertThat(FakeServices.calls("GET", "/api/v1/shipments").get(0).authorization())
                .isEqualTo("Bearer " + CompensationTests.TOKEN);
    }

    @Test
    void theLatestVerdictWithItsWeightsEvidenceAndTheScansIsShown() {
        FakeServices.ANSWERS.put("GET /api/v1/weight-checks", new Answer(200, CHECK));
        FakeServices.ANSWERS.put("GET /api/v1/shipments", new Answer(200, """
                [{"id": "%s", "orderId": "TB-O-7", "courier": "STO", "trackingNumber": "773000111",
                  "originWeightGrams": 1000, "packingSlip": [], "shippedAt": "2026-01-02T02:00:00Z"}]""".formatted(SHIPMENT)));
        FakeServices.ANSWERS.put("GET /api/v1/shipments/" + SHIPMENT + "/scans", new Answer(200, """
                [{"station": "广州转运中心", "scannedAt": "2026-01-02T06:00:00Z", "status": "IN_TRANSIT", "weightGrams": 1000},
                 {"station": "沈阳网点", "scannedAt": "2026-01-04T06:00:00Z", "status": "DELIVERED", "weightGrams": 900}]"""));
        assertThat(page())
                .contains("data-verdict=\"LOST_IN_TRANSIT\"")
                .contains("运输途中丢失")
                .contains("可向快递索赔")
                .contains("origin 1000 g, last station 900 g: 100 g lost")
                .contains("<dd id=\"weight-declared\">1000 g</dd>")
                .contains("广州转运中心")
                .contains("900 g")
                .contains("id=\"weight-check\"");
    }

    @Test
    void aCheckAsksForTheTicketsItemAndARefusalIsShownInTheServicesWords() {
        FakeServices.ANSWERS.put("POST /api/v1/weight-checks", new Answer(201, CHECK.substring(1, CHECK.length() - 1)));
        given().cookie(Session.TOKEN_COOKIE, CompensationTests.TOKEN)
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("damaged", "true")
                .when()
                .post("/tickets/" + TICKET + "/weight-check")
                .then()
                .statusCode(303);
        assertThat(FakeServices.calls("POST", "/api/v1/weight-checks").get(0).body())
                .contains("\"orderId\":\"TB-O-7\"")
                .contains("\"missingItems\":[{\"sku\":\"SKU-SOCK-3P\",\"quantity\":1}]")
                .contains("\"damaged\":true")
                .contains("\"ticketId\":\"" + TICKET + "\"");

        FakeServices.ANSWERS.put(
                "POST /api/v1/weight-checks",
                new Answer(404, "{\"title\":\"Not found\",\"status\":404,\"detail\":\"No shipment of order TB-O-7\"}"));
        given().cookie(Session.TOKEN_COOKIE, CompensationTests.TOKEN)
                .contentType(ContentType.URLENC)
                .when()
                .post("/tickets/" + TICKET + "/weight-check")
                .then()
                .statusCode(404)
                .body(org.hamcrest.Matchers.containsString("No shipment of order TB-O-7"));
    }

    @Test
    void aComplaintOfAnythingButAMissingItemAsksLogisticsNothing() {
        FakeServices.ANSWERS.put("GET /api/v1/tickets/" + TICKET, new Answer(200, ticket(QUALITY_REVIEW)));
        assertThat(page()).contains("质量问题/破损").doesNotContain("weight-title");
        assertThat(FakeServices.calls("GET", "/api/v1/weight-checks")).isEmpty();
        assertThat(FakeServices.calls("GET", "/api/v1/shipments")).isEmpty();
    }
}
