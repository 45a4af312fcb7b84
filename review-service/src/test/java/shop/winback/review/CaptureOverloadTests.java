package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import shop.winback.review.service.CaptureLine;
import shop.winback.testing.TestTokens;

/**
 * Overload is answered, not failed: when more waits to be stored than the capture line holds, a
 * request is answered 503 with Retry-After at once and nothing of it is stored, while what was
 * accepted is stored whole; the refusal comes before the body is read. The database is made to stall by a
 * table lock the test holds.
 */
@QuarkusTest
@TestProfile(CaptureOverloadTests.SmallLine.class)
class CaptureOverloadTests {

    /** A line that holds two reviews. */
    public static class SmallLine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // and patient: what waits behind the stalled insert is stored once the test lets go
            return Map.of("review.capture.max-queued", "2", "review.capture.max-wait", "2m");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    CaptureLine line;

    @Test
    void aFullLineAnswers503WithRetryAfterAndStoresNothingOfThatRequest() throws Exception {
        String shop = Reviews.uniqueShop();
        String token = TestTokens.integration(shop);
        CompletableFuture<Response> first;
        CompletableFuture<Response> waiting;
        ExecutorService clients = Executors.newFixedThreadPool(2); // each client waits for its answer
        try (Connection stall = dataSource.getConnection()) {
            stall.setAutoCommit(false);
            try (Statement lock = stall.createStatement()) {
                lock.execute("LOCK TABLE review IN SHARE ROW EXCLUSIVE MODE"); // captures cannot insert until we let go
            }
            first = CompletableFuture.supplyAsync(
                    () -> post(token, Reviews.json(shop, "R-first", Reviews.unique("O"), "BAD")), clients);
            await().atMost(Duration.ofSeconds(20)).until(this::captureWaitsForTheLock); // the line's committer holds it
            waiting = CompletableFuture.supplyAsync(
                    () -> postBatch(
                            token,
                            List.of(
                                    Reviews.json(shop, "R-waiting-1", Reviews.unique("O"), "BAD"),
                                    Reviews.json(shop, "R-waiting-2", Reviews.unique("O"), "GOOD"))),
                    clients);
            await().atMost(Duration.ofSeconds(20)).until(() -> line.queued() == 2);

            post(token, Reviews.json(shop, "R-refused", Reviews.unique("O"), "BAD"))
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "1")
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:winback:problem:overloaded"))
                    .body("status", equalTo(503));
            postBatch(token, List.of(Reviews.json(shop, "R-refused-batch", Reviews.unique("O"), "BAD")))
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "1")
                    .contentType("application/problem+json");
            // turned away before the body is read: even one that could not be read at all is not judged
            for (String path : List.of("/api/v1/reviews", "/api/v1/reviews:batch")) {
                given().urlEncodingEnabled(false)
                        .auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body("{not json")
                        .when()
                        .post(path)
                        .then()
                        .statusCode(503)
                        .header("Retry-After", "1")
                        .contentType("application/problem+json");
            }
            stall.rollback();
        } finally {
            clients.shutdown();
        }
        assertThat(first.get().statusCode()).isEqualTo(201);
        Response batch = waiting.get();
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(batch.<Integer>path("created")).isEqualTo(2);
        assertThat(storedIds(shop)).containsExactlyInAnyOrder("R-first", "R-waiting-1", "R-waiting-2");
    }

    private static Response post(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reviews");
    }

    private static Response postBatch(String token, List<String> reviews) {
        return given().urlEncodingEnabled(false)
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON) // the colon as sent
                .body("{\"reviews\": [" + String.join(",", reviews) + "]}")
                .when()
                .post("/api/v1/reviews:batch");
    }

    private boolean captureWaitsForTheLock() {
        return QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) em.createNativeQuery("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO review %'""").getSingleResult()).longValue())
                > 0;
    }

    @SuppressWarnings("unchecked")
    private List<String> storedIds(String shop) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT platform_review_id FROM review WHERE shop_id = ?1")
                        .setParameter(1, shop)
                        .getResultList());
    }
}
