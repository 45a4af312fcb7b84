package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** Month-end accounts: what was granted, by type, tier, agent, reason and day; CSV export. */
@QuarkusTest
class AccountsTests {

    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void theMonthsGrantsAddUpByEveryDimensionAndExportAsCsv() {
        String shop = TestData.uniqueShop();
        UUID recovery = UUID.randomUUID();
        UUID afterSales = UUID.randomUUID();
        TestData.request(
                        TestData.agent(shop, recovery, "REVIEW_RECOVERY"),
                        TestData.body(TestData.knownOrder(shop, 12900), "COUPON", 1000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201);
        TestData.request(
                        TestData.agent(shop, recovery, "REVIEW_RECOVERY"),
                        TestData.body(TestData.knownOrder(shop, 8900), "COUPON", 500, 8900, "SIZE_FIT"))
                .then()
                .statusCode(201);
        String pending = TestData.request(
                        TestData.agent(shop, afterSales, "AFTER_SALES"),
                        TestData.body(
                                TestData.knownOrder(shop, 12900), "PARTIAL_REFUND", 3000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // rejected and still-pending requests are not money spent
        TestData.request(
                        TestData.agent(shop, afterSales, "AFTER_SALES"),
                        TestData.body(TestData.knownOrder(shop, 12900), "FREE_RESEND", 9000, 12900, "MISSING_ITEM"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/compensations/" + pending + "/approval")
                .then()
                .statusCode(200);

        String month = TestClock.thisMonth(SHOP_ZONE).toString();
        String today = TestClock.today(SHOP_ZONE).toString();
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .accept(ContentType.JSON)
                .get("/api/v1/accounts/" + month)
                .then()
                .statusCode(200)
                .body("month", equalTo(month))
                .body("currency", equalTo("CNY"))
                .body("count", equalTo(3))
                .body("amountFen", equalTo(4500))
                .body("byType.find { it.key == 'COUPON' }.amountFen", equalTo(1500))
                .body("byType.find { it.key == 'PARTIAL_REFUND' }.amountFen", equalTo(3000))
                .body("byTier.find { it.key == 'REVIEW_RECOVERY' }.count", equalTo(2))
                .body("byTier.find { it.key == 'AFTER_SALES' }.amountFen", equalTo(3000))
                .body("byAgent.find { it.key == '" + recovery + "' }.amountFen", equalTo(1500))
                .body("byReason.find { it.key == 'QUALITY_DAMAGE' }.amountFen", equalTo(4000))
                .body("byDay.find { it.key == '" + today + "' }.count", equalTo(3))
                .body("courierFaultLosses.count", equalTo(0));

        String csv = given().auth()
                .oauth2(TestTokens.manager(shop))
                .accept("text/csv")
                .get("/api/v1/accounts/" + month)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(month + ".csv"))
                .extract()
                .asString();
        assertThat(csv.lines()).first().isEqualTo("section,key,count,amount_fen");
        assertThat(csv.lines())
                .contains(
                        "total," + month + ",3,4500",
                        "type,COUPON,2,1500",
                        "tier,AFTER_SALES,1,3000",
                        "agent," + recovery + ",2,1500",
                        "reason,SIZE_FIT,1,500",
                        "day," + today + ",3,4500",
                        "courier_fault_total," + month + ",0,0");

        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .get("/api/v1/ledger/" + month)
                .then()
                .statusCode(200)
                .body("size()", equalTo(3));
        // another month is empty
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .get("/api/v1/accounts/2001-01")
                .then()
                .statusCode(200)
                .body("count", equalTo(0));
    }

    @Test
    void aMonthThatIsNotAMonthIsAProblem() {
        given().auth()
                .oauth2(TestTokens.reporting(TestData.uniqueShop()))
                .get("/api/v1/accounts/November")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("month"));
    }
}
