package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestTokens;

/** POST /api/v1/quotes with logistics-service stood in for by LogisticsStub, answering, down, slow. */
@QuarkusTest
class QuoteApiTests {

    static String quote(String courier, String province, int items) {
        return """
                {"orderId": "O-1", "orderAmountFen": 12900, "distinctItems": %d, "buyer": {"province": "%s", "city": "x"},
                 "complaintReasons": ["QUALITY_DAMAGE"], "rating": "BAD"%s}""".formatted(items, province, courier == null ? "" : ", \"courier\": \"" + courier + "\"");
    }

    /** A quote whose parcel weight tells the logistics stub how to fail (LogisticsStub.DOWN_GRAMS …). */
    static String quote(String courier, String province, int items, String grams) {
        return quote(courier, province, items)
                .replace("\"rating\": \"BAD\"", "\"rating\": \"BAD\", \"weightGrams\": " + grams);
    }

    static ValidatableResponse post(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/quotes")
                .then();
    }

    @Test
    void postageComesFromLogisticsWithTheCallersTokenPassedOn() {
        String shop = TestData.uniqueShop();
        post(TestData.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY"), quote(null, "辽宁", 2))
                .statusCode(200)
                .body("returnPostage.source", equalTo("logistics"))
                .body("returnPostage.totalFen", equalTo((int) LogisticsStub.FIRST_KILO_FEN))
                .body("returnPostage.courier", equalTo("STO"))
                .body("returnPostage.from", equalTo("广东"))
                .body("returnPostage.to", equalTo("辽宁"))
                .body("baseCeilingFen", equalTo(1500))
                .body("standardOfferFen", equalTo(1000))
                .body("authorityLimitFen", equalTo(2000))
                .body("options.size()", greaterThanOrEqualTo(2))
                .body("options[0].type", equalTo("EXPLAIN"))
                .body("recommended.type", equalTo("GIFT_NEXT_ORDER"))
                .body("rules", hasItem("FIRM"));
    }

    @Test
    void aRemoteProvinceReportedByLogisticsIsHandledLeniently() {
        List<String> rules = post(TestTokens.supervisor(TestData.uniqueShop()), quote(null, "新疆", 2))
                .statusCode(200)
                .body("returnPostage.remote", equalTo(true))
                .body("returnPostage.source", equalTo("logistics"))
                .body("authorityLimitFen", equalTo(20000))
                .extract()
                .path("rules");
        assertThat(rules).contains("REMOTE_AREA");
    }

    @Test
    void whenLogisticsIsDownTheFallbackTableIsUsed() {
        // a courier the table does not list (TTK) costs its default first kilo: 1500
        post(
                        TestData.agent(TestData.uniqueShop(), UUID.randomUUID(), "AFTER_SALES"),
                        quote("TTK", "辽宁", 2, LogisticsStub.DOWN_GRAMS))
                .statusCode(200)
                .body("returnPostage.source", equalTo("fallback-table"))
                .body("returnPostage.totalFen", equalTo(1500))
                .body("returnPostage.remote", equalTo(false));
        post(
                        TestData.agent(TestData.uniqueShop(), UUID.randomUUID(), "AFTER_SALES"),
                        quote("TTK", "青海", 2, LogisticsStub.JUNK_GRAMS))
                .statusCode(200)
                .body("returnPostage.source", equalTo("fallback-table"))
                .body("returnPostage.remote", equalTo(true))
                .body("returnPostage.totalFen", equalTo(1500 + 800));
    }

    @Test
    void whenLogisticsIsSlowTheQuoteDoesNotWaitForIt() {
        // the stub does answer, after 3 s: a quote priced from the fallback table is one the timeout cut short
        // (no wall-clock assertion: on a busy box it would measure the box, not the rule)
        post(TestTokens.manager(TestData.uniqueShop()), quote("TTK", "辽宁", 2, LogisticsStub.SLOW_GRAMS))
                .statusCode(200)
                .body("returnPostage.source", equalTo("fallback-table"))
                .body("authorityLimitFen", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theShopsOwnNumbersApply() {
        String shop = TestData.uniqueShop();
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"badOfferFen\": 800, \"defaultCourier\": \"YTO\", \"originProvince\": \"浙江\"}")
                .put("/api/v1/compensation-settings")
                .then()
                .statusCode(200)
                .body("badOfferFen", equalTo(800))
                .body("neutralOfferFen", equalTo(500));
        post(TestData.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY"), quote(null, "辽宁", 3))
                .statusCode(200)
                .body("standardOfferFen", equalTo(800))
                .body("returnPostage.courier", equalTo("YTO"))
                .body("returnPostage.from", equalTo("浙江"))
                .body("options.find { it.type == 'COUPON' }.costFen", equalTo(800));
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"firmRefundFen\": -1}")
                .put("/api/v1/compensation-settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("firmRefundFen"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String token = TestData.agent(TestData.uniqueShop(), UUID.randomUUID(), "AFTER_SALES");
        post(
                        token,
                        "{\"orderAmountFen\": 0, \"distinctItems\": 1, \"buyer\": {\"province\": \"辽宁\"}, \"rating\": \"BAD\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("orderAmountFen"));
        post(token, "{\"orderAmountFen\": 100, \"distinctItems\": 1, \"buyer\": {}, \"rating\": \"BAD\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("buyer.province"));
        post(
                        token,
                        "{\"orderAmountFen\": 100, \"distinctItems\": 1, \"buyer\": {\"province\": \"辽宁\"}, \"rating\": \"TERRIBLE\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("rating"));
        post(token, "{\"orderAmountFen\": \"lots\"").statusCode(400).contentType("application/problem+json");
        post(token, quote("sto!", "辽宁", 1)).statusCode(400).body("violations[0].field", equalTo("courier"));
        // a code nobody ships with is refused, not priced from the fallback table
        post(token, quote("ACME", "辽宁", 1))
                .statusCode(400)
                .body("violations[0].field", equalTo("courier"))
                .body("violations[0].message", equalTo("must be one of STO, YTO, ZTO, YUNDA, SF, EMS, BEST, TTK"));
        post(token, quote("STO", "辽宁", 1).replace("QUALITY_DAMAGE", "BROKEN_HEART"))
                .statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.startsWith("complaintReasons"));
    }

    @Test
    void anAgentTokenWithoutATierQuotesWithTheRegistrysTierAndAnUnknownAgentMayNotQuote() {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        String noTier = TestTokens.withClaims(
                shop, "agent/x", java.util.Set.of("agent"), java.util.Map.of("agent_id", agent.toString()));
        post(noTier, quote(null, "辽宁", 1)).statusCode(403).contentType("application/problem+json");
        AgentEvents.register(shop, agent, "AFTER_SALES");
        post(noTier, quote(null, "辽宁", 1)).statusCode(200).body("authorityLimitFen", equalTo(2000));
    }
}
