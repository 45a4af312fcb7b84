package shop.winback.logistics;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** Fresh shops, orders and parcels for each test (the broker and database outlive test runs), and the pushes couriers send. */
public final class TestData {

    public static final String SALT = "dev-salt";
    public static final String GENERIC_SECRET = "dev-generic-push-secret";

    /** The day a test parcel leaves the shop: three days before today on the clock under test, so its scans lie in the past. */
    static final LocalDate SHIPPING_DAY = TestClock.today(TestClock.SHANGHAI).minusDays(3);

    private static final DateTimeFormatter KUAIDI100_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private TestData() {}

    /** A China time {@code days} after the shipping day, as the order system and generic pushes write it (e.g. 2026-11-22T06:10:00+08:00). */
    public static String chinaTime(int days, String localTime) {
        return TestClock.china(SHIPPING_DAY.plusDays(days), localTime);
    }

    /** The same moment as Kuaidi100 writes it: China's local time without an offset (e.g. 2026-11-22 06:10:00). */
    public static String kuaidi100Time(int days, String localTime) {
        return SHIPPING_DAY.plusDays(days).atTime(LocalTime.parse(localTime)).format(KUAIDI100_TIME);
    }

    /** The same moment in UTC, as the service answers it (e.g. 2026-11-21T22:10:00Z). */
    public static String utc(int days, String localTime) {
        return SHIPPING_DAY
                .plusDays(days)
                .atTime(LocalTime.parse(localTime))
                .atOffset(TestClock.CHINA)
                .toInstant()
                .toString();
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
    public static String shipmentJson(
            String orderId, String courier, String tracking, Integer originWeightGrams, boolean socksOutOfStock) {
        return """
                {"orderId": "%s", "courier": "%s", "trackingNumber": "%s",
                 "origin": {"province": "广东省", "city": "广州"}, "buyer": {"province": "辽宁", "city": "沈阳"},
                 %s "shippedAt": "%s",
                 "packingSlip": [
                   {"sku": "SKU-TS-WHITE-L", "title": "纯棉T恤 白色 L", "quantity": 2, "unitWeightGrams": 250, "outOfStock": false},
                   {"sku": "SKU-SOCK-3P", "title": "袜子三双装", "quantity": 1, "unitWeightGrams": 100, "outOfStock": %s}]}""".formatted(
                        orderId,
                        courier,
                        tracking,
                        originWeightGrams == null ? "" : "\"originWeightGrams\": " + originWeightGrams + ",",
                        chinaTime(0, "18:00"),
                        socksOutOfStock);
    }

    /** Registers the parcel; returns the shipment id. */
    public static String ship(
            String shop,
            String orderId,
            String courier,
            String tracking,
            Integer originWeightGrams,
            boolean socksOutOfStock) {
        return given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(shipmentJson(orderId, courier, tracking, originWeightGrams, socksOutOfStock))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Kuaidi100's push param for one parcel, full trace newest first. */
    public static String kuaidi100Param(String com, String nu, String... traces) {
        return """
                {"status":"polling","billstatus":"","message":"","autoCheck":"0","comOld":"","comNew":"",
                 "lastResult":{"message":"ok","state":"0","status":"200","condition":"F00","ischeck":"0","com":"%s","nu":"%s","data":[%s]}}""".formatted(com, nu, String.join(",", traces));
    }

    public static Response pushKuaidi100(String param, String sign) {
        return given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                .formParam("param", param)
                .formParam("sign", sign)
                .when()
                .post("/api/v1/courier-pushes/kuaidi100");
    }

    public static Response pushKuaidi100(String param) {
        return pushKuaidi100(param, Kuaidi100Stub.md5Upper(param + SALT));
    }

    public static String genericPushJson(
            String courier, String tracking, String station, String scannedAt, String status, Integer weightGrams) {
        return """
                {"courier": "%s", "trackingNumber": "%s", "scans": [
                  {"station": "%s", "scannedAt": "%s", "status": "%s"%s}]}""".formatted(
                        courier,
                        tracking,
                        station,
                        scannedAt,
                        status,
                        weightGrams == null ? "" : ", \"weightGrams\": " + weightGrams);
    }

    /** A push signed now, as a courier sends it. */
    public static Response pushGeneric(String body) {
        String timestamp =
                String.valueOf(Instant.now().getEpochSecond()); // real time, like a token's: see CourierPushes
        return pushGeneric(body, timestamp, "sha256=" + hmac(timestamp + "." + body, GENERIC_SECRET));
    }

    public static Response pushGeneric(String body, String timestamp, String signature) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (timestamp != null) {
            request = request.header("X-Signature-Timestamp", timestamp);
        }
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
        return given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/weight-checks");
    }
}
