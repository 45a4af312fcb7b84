package shop.winback.logistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.logistics.Kuaidi100Stub.Answer;
import shop.winback.logistics.client.CourierRejectedException;
import shop.winback.logistics.client.CourierUnavailableException;
import shop.winback.logistics.client.Kuaidi100Client;
import shop.winback.logistics.domain.Courier;
import shop.winback.testing.TestTokens;

/** The Kuaidi100 real-time query client against the in-process stub: protocol, error codes, retries, breaker, rate limit. */
@QuarkusTest
class CourierLookupTests {

    @Inject
    Kuaidi100Client client;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void closeBreakers() {
        breakers.resetAll();
    }

    @Test
    void sendsTheDocumentedFormSignedWithKeyAndCustomer() throws Exception {
        String tracking = TestData.uniqueTracking();
        Kuaidi100Stub.script(
                tracking,
                Answer.traces(
                        "zhongtong",
                        tracking,
                        Kuaidi100Stub.trace(TestData.kuaidi100Time(0, "18:30:00"), "广东广州", "揽收", "1.00")));
        assertThat(client.query(Courier.ZTO, tracking)).hasSize(1);
        Map<String, String> form = Kuaidi100Stub.requests(tracking).get(0);
        assertThat(form.get("customer")).isEqualTo(Kuaidi100Stub.CUSTOMER);
        // computed here independently: upper-case MD5 of param + key + customer
        assertThat(form.get("sign"))
                .isEqualTo(Kuaidi100Stub.md5Upper(form.get("param") + Kuaidi100Stub.KEY + Kuaidi100Stub.CUSTOMER));
        JsonNode param = json.readTree(form.get("param"));
        assertThat(param.path("com").asText()).isEqualTo("zhongtong");
        assertThat(param.path("num").asText()).isEqualTo(tracking);
    }

    @Test
    void aLookUpStoresTheReportedScansOnce() {
        String shop = TestData.uniqueShop();
        String tracking = TestData.uniqueTracking();
        String id = TestData.ship(shop, TestData.uniqueOrder(), "YUNDA", tracking, null, false);
        Answer answer = Answer.traces(
                "yunda",
                tracking,
                Kuaidi100Stub.trace(TestData.kuaidi100Time(2, "06:10:00"), "辽宁沈阳转运中心", "在途", "0.90"),
                Kuaidi100Stub.trace(TestData.kuaidi100Time(0, "18:30:00"), "广东广州", "揽收", "1.00"));
        Kuaidi100Stub.script(tracking, answer, answer);
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .when()
                .post("/api/v1/shipments/" + id + "/courier-lookup")
                .then()
                .statusCode(200)
                .body("asked", equalTo(true))
                .body("reported", equalTo(2))
                .body("added", equalTo(2))
                .body("scans[0].source", equalTo("KUAIDI100_QUERY"));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .when()
                .post("/api/v1/shipments/" + id + "/courier-lookup")
                .then()
                .statusCode(200)
                .body("reported", equalTo(2))
                .body("added", equalTo(0));
    }

    @Test
    void nothingKnownYetIsAnEmptyAnswerNotAFailure() {
        String tracking = TestData.uniqueTracking(); // unscripted: the stub answers returnCode 500 查询无结果
        assertThat(client.query(Courier.STO, tracking)).isEmpty();
        assertThat(Kuaidi100Stub.hits(tracking)).isEqualTo(1);
    }

    @Test
    void refusalsAreNotRetried() {
        for (String code : new String[] {"400", "408", "503", "601"}) {
            String tracking = TestData.uniqueTracking();
            Kuaidi100Stub.always(tracking, Answer.error(code, "refused"));
            assertThatThrownBy(() -> client.query(Courier.STO, tracking))
                    .isInstanceOf(CourierRejectedException.class)
                    .hasMessageContaining(code);
            assertThat(Kuaidi100Stub.hits(tracking)).as("returnCode " + code).isEqualTo(1);
        }
    }

    @Test
    void serverErrorsAndBusyAreRetriedWithBackoffUntilTheyPass() {
        String tracking = TestData.uniqueTracking();
        Kuaidi100Stub.script(
                tracking,
                Answer.error("502", "服务器繁忙"),
                Answer.http(503),
                Answer.error("501", "服务器错误"),
                Answer.traces(
                        "shentong",
                        tracking,
                        Kuaidi100Stub.trace(TestData.kuaidi100Time(0, "18:30:00"), "广东广州", "揽收", null)));
        long started = System.nanoTime();
        assertThat(client.query(Courier.STO, tracking)).hasSize(1);
        assertThat(Kuaidi100Stub.hits(tracking)).isEqualTo(4);
        // 100 + 200 + 400 ms of backoff, less jitter
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(500));
    }

    @Test
    void aSlowCourierTimesOutEachAttemptAndTheLookUpSaysSo() {
        String shop = TestData.uniqueShop();
        String tracking = TestData.uniqueTracking();
        String id = TestData.ship(shop, TestData.uniqueOrder(), "STO", tracking, null, false);
        Kuaidi100Stub.always(tracking, Answer.traces("shentong", tracking).after(2_000));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .when()
                .post("/api/v1/shipments/" + id + "/courier-lookup")
                .then()
                .statusCode(200)
                .body("asked", equalTo(true))
                .body("added", equalTo(0))
                .body("failure", containsString("in time"));
        assertThat(Kuaidi100Stub.hits(tracking)).isEqualTo(4); // first try and three retries
    }

    @Test
    void aCourierSystemThatKeepsFailingOpensTheBreakerAndIsLeftAlone() {
        String tracking = TestData.uniqueTracking();
        Kuaidi100Stub.always(tracking, Answer.http(502));
        assertThatThrownBy(() -> client.query(Courier.STO, tracking)).isInstanceOf(CourierUnavailableException.class);
        assertThatThrownBy(() -> client.query(Courier.STO, tracking)).isInstanceOf(CircuitBreakerOpenException.class);
        int hits = Kuaidi100Stub.hits(tracking);
        assertThatThrownBy(() -> client.query(Courier.STO, TestData.uniqueTracking()))
                .isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(Kuaidi100Stub.hits(tracking)).isEqualTo(hits);
        breakers.resetAll();
        assertThat(client.query(Courier.STO, TestData.uniqueTracking())).isEmpty();
    }

    @Test
    void lookUpsAreRateLimited() throws Exception {
        // 60 look-ups at once, far more than the 20 a second allowed
        ExecutorService pool = Executors.newFixedThreadPool(60);
        try {
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                calls.add(pool.submit(() -> {
                    try {
                        client.query(Courier.STO, TestData.uniqueTracking());
                        return false;
                    } catch (RateLimitException e) {
                        return true;
                    }
                }));
            }
            int limited = 0;
            for (Future<Boolean> call : calls) {
                limited += call.get() ? 1 : 0;
            }
            assertThat(limited).isPositive();
        } finally {
            pool.shutdown();
        }
        // the window passes: look-ups go through again (and later tests are not starved)
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() ->
                        client.query(Courier.STO, TestData.uniqueTracking()).isEmpty());
    }
}
