package shop.winback.logistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static shop.winback.testing.KafkaTopics.awaitMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** Courier pushes: Kuaidi100's subscription push and the generic signed JSON push. */
@QuarkusTest
class CourierPushTests {

    @Inject
    LogisticsConfig config;

    @Inject
    ObjectMapper json;

    static List<?> scans(String shop, String shipmentId) {
        return given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .when()
                .get("/api/v1/shipments/" + shipmentId + "/scans")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
    }

    @Test
    void aSignedKuaidi100PushIsStoredAndAnsweredWithItsSuccessBody() throws Exception {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        String tracking = TestData.uniqueTracking();
        String id = TestData.ship(shop, order, "STO", tracking, null, false);
        String param = TestData.kuaidi100Param(
                "shentong",
                tracking,
                Kuaidi100Stub.trace(TestData.kuaidi100Time(2, "06:10:00"), "辽宁沈阳转运中心", "在途", "0.90"),
                Kuaidi100Stub.trace(TestData.kuaidi100Time(0, "18:30:00"), "广东广州白云区", "揽收", "1.00"));
        try (ConsumerTask<String, String> topic = KafkaTopics.watch(config.topic())) {
            TestData.pushKuaidi100(param)
                    .then()
                    .statusCode(200)
                    .contentType("application/json")
                    .body("result", equalTo(true))
                    .body("returnCode", equalTo("200"))
                    .body("message", equalTo("成功"));

            List<ConsumerRecord<String, String>> records = awaitMatching(
                    topic,
                    r -> order.equals(r.key()) && "parcel.scanned.v1".equals(KafkaTopics.header(r, "ce_type")),
                    2,
                    Duration.ofSeconds(15));
            JsonNode last = records.stream()
                    .map(r -> read(r.value()))
                    .filter(n -> n.path("weightGrams").asInt() == 900)
                    .findFirst()
                    .orElseThrow();
            assertThat(last.path("shopId").asText()).isEqualTo(shop);
            assertThat(last.path("courier").asText()).isEqualTo("STO");
            assertThat(last.path("station").asText()).isEqualTo("辽宁沈阳转运中心");
            assertThat(last.path("status").asText()).isEqualTo("IN_TRANSIT");
            assertThat(last.path("scannedAt").asText()).isEqualTo(TestData.utc(2, "06:10")); // 06:10 China time
        }
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .when()
                .get("/api/v1/shipments/" + id + "/scans")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].status", equalTo("COLLECTED"))
                .body("[0].weightGrams", equalTo(1000))
                .body("[1].weightGrams", equalTo(900))
                .body("[1].source", equalTo("KUAIDI100_PUSH"));
    }

    @Test
    void replaysAndFullHistoriesStoreEachScanOnce() {
        String shop = TestData.uniqueShop();
        String tracking = TestData.uniqueTracking();
        String id = TestData.ship(shop, TestData.uniqueOrder(), "YTO", tracking, null, false);
        String first = Kuaidi100Stub.trace(TestData.kuaidi100Time(0, "18:30:00"), "广东广州", "揽收", null);
        String param = TestData.kuaidi100Param("yuantong", tracking, first);
        TestData.pushKuaidi100(param).then().statusCode(200).body("result", equalTo(true));
        TestData.pushKuaidi100(param).then().statusCode(200).body("result", equalTo(true)); // replayed as is
        // Kuaidi100 pushes the whole history each time: the old scan comes again beside the new one
        TestData.pushKuaidi100(TestData.kuaidi100Param(
                        "yuantong",
                        tracking,
                        Kuaidi100Stub.trace(TestData.kuaidi100Time(1, "09:00:00"), "湖南长沙转运中心", "在途", null),
                        first))
                .then()
                .statusCode(200);
        assertThat(scans(shop, id)).hasSize(2);
    }

    @Test
    void aWrongSignIsAnsweredInKuaidi100sFailureFormAndStoresNothing() {
        String shop = TestData.uniqueShop();
        String tracking = TestData.uniqueTracking();
        String id = TestData.ship(shop, TestData.uniqueOrder(), "STO", tracking, null, false);
        String param = TestData.kuaidi100Param(
                "shentong", tracking, Kuaidi100Stub.trace(TestData.kuaidi100Time(0, "18:30:00"), "广东广州", "揽收", "1.00"));
        TestData.pushKuaidi100(param, Kuaidi100Stub.md5Upper(param + "wrong-salt"))
                .then()
                .statusCode(401)
                .body("result", equalTo(false))
                .body("returnCode", equalTo("401"));
        TestData.pushKuaidi100(param, null).then().statusCode(401).body("result", equalTo(false));
        // signed, then changed on the way: the weight no longer matches the sign
        String sign = Kuaidi100Stub.md5Upper(param + TestData.SALT);
        TestData.pushKuaidi100(param.replace("1.00", "0.10"), sign).then().statusCode(401);
        assertThat(scans(shop, id)).isEmpty();
    }

    @Test
    void aPushForAParcelWeDoNotKnowIsRefusedSoKuaidi100PushesAgainLater() {
        String param = TestData.kuaidi100Param(
                "shentong",
                TestData.uniqueTracking(),
                Kuaidi100Stub.trace(TestData.kuaidi100Time(0, "18:30:00"), "广东广州", "揽收", null));
        TestData.pushKuaidi100(param).then().statusCode(404).body("result", equalTo(false));
        TestData.pushKuaidi100("not json at all").then().statusCode(400).body("result", equalTo(false));
    }

    @Test
    void aGenericPushSignedWithHmacIsStoredOnce() {
        String shop = TestData.uniqueShop();
        String tracking = TestData.uniqueTracking();
        String id = TestData.ship(shop, TestData.uniqueOrder(), "SF", tracking, 1000, false);
        String body =
                TestData.genericPushJson("SF", tracking, "沈阳转运中心", TestData.chinaTime(2, "06:10"), "IN_TRANSIT", 900);
        TestData.pushGeneric(body).then().statusCode(200).body("added", equalTo(1));
        TestData.pushGeneric(body).then().statusCode(200).body("added", equalTo(0));
        // the same scan in another notation of the same instant is the same scan
        TestData.pushGeneric(body.replace(TestData.chinaTime(2, "06:10"), TestData.utc(2, "06:10")))
                .then()
                .statusCode(200)
                .body("added", equalTo(0));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .when()
                .get("/api/v1/shipments/" + id + "/scans")
                .then()
                .body("$", hasSize(1))
                .body("[0].weightGrams", equalTo(900))
                .body("[0].source", equalTo("GENERIC_PUSH"));
    }

    @Test
    void aGenericPushWithoutOrWithAWrongSignatureIsRejectedAndStoresNothing() {
        String shop = TestData.uniqueShop();
        String tracking = TestData.uniqueTracking();
        String id = TestData.ship(shop, TestData.uniqueOrder(), "SF", tracking, 1000, false);
        String body =
                TestData.genericPushJson("SF", tracking, "沈阳转运中心", TestData.chinaTime(2, "06:10"), "IN_TRANSIT", 900);
        String now = String.valueOf(Instant.now().getEpochSecond());
        String digest = TestData.hmac(now + "." + body, TestData.GENERIC_SECRET);
        TestData.pushGeneric(body, now, null).then().statusCode(401).contentType("application/problem+json");
        TestData.pushGeneric(body, null, "sha256=" + digest)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        TestData.pushGeneric(body, now, "sha256=" + TestData.hmac(now + "." + body, "not-the-secret"))
                .then()
                .statusCode(401);
        // the right digest without the documented algorithm prefix
        TestData.pushGeneric(body, now, digest).then().statusCode(401);
        TestData.pushGeneric(body, now, "SHA256=" + digest).then().statusCode(401);
        TestData.pushGeneric(body.replace("900", "100"), now, "sha256=" + digest)
                .then()
                .statusCode(401);
        // the body alone signed, as before timestamps: the timestamp is part of what is signed
        TestData.pushGeneric(body, now, "sha256=" + TestData.hmac(body, TestData.GENERIC_SECRET))
                .then()
                .statusCode(401);
        assertThat(scans(shop, id)).isEmpty();
    }

    @Test
    void aGenericPushOutsideTheReplayWindowIsRefusedEvenWhenItsSignatureHolds() {
        String shop = TestData.uniqueShop();
        String tracking = TestData.uniqueTracking();
        String id = TestData.ship(shop, TestData.uniqueOrder(), "SF", tracking, 1000, false);
        String body =
                TestData.genericPushJson("SF", tracking, "沈阳转运中心", TestData.chinaTime(2, "06:10"), "IN_TRANSIT", 900);
        long window = config.genericPush().replayWindow().toSeconds();
        for (long shift : new long[] {-window - 60, window + 60}) {
            String signedAt = String.valueOf(Instant.now().getEpochSecond() + shift);
            TestData.pushGeneric(
                            body, signedAt, "sha256=" + TestData.hmac(signedAt + "." + body, TestData.GENERIC_SECRET))
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("X-Signature-Timestamp"));
        }
        // a signed timestamp moved into the window no longer matches the signature
        String old = String.valueOf(Instant.now().getEpochSecond() - window - 60);
        TestData.pushGeneric(
                        body,
                        String.valueOf(Instant.now().getEpochSecond()),
                        "sha256=" + TestData.hmac(old + "." + body, TestData.GENERIC_SECRET))
                .then()
                .statusCode(401);
        TestData.pushGeneric(body, "yesterday", "sha256=" + TestData.hmac("yesterday." + body, TestData.GENERIC_SECRET))
                .then()
                .statusCode(401);
        assertThat(scans(shop, id)).isEmpty();
        TestData.pushGeneric(body).then().statusCode(200).body("added", equalTo(1));
    }

    @Test
    void aScanDatedFarAheadOfOurClockIsRefusedAtTheEdgeAndSkippedInKuaidi100sData() {
        String shop = TestData.uniqueShop();
        String tracking = TestData.uniqueTracking();
        String id = TestData.ship(shop, TestData.uniqueOrder(), "STO", tracking, 1000, false);
        String ahead =
                TestClock.china(TestClock.now().plus(config.maxClockSkew()).plus(Duration.ofDays(1)));
        TestData.pushGeneric(TestData.genericPushJson("STO", tracking, "沈阳转运中心", ahead, "IN_TRANSIT", 1))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem("scans[0].scannedAt"));
        TestData.pushGeneric(TestData.genericPushJson(
                        "STO", tracking, "沈阳转运中心", "2999-01-01T00:00:00+08:00", "IN_TRANSIT", 1))
                .then()
                .statusCode(400);
        assertThat(scans(shop, id)).isEmpty();

        // Kuaidi100 sends the whole history: the junk scan is left out, the rest kept
        String junk = "2999-01-01 00:00:00";
        TestData.pushKuaidi100(TestData.kuaidi100Param(
                        "shentong",
                        tracking,
                        Kuaidi100Stub.trace(junk, "火星中转站", "在途", "0.01"),
                        Kuaidi100Stub.trace(TestData.kuaidi100Time(1, "09:00:00"), "辽宁沈阳转运中心", "在途", "0.90")))
                .then()
                .statusCode(200);
        List<?> stored = scans(shop, id);
        assertThat(stored).hasSize(1);
        assertThat(((java.util.Map<?, ?>) stored.get(0)).get("weightGrams")).isEqualTo(900);
    }

    @Test
    void aTrackingNumberIsAShopsOwnAndAPushReachesEveryShopWithIt() {
        String tracking = TestData.uniqueTracking();
        String first = TestData.uniqueShop();
        String second = TestData.uniqueShop();
        String firstShipment = TestData.ship(first, TestData.uniqueOrder(), "SF", tracking, 1000, false);
        // the second shop learns nothing of the first's parcel: its registration is a plain 201
        String secondShipment = TestData.ship(second, TestData.uniqueOrder(), "SF", tracking, 1000, false);
        // within a shop the number still names one order
        given().auth()
                .oauth2(TestTokens.integration(first))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(TestData.shipmentJson(TestData.uniqueOrder(), "SF", tracking, null, false))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        TestData.pushGeneric(TestData.genericPushJson(
                        "SF", tracking, "沈阳转运中心", TestData.chinaTime(2, "06:10"), "IN_TRANSIT", 900))
                .then()
                .statusCode(200)
                .body("added", equalTo(1));
        assertThat(scans(first, firstShipment)).hasSize(1);
        assertThat(scans(second, secondShipment)).hasSize(1);
        // each shop sees only its own shipment
        given().auth()
                .oauth2(TestTokens.supervisor(first))
                .when()
                .get("/api/v1/shipments/" + secondShipment)
                .then()
                .statusCode(404);
    }

    @Test
    void aSignedButInvalidGenericPushIsAProblemNamingTheField() {
        String tracking = TestData.uniqueTracking();
        TestData.ship(TestData.uniqueShop(), TestData.uniqueOrder(), "SF", tracking, 1000, false);
        TestData.pushGeneric(TestData.genericPushJson(
                        "SF", tracking, "", TestData.chinaTime(2, "06:10"), "LOST_IN_SPACE", -3))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        TestData.pushGeneric(
                        TestData.genericPushJson("SF", tracking, "", TestData.chinaTime(2, "06:10"), "IN_TRANSIT", -3))
                .then()
                .statusCode(400)
                .body(
                        "violations.field",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("station")))
                .body(
                        "violations.field",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("weightGrams")));
        TestData.pushGeneric(TestData.genericPushJson(
                        "SF", TestData.uniqueTracking(), "沈阳", TestData.chinaTime(2, "06:10"), "IN_TRANSIT", null))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
