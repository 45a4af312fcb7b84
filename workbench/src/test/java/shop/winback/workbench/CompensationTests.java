package shop.winback.workbench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.workbench.FakeServices.Answer;

/** The ticket page's compensation part against stand-ins for ticket-service and compensation-service. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class CompensationTests {

    // The dates below are what the stand-in service answers, only shown by the page: the workbench reads no time
    // of its own from them (service levels come as seconds left from ticket-service), so they meet no real clock.
    static final UUID TICKET = UUID.fromString("9a0c1e2f-3b4d-4e5f-8a6b-7c8d9e0f1a2b");
    static final String TOKEN =
            SignInTests.token(Instant.now().plusSeconds(3600).getEpochSecond());

    static final String TICKET_JSON = """
            {"id": "%s", "shopId": "demo-shop", "orderId": "TB-O-1", "platformReviewId": "R-1",
             "buyer": {"id": "b-1", "province": "辽宁", "city": "沈阳", "phone": "13812345678", "vip": false},
             "item": {"sku": "SKU-1", "title": "纯棉T恤"}, "rating": "BAD", "orderAmountFen": 12900, "distinctItems": 2,
             "requiredTier": "REVIEW_RECOVERY", "status": "ASSIGNED", "openedAt": "2026-01-05T02:00:00Z",
             "reviews": [], "contacts": [], "buyerNotes": [], "escalations": [], "compensations": []}""".formatted(TICKET);

    static final String QUOTE_JSON = """
            {"options": [
              {"type": "EXPLAIN", "costFen": 0, "description": "Explain", "withinAuthority": true,
               "shareOfOrderPercent": 0, "ladderStep": {"step": 1, "name": "EXPLAIN", "lossMinPercent": 0, "lossMaxPercent": 0}},
              {"type": "COUPON", "costFen": 1000, "description": "coupon", "withinAuthority": true,
               "shareOfOrderPercent": 7.8, "ladderStep": {"step": 2, "name": "COUPON", "lossMinPercent": 10, "lossMaxPercent": 20}},
              {"type": "PARTIAL_REFUND", "costFen": 3900, "description": "refund", "withinAuthority": false,
               "approvalBecause": "ABOVE_AUTHORITY", "shareOfOrderPercent": 30.2,
               "ladderStep": {"step": 3, "name": "PARTIAL_REFUND", "lossMinPercent": 20, "lossMaxPercent": 50}}],
             "recommended": {"type": "COUPON", "costFen": 1000, "withinAuthority": true, "shareOfOrderPercent": 7.8},
             "rules": ["FIRM"], "authorityLimitFen": 2000}""";

    static String compensation(String status) {
        return """
                {"id": "5f0c2d1e-0000-4000-8000-00000000000c", "orderId": "TB-O-1", "ticketId": "%s",
                 "agentId": "5f0c2d1e-0000-4000-8000-000000000001", "type": "COUPON", "amountFen": 1000,
                 "orderAmountFen": 12900, "reason": "OTHER", "status": "%s", "createdAt": "2026-01-05T03:00:00Z"}""".formatted(TICKET, status);
    }

    @BeforeEach
    void services() {
        FakeServices.CALLS.clear();
        FakeServices.ANSWERS.put("GET /api/v1/tickets/" + TICKET, new Answer(200, TICKET_JSON));
        FakeServices.ANSWERS.put("POST /api/v1/quotes", new Answer(200, QUOTE_JSON));
        FakeServices.ANSWERS.put(
                "GET /api/v1/compensations",
                new Answer(200, "{\"items\": [" + compensation("PENDING") + "], \"total\": 1}"));
        FakeServices.ANSWERS.put("POST /api/v1/compensations", new Answer(201, compensation("APPROVED")));
    }

    @Test
    void theQuoteIsShownWithOneFormPerOptionEachWithItsOwnKey() {
        String page = given().cookie(Session.TOKEN_COOKIE, TOKEN)
                .when()
                .get("/tickets/" + TICKET)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page)
                .contains("补偿方案")
                .contains("不以修改或删除评价为条件")
                .contains("申请 优惠券 10.00 元")
                .contains("申请 部分退款 39.00 元")
                .contains("超出申请人权限，需主管审批")
                .contains("第 2 级")
                .contains("待审批");
        // explaining costs nothing and is not requested: no form for it
        assertThat(page).doesNotContain("value=\"EXPLAIN\"");
        List<String> keys = hidden(page, "key");
        assertThat(keys).hasSize(2).doesNotHaveDuplicates();
        keys.forEach(k -> assertThat(UUID.fromString(k)).isNotNull());
        // the quote went with the user's own token and the ticket's figures
        var quote = FakeServices.calls("POST", "/api/v1/quotes").get(0);
        assertThat(quote.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(quote.body()).contains("\"orderId\":\"TB-O-1\"").contains("\"distinctItems\":2");
        assertThat(FakeServices.calls("GET", "/api/v1/compensations").get(0).path())
                .contains("ticketId=" + TICKET);
    }

    @Test
    void aDoubleSubmitIsOneRequestByItsKey() {
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().cookie(Session.TOKEN_COOKIE, TOKEN)
                    .redirects()
                    .follow(false)
                    .contentType(ContentType.URLENC)
                    .formParam("key", key)
                    .formParam("type", "COUPON")
                    .formParam("amountFen", "1000")
                    .when()
                    .post("/tickets/" + TICKET + "/compensations")
                    .then()
                    .statusCode(303)
                    .header("Location", org.hamcrest.Matchers.containsString("requested=APPROVED"));
        }
        var requests = FakeServices.calls("POST", "/api/v1/compensations");
        assertThat(requests).hasSize(2).allSatisfy(c -> {
            assertThat(c.idempotencyKey()).isEqualTo(key);
            assertThat(c.body())
                    .contains("\"type\":\"COUPON\"")
                    .contains("\"amountFen\":1000")
                    .contains("\"ticketId\":\"" + TICKET + "\"");
        });
    }

    @Test
    void aRefusalIsShownInTheServicesOwnWords() {
        FakeServices.ANSWERS.put(
                "POST /api/v1/compensations",
                new Answer(
                        422,
                        "{\"title\":\"Facts disagree\",\"status\":422,\"detail\":\"amountFen is more than the order\"}"));
        given().cookie(Session.TOKEN_COOKIE, TOKEN)
                .contentType(ContentType.URLENC)
                .formParam("key", UUID.randomUUID().toString())
                .formParam("type", "COUPON")
                .formParam("amountFen", "99999")
                .when()
                .post("/tickets/" + TICKET + "/compensations")
                .then()
                .statusCode(422)
                .body(org.hamcrest.Matchers.containsString("操作未完成：amountFen is more than the order"));
    }

    @Test
    void theListAloneIsServedForThePageToRefresh() {
        FakeServices.ANSWERS.put(
                "GET /api/v1/compensations",
                new Answer(200, "{\"items\": [" + compensation("APPROVED") + "], \"total\": 1}"));
        String part = given().cookie(Session.TOKEN_COOKIE, TOKEN)
                .when()
                .get("/tickets/" + TICKET + "/compensations")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(part).contains("data-status=\"APPROVED\"").contains("已批准").doesNotContain("<html");
    }

    static List<String> hidden(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
