package shop.winback.logistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestTokens;

/** Shipments and packing slips from the shop's order system. */
@QuarkusTest
class ShipmentApiTests {

    @Test
    void registersAShipmentWithItsSlipAndNormalisedProvinces() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String tracking = TestData.uniqueTracking();
        String id = given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(TestData.shipmentJson(order, "STO", tracking, 1000, true))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/shipments/"))
                .body("shopId", equalTo(shop))
                .body("orderId", equalTo(order))
                .body("courier", equalTo("STO"))
                .body("trackingNumber", equalTo(tracking))
                .body("origin.province", equalTo("广东"))
                .body("buyer.city", equalTo("沈阳"))
                .body("originWeightGrams", equalTo(1000))
                .body("packingSlip", hasSize(2))
                .body("packingSlip[1].outOfStock", equalTo(true))
                .body("packingSlip[0].unitWeightGrams", equalTo(250))
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .when()
                .get("/api/v1/shipments/" + id)
                .then()
                .statusCode(200)
                .body("orderId", equalTo(order));
        given().auth()
                .oauth2(TestTokens.agent(shop, java.util.UUID.randomUUID(), "IN_SALES"))
                .queryParam("orderId", order)
                .when()
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .when()
                .get("/api/v1/shipments/" + id + "/scans")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void theSameShipmentAgainChangesNothing() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String tracking = TestData.uniqueTracking();
        String id = TestData.ship(shop, order, "ZTO", tracking, null, false);
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(TestData.shipmentJson(order, "ZTO", tracking, null, false))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void anotherParcelForTheSameOrderOrATrackingNumberInUseByTheShopConflicts() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String tracking = TestData.uniqueTracking();
        TestData.ship(shop, order, "ZTO", tracking, null, false);
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(TestData.shipmentJson(order, "ZTO", TestData.uniqueTracking(), null, false))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // another of the shop's orders cannot take the same courier tracking number (other shops: CourierPushTests)
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(TestData.shipmentJson(TestData.uniqueOrder(), "ZTO", tracking, null, false))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:winback:problem:tracking-number-taken"));
    }

    @Test
    void badInputIsAProblemNamingEachFieldAndStoresNothing() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body("""
                        {"orderId": "%s", "courier": "DHL", "trackingNumber": "x y",
                         "origin": {"province": "广东"}, "buyer": {"province": "辽宁"}, "packingSlip": []}""".formatted(order))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("courier"));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body("""
                        {"orderId": "%s", "courier": "STO", "trackingNumber": "x y", "originWeightGrams": 0,
                         "origin": {"province": "广东"}, "buyer": {"province": "Atlantis"}, "packingSlip": []}""".formatted(order))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("trackingNumber"))
                .body("violations.field", hasItem("packingSlip"))
                .body("violations.field", hasItem("originWeightGrams"));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(TestData.shipmentJson(order, "STO", TestData.uniqueTracking(), null, false)
                        .replace("辽宁", "Atlantis")
                        .replace("SKU-SOCK-3P", "SKU-TS-WHITE-L"))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("buyer.province"))
                .body("violations.field", hasItem("packingSlip[1].sku"));
        // a dispatch dated far ahead of the clock is junk, not a plan
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(TestData.shipmentJson(order, "STO", TestData.uniqueTracking(), null, false)
                        .replace(TestData.chinaTime(0, "18:00"), "2999-01-01T00:00:00+08:00"))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("shippedAt"));
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .queryParam("orderId", order)
                .when()
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void aBodyForAnotherShopIsRefusedAndAnotherShopsShipmentIsNotFound() {
        String shop = TestData.uniqueShop();
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(TestData.shipmentJson(TestData.uniqueOrder(), "STO", TestData.uniqueTracking(), null, false)
                        .replaceFirst("\\{", "{\"shopId\": \"someone-else\","))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String id = TestData.ship(shop, TestData.uniqueOrder(), "STO", TestData.uniqueTracking(), null, false);
        given().auth()
                .oauth2(TestTokens.supervisor(TestData.uniqueShop()))
                .when()
                .get("/api/v1/shipments/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
