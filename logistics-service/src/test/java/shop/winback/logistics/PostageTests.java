package shop.winback.logistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestTokens;

/** GET /api/v1/postage: the contract compensation-service relies on, DOMAIN's prices, remote areas, per-shop prices. */
@QuarkusTest
class PostageTests {

    static Map<String, Object> estimate(String shop, String courier, String from, String to, int grams) {
        return given().auth()
                .oauth2(TestTokens.agent(shop, java.util.UUID.randomUUID(), "AFTER_SALES"))
                .queryParam("courier", courier)
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("weightGrams", grams)
                .when()
                .get("/api/v1/postage")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }

    @Test
    void theContractExampleAnswersExactlyTheAgreedBody() {
        Map<String, Object> body = estimate(TestData.uniqueShop(), "STO", "广东", "辽宁", 1000);
        assertThat(body)
                .containsEntry("courier", "STO")
                .containsEntry("from", "广东")
                .containsEntry("to", "辽宁")
                .containsEntry("weightGrams", 1000)
                .containsEntry("firstKiloFen", 1500)
                .containsEntry("totalFen", 1500)
                .containsEntry("remote", false)
                .containsKey("extraKiloFen");
    }

    @Test
    void guangzhouToTheNorthEastFirstKiloIsDomainsExample() {
        String shop = TestData.uniqueShop();
        assertThat(estimate(shop, "SF", "广东", "黑龙江", 800)).containsEntry("totalFen", 2000);
        assertThat(estimate(shop, "STO", "广东", "吉林", 800)).containsEntry("totalFen", 1500);
        assertThat(estimate(shop, "YTO", "广东", "辽宁", 800)).containsEntry("totalFen", 1200);
        assertThat(estimate(shop, "ZTO", "广东", "辽宁", 800)).containsEntry("totalFen", 1100);
        assertThat(estimate(shop, "yunda", "广东省", "辽宁省", 800))
                .containsEntry("totalFen", 1100)
                .containsEntry("courier", "YUNDA");
    }

    @Test
    void extraKilosAreRoundedUpAndCharged() {
        Map<String, Object> body = estimate(TestData.uniqueShop(), "STO", "广东", "辽宁", 2100);
        long first = ((Number) body.get("firstKiloFen")).longValue();
        long extra = ((Number) body.get("extraKiloFen")).longValue();
        assertThat(((Number) body.get("totalFen")).longValue()).isEqualTo(first + 2 * extra);
    }

    @Test
    void zonesFollowDistanceAndRemoteAreasAreFlagged() {
        String shop = TestData.uniqueShop();
        assertThat(estimate(shop, "ZTO", "广东", "广东", 500))
                .containsEntry("zone", "LOCAL")
                .containsEntry("remote", false);
        assertThat(estimate(shop, "ZTO", "广东", "广西", 500)).containsEntry("zone", "REGIONAL");
        assertThat(estimate(shop, "ZTO", "广东", "辽宁", 500)).containsEntry("zone", "NATIONAL");
        Map<String, Object> xinjiang = estimate(shop, "ZTO", "广东", "新疆维吾尔自治区", 500);
        assertThat(xinjiang)
                .containsEntry("zone", "REMOTE")
                .containsEntry("remote", true)
                .containsEntry("to", "新疆");
        assertThat(((Number) xinjiang.get("totalFen")).longValue()).isGreaterThan(1100);
        // a return parcel from a remote buyer is remote too
        assertThat(estimate(shop, "ZTO", "西藏", "广东", 500)).containsEntry("remote", true);
    }

    @Test
    void unknownCourierProvinceOrWeightIsAProblemNamingTheParameter() {
        String token = TestTokens.manager(TestData.uniqueShop());
        given().auth()
                .oauth2(token)
                .queryParam("courier", "DHL")
                .queryParam("from", "广东")
                .queryParam("to", "辽宁")
                .queryParam("weightGrams", 1000)
                .when()
                .get("/api/v1/postage")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("courier"));
        given().auth()
                .oauth2(token)
                .queryParam("courier", "STO")
                .queryParam("from", "Atlantis")
                .queryParam("to", "辽宁")
                .queryParam("weightGrams", 0)
                .when()
                .get("/api/v1/postage")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("from"))
                .body("violations.field", hasItem("weightGrams"));
        given().auth()
                .oauth2(token)
                .queryParam("courier", "STO")
                .queryParam("from", "广东")
                .queryParam("to", "辽宁")
                .queryParam("weightGrams", "1kg")
                .when()
                .get("/api/v1/postage")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("weightGrams"));
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/postage")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("courier"))
                .body("violations.field", hasItem("to"));
    }

    @Test
    void aShopsOwnPriceReplacesTheDefaultForThatShopOnly() {
        String shop = TestData.uniqueShop();
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body(
                        "{\"toleranceGrams\": 30, \"postageRates\": [{\"courier\": \"STO\", \"zone\": \"NATIONAL\", \"firstKiloFen\": 1300, \"extraKiloFen\": 500}]}")
                .when()
                .put("/api/v1/logistics-settings")
                .then()
                .statusCode(200)
                .body("toleranceGrams", equalTo(30))
                .body("damagedFewItemsMax", equalTo(2));
        assertThat(estimate(shop, "STO", "广东", "辽宁", 1500))
                .containsEntry("firstKiloFen", 1300)
                .containsEntry("totalFen", 1800);
        assertThat(estimate(shop, "ZTO", "广东", "辽宁", 1000)).containsEntry("firstKiloFen", 1100);
        assertThat(estimate(TestData.uniqueShop(), "STO", "广东", "辽宁", 1000)).containsEntry("firstKiloFen", 1500);
    }

    @Test
    void aShopCountsItsOwnRemoteAreasDownToCitiesAndHainanIsRemoteByDefault() {
        String shop = TestData.uniqueShop();
        assertThat(estimate(shop, "ZTO", "广东", "海南", 500))
                .containsEntry("remote", true)
                .containsEntry("zone", "REMOTE");
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"remoteAreas\": [\"新疆维吾尔自治区\", \"四川省/甘孜\"]}")
                .when()
                .put("/api/v1/logistics-settings")
                .then()
                .statusCode(200)
                .body("remoteAreas", equalTo(java.util.List.of("新疆", "四川/甘孜")));
        // a county of Sichuan is remote for this shop, the provincial capital is not; Hainan no longer is
        Map<String, Object> ganzi = given().auth()
                .oauth2(TestTokens.agent(shop, java.util.UUID.randomUUID(), "AFTER_SALES"))
                .queryParam("courier", "ZTO")
                .queryParam("from", "广东")
                .queryParam("to", "四川")
                .queryParam("toCity", "甘孜藏族自治州")
                .queryParam("weightGrams", 500)
                .when()
                .get("/api/v1/postage")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertThat(ganzi).containsEntry("remote", true).containsEntry("zone", "REMOTE");
        assertThat(estimate(shop, "ZTO", "广东", "四川", 500))
                .containsEntry("remote", false)
                .containsEntry("zone", "NATIONAL");
        assertThat(estimate(shop, "ZTO", "广东", "海南", 500)).containsEntry("remote", false);
        // another shop keeps the defaults
        assertThat(estimate(TestData.uniqueShop(), "ZTO", "广东", "海南", 500)).containsEntry("remote", true);
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .when()
                .get("/api/v1/logistics-settings")
                .then()
                .body("remoteAreas", equalTo(java.util.List.of("新疆", "四川/甘孜")));
    }

    @Test
    void aRemoteAreaThatIsNoPlaceIsRefusedNamingIt() {
        String shop = TestData.uniqueShop();
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"remoteAreas\": [\"新疆\", \"Atlantis/Poseidonia\"]}")
                .when()
                .put("/api/v1/logistics-settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("remoteAreas[1]"));
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .when()
                .get("/api/v1/logistics-settings")
                .then()
                .body("remoteAreas", hasItem("海南"));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        given().auth()
                .oauth2(TestTokens.manager(TestData.uniqueShop()))
                .contentType(ContentType.JSON)
                .body(
                        "{\"toleranceGrams\": -5, \"postageRates\": [{\"courier\": \"STO\", \"zone\": \"MOON\", \"firstKiloFen\": 1, \"extraKiloFen\": 1}]}")
                .when()
                .put("/api/v1/logistics-settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // 10,000 rates in one call: refused on the list's size, before any rate is looked at
        String rate = "{\"courier\": \"STO\", \"zone\": \"NATIONAL\", \"firstKiloFen\": 1300, \"extraKiloFen\": 500}";
        given().auth()
                .oauth2(TestTokens.manager(TestData.uniqueShop()))
                .contentType(ContentType.JSON)
                .body("{\"postageRates\": [" + String.join(",", java.util.Collections.nCopies(10_000, rate)) + "]}")
                .when()
                .put("/api/v1/logistics-settings")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("postageRates"))
                .body("violations[0].message", equalTo("must have at most 64 elements"));
        given().auth()
                .oauth2(TestTokens.manager(TestData.uniqueShop()))
                .contentType(ContentType.JSON)
                .body("{\"postageRates\": [" + rate.replace("1300", "1000.5") + "]}")
                .when()
                .put("/api/v1/logistics-settings")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("postageRates[0].firstKiloFen"));
    }
}
