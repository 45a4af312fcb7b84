package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.testing.Published;

/** Idempotency-Key on requests that create a compensation (Stripe's rules). */
@QuarkusTest
class IdempotencyTests {

    @Inject
    EntityManager em;

    @Inject
    CompensationConfig config;

    long count(String sql, String shop) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number)
                                em.createNativeQuery(sql).setParameter(1, shop).getSingleResult())
                        .longValue());
    }

    @Test
    void withoutAKeyNothingIsStored() {
        String shop = TestData.uniqueShop();
        given().auth()
                .oauth2(TestData.agent(shop, UUID.randomUUID(), "AFTER_SALES"))
                .contentType(ContentType.JSON)
                .body(TestData.body(TestData.uniqueOrder(), "COUPON", 500, 9900, "PRICE"))
                .post("/api/v1/compensations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(count("SELECT count(*) FROM compensation WHERE shop_id = ?1", shop))
                .isZero();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheOriginalAnswer() {
        String shop = TestData.uniqueShop();
        String token = TestData.agent(shop, UUID.randomUUID(), "AFTER_SALES");
        String key = UUID.randomUUID().toString();
        String body = TestData.body(TestData.knownOrder(shop, 9900), "COUPON", 500, 9900, "PRICE");
        Response first = TestData.request(token, key, body);
        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        // the same request, whitespace and field order aside
        String reordered = body.replace("{\"orderId\"", "{ \"reason\": \"PRICE\", \"orderId\"")
                .replace(", \"reason\": \"PRICE\"}", "}");
        Response again = TestData.request(token, key, reordered);
        again.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"));
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE shop_id = ?1", shop))
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyOrByAnotherAgentIsRejected() {
        String shop = TestData.uniqueShop();
        String token = TestData.agent(shop, UUID.randomUUID(), "AFTER_SALES");
        String key = UUID.randomUUID().toString();
        String order = TestData.knownOrder(shop, 9900);
        TestData.request(token, key, TestData.body(order, "COUPON", 500, 9900, "PRICE"))
                .then()
                .statusCode(201);
        TestData.request(token, key, TestData.body(order, "COUPON", 600, 9900, "PRICE"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:idempotency-key-reused"));
        TestData.request(
                        TestData.agent(shop, UUID.randomUUID(), "AFTER_SALES"),
                        key,
                        TestData.body(order, "COUPON", 500, 9900, "PRICE"))
                .then()
                .statusCode(422);
        assertThat(count("SELECT count(*) FROM compensation WHERE shop_id = ?1", shop))
                .isEqualTo(1);
    }

    @Test
    void manyIdenticalRequestsAtOnceMakeExactlyOneLedgerEntry() throws Exception {
        String shop = TestData.uniqueShop();
        String token = TestData.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY");
        String key = UUID.randomUUID().toString();
        String order = TestData.knownOrder(shop, 12900);
        String body = TestData.body(order, "COUPON", 1000, 12900, "QUALITY_DAMAGE");
        int parallel = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return TestData.request(token, key, body);
                }));
            }
            start.countDown();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers)
                .extracting(Response::asString)
                .containsOnly(answers.get(0).asString());
        assertThat(answers)
                .filteredOn(r -> "false".equals(r.header("Idempotent-Replayed")))
                .hasSize(1);
        assertThat(count("SELECT count(*) FROM compensation WHERE shop_id = ?1", shop))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE shop_id = ?1", shop))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payout WHERE shop_id = ?1", shop))
                .isEqualTo(1);
        assertThat(Published.onTopic(
                        config.topic(),
                        () -> count("SELECT count(*) FROM outbox_event WHERE message_key = ?1", order),
                        r -> order.equals(r.key())))
                .as("requested + approved, once")
                .hasSize(2);
    }

    @Test
    void parallelRequestsWithDifferentKeysNeverExceedTheDailyQuota() throws Exception {
        String shop = TestData.uniqueShop();
        String token = TestData.agent(shop, UUID.randomUUID(), "PRE_SALES");
        int parallel = 8;
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            orders.add(TestData.knownOrder(shop, 12900));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (String order : orders) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return TestData.request(token, TestData.body(order, "ROUND_OFF", 100, 12900, "ROUND_OFF"));
                }));
            }
            start.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<Response> f : futures) {
                Response r = f.get();
                statuses.add(r.statusCode() == 201 ? r.<String>path("status") : r.statusCode() + " " + r.path("type"));
            }
            // the quota refuses the rest: a round-off beyond it is not a request for a supervisor
            assertThat(statuses).filteredOn("APPROVED"::equals).hasSize(3);
            assertThat(statuses)
                    .filteredOn("422 urn:winback:problem:daily-quota-used"::equals)
                    .hasSize(parallel - 3);
            assertThat(count("SELECT count(*) FROM compensation WHERE shop_id = ?1", shop))
                    .isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
