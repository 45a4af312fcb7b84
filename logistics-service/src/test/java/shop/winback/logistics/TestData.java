package shop.winback.logistics;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import shop.winback.testing.TestTokens;

/** Fresh shops, orders and parcels for each test (the broker and database outlive test runs), and the pushes couriers send. */
public final class TestData {

    public static final String SALT = "dev-salt";
    public static final String GENERIC_SECRET = "dev-generic-push-secret";

    private TestData() {
    }

    public static String uniqueShop() {
        return "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueOrder() {
        return "TB-O-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static String uniqueTracking() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    /** A parcel: two T-shirts of 250 g and socks of 100 g, Guangzhou → Shenyang; the socks line marked out of stock if asked. */
    public static String shipmentJson(String orderId, String courier, String tracking, Integer originWeightGrams, boolean socksOutOfStock) {
        return """
                {"orderId": "%s", "courier": "%s", "trackingNumber": "%s",
                 "origin": {"province": "广东省", "city": "广州"}, "buyer": {"province": "辽宁", "city": "沈阳"},
                 %s "shippedAt": "2026-11-20T18:00:00+08:00",
                 "packingSlip": [
                   {"sku": "SKU-TS-WHITE-L", "title": "纯棉T恤 白色 L", "quantity": 2, "unitWeightGrams": 250, "outOfStock": false},
                   {"sku": "SKU-SOCK-3P", "title": "袜子三双装", "quantity": 1, "unitWeightGrams": 100, "outOfStock": %s}]}"""
                .formatted(orderId, courier, tracking,
                        originWeightGrams == null ? "" : "\"originWeightGrams\": " + originWeightGrams + ",", socksOutOfStock);
    }

    /** Registers the parcel; returns the shipment id. */
    public static String ship(String shop, String orderId, String courier, String tracking, Integer originWeightGrams, boolean socksOutOfStock) {
        return given().auth().oauth2(TestTokens.integration(shop)).contentType(ContentType.JSON)
                .body(shipmentJson(orderId, courier, tracking, originWeightGrams, socksOutOfStock))
                .when().post("/api/v1/shipments").then().statusCode(201).extract().path("id");
    }

    /** Kuaidi100's push param for one parcel, full trace newest first. */
    public static String kuaidi100Param(String com, String nu, String... traces) {
        return """
                {"status":"polling","billstatus":"","message":"","autoCheck":"0","comOld":"","comNew":"",
                 "lastResult":{"message":"ok","state":"0","status":"200","condition":"F00","ischeck":"0","com":"%s","nu":"%s","data":[%s]}}"""
                .formatted(com, nu, String.join(",", traces));
    }

    public static Response pushKuaidi100(String param, String sign) {
        return given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParam("param", param).formParam("sign", sign)
                .when().post("/api/v1/courier-pushes/kuaidi100");
    }

    public static Response pushKuaidi100(String param) {
        return pushKuaidi100(param, Kuaidi100Stub.md5Upper(param + SALT));
    }

    public static String genericPushJson(String courier, String tracking, String station, String scannedAt, String status, Integer weightGrams) {
        return """
                {"courier": "%s", "trackingNumber": "%s", "scans": [
                  {"station": "%s", "scannedAt": "%s", "status": "%s"%s}]}"""
                .formatted(courier, tracking, station, scannedAt, status, weightGrams == null ? "" : ", \"weightGrams\": " + weightGrams);
    }

    public static Response pushGeneric(String body) {
        return pushGeneric(body, "sha256=" + hmac(body, GENERIC_SECRET));
    }

    public static Response pushGeneric(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header("X-Signature", signature);
        }
        return request.when().post("/api/v1/courier-pushes/generic");
    }

    public static String hmac(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String agentToken(String shop, String tier) {
        return TestTokens.agent(shop, UUID.randomUUID(), tier);
    }

    /** A weight check request body. */
    public static String weightCheckJson(String orderId, String sku, int quantity, boolean damaged) {
        return """
                {"orderId": "%s", "missingItems": [{"sku": "%s", "quantity": %d}], "damaged": %s}""".formatted(orderId, sku, quantity, damaged);
    }

    public static Response check(String shop, String body) {
        return given().auth().oauth2(TestTokens.supervisor(shop)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/weight-checks");
    }
}
