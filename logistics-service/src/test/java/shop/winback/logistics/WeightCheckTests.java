package shop.winback.logistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.logistics.Kuaidi100Stub.Answer;
import shop.winback.testing.TestTokens;

/** POST /api/v1/weight-checks end to end: slip, damage, weights from pushes or from the courier look-up. */
@QuarkusTest
class WeightCheckTests {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closeBreakers() {
        breakers.resetAll();
    }

    /** A parcel weighed at origin by the order system, and at the last station by a courier push. */
    static String parcel(String shop, String order, Integer originGrams, Integer lastGrams, boolean socksOutOfStock) {
        String tracking = TestData.uniqueTracking();
        TestData.ship(shop, order, "STO", tracking, originGrams, socksOutOfStock);
        if (lastGrams != null) {
            TestData.pushGeneric(TestData.genericPushJson(
                            "STO", tracking, "沈阳转运中心", TestData.chinaTime(2, "06:10"), "IN_TRANSIT", lastGrams))
                    .then()
                    .statusCode(200);
        }
        return tracking;
    }

    static ValidatableResponse checkSocks(String shop, String order, boolean damaged) {
        return TestData.check(shop, TestData.weightCheckJson(order, "SKU-SOCK-3P", 1, damaged))
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON);
    }

    @Test
    void oneKiloAtOriginPointNineAtTheLastStationIsLostInTransit() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        parcel(shop, order, 1000, 900, false);
        String id = checkSocks(shop, order, false)
                .body("verdict", equalTo("LOST_IN_TRANSIT"))
                .body("originWeightGrams", equalTo(1000))
                .body("lastStationWeightGrams", equalTo(900))
                .body("missingWeightGrams", equalTo(100))
                .body("toleranceGrams", equalTo(50))
                .body("missingSkus", equalTo(List.of("SKU-SOCK-3P")))
                .body("claimable", equalTo(true))
                .body("evidence", hasItem(startsWith("the parcel lost 100 g")))
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .when()
                .get("/api/v1/weight-checks/" + id)
                .then()
                .statusCode(200)
                .body("verdict", equalTo("LOST_IN_TRANSIT"));
        given().auth()
                .oauth2(TestTokens.agent(shop, java.util.UUID.randomUUID(), "AFTER_SALES"))
                .queryParam("orderId", order)
                .when()
                .get("/api/v1/weight-checks")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void equalWeightAndAFullSlipIsNotSupported() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        parcel(shop, order, 1000, 1000, false);
        checkSocks(shop, order, false)
                .body("verdict", equalTo("CLAIM_NOT_SUPPORTED"))
                .body("claimable", equalTo(false))
                .body("evidence", hasItem(org.hamcrest.Matchers.containsString("everything packed")));
    }

    @Test
    void anItemTheSlipMarksOutOfStockIsShortShippedWithoutAskingTheCourier() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String tracking = parcel(shop, order, null, null, true);
        checkSocks(shop, order, false).body("verdict", equalTo("SHORT_SHIPPED"));
        assertThat(Kuaidi100Stub.hits(tracking)).isZero();
    }

    @Test
    void aDamagedParcelWithOneItemMissingIsRefundedDirectly() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String tracking = parcel(shop, order, null, null, false);
        checkSocks(shop, order, true)
                .body("verdict", equalTo("DAMAGED_PARCEL"))
                .body("damaged", equalTo(true))
                .body("claimable", equalTo(true));
        assertThat(Kuaidi100Stub.hits(tracking)).isZero();
    }

    @Test
    void withoutWeightsTheCourierIsAskedAndTheVerdictSaysWhatIsStillMissing() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String tracking = parcel(shop, order, null, null, false); // the stub knows nothing of it: 查询无结果
        checkSocks(shop, order, false)
                .body("verdict", equalTo("INCONCLUSIVE"))
                .body("originWeightGrams", nullValue())
                .body("lastStationWeightGrams", nullValue())
                .body(
                        "evidence",
                        hasItems(
                                startsWith("no weight at origin"),
                                startsWith("no weight from a later station"),
                                startsWith("courier look-up via Kuaidi100 reported 0 scan(s)")));
        assertThat(Kuaidi100Stub.hits(tracking)).isEqualTo(1);
    }

    @Test
    void weightsFromTheCourierLookUpDecide() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String tracking = parcel(shop, order, null, null, false);
        Kuaidi100Stub.script(
                tracking,
                Answer.traces(
                        "shentong",
                        tracking,
                        Kuaidi100Stub.trace(TestData.kuaidi100Time(2, "06:10:00"), "辽宁沈阳转运中心", "在途", "0.90"),
                        Kuaidi100Stub.trace(TestData.kuaidi100Time(1, "09:00:00"), "湖南长沙转运中心", "在途", null),
                        Kuaidi100Stub.trace(TestData.kuaidi100Time(0, "18:30:00"), "广东广州白云区", "揽收", "1.00")));
        checkSocks(shop, order, false)
                .body("verdict", equalTo("LOST_IN_TRANSIT"))
                .body("originWeightGrams", equalTo(1000))
                .body("lastStationWeightGrams", equalTo(900))
                .body("evidence", hasItem(org.hamcrest.Matchers.containsString("辽宁沈阳转运中心")));
    }

    @Test
    void aCourierThatRefusesLeavesTheCheckInconclusiveNotBroken() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String tracking = parcel(shop, order, 1000, null, false);
        Kuaidi100Stub.always(tracking, Answer.error("601", "POLL:KEY已过期或没有查询余额"));
        checkSocks(shop, order, false)
                .body("verdict", equalTo("INCONCLUSIVE"))
                .body("evidence", hasItem(startsWith("courier look-up failed: Kuaidi100 returnCode 601")));
    }

    @Test
    void theShopsOwnToleranceApplies() {
        String shop = TestData.uniqueShop();
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"toleranceGrams\": 10}")
                .when()
                .put("/api/v1/logistics-settings")
                .then()
                .statusCode(200);
        String order = TestData.uniqueOrder();
        parcel(shop, order, 1000, 970, false);
        checkSocks(shop, order, false).body("verdict", equalTo("INCONCLUSIVE")).body("toleranceGrams", equalTo(10));
        String other = TestData.uniqueShop();
        String otherOrder = TestData.uniqueOrder();
        parcel(other, otherOrder, 1000, 970, false);
        checkSocks(other, otherOrder, false)
                .body("verdict", equalTo("CLAIM_NOT_SUPPORTED"))
                .body("toleranceGrams", equalTo(50));
    }

    @Test
    void badInputIsAProblem() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        parcel(shop, order, 1000, 900, false);
        TestData.check(shop, TestData.weightCheckJson(order, "SKU-NOT-SENT", 1, false))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("missingItems[0].sku"));
        TestData.check(shop, "{\"orderId\": \"" + order + "\", \"missingItems\": []}")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("missingItems"));
        TestData.check(
                        shop,
                        "{\"orderId\": \"" + order
                                + "\", \"missingItems\": [{\"sku\": \"SKU-SOCK-3P\", \"quantity\": 0}], \"damaged\": \"maybe\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        TestData.check(shop, TestData.weightCheckJson(TestData.uniqueOrder(), "SKU-SOCK-3P", 1, false))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // another shop's order is not found, whatever is guessed
        TestData.check(TestData.uniqueShop(), TestData.weightCheckJson(order, "SKU-SOCK-3P", 1, false))
                .then()
                .statusCode(404);
    }
}
