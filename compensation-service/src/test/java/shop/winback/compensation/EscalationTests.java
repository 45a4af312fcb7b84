package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** A request nobody acts on within compensation.approval.escalate-after goes to the manager. */
@QuarkusTest
class EscalationTests {

    @Inject
    EntityManager em;

    void waitingSince(String id, Instant since) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE compensation SET created_at = ?2 WHERE id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .setParameter(2, since)
                        .executeUpdate());
    }

    String level(String shop, String id) {
        return given().auth()
                .oauth2(TestTokens.manager(shop))
                .get("/api/v1/compensations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("requiredLevel");
    }

    @Test
    void anOverdueRequestIsEscalatedToTheManagerAndOnlyTheManagerMayApproveIt() {
        String shop = TestData.uniqueShop();
        String overdue = TestData.requested(shop, UUID.randomUUID(), 5000);
        String fresh = TestData.requested(shop, UUID.randomUUID(), 5000);
        waitingSince(overdue, TestClock.minutesAgo(31));

        // the scheduled job (every second in tests) moves it up
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "MANAGER".equals(level(shop, overdue)));
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .get("/api/v1/compensations/" + overdue)
                .then()
                .body("escalatedAt", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo("PENDING"));
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/compensations/" + overdue + "/approval")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/compensations/" + overdue + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));

        // a request waiting less than 30 minutes stays with the supervisors
        org.assertj.core.api.Assertions.assertThat(level(shop, fresh)).isEqualTo("SUPERVISOR");
    }
}
