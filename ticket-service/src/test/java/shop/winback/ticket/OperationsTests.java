package shop.winback.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.winback.testing.OperationsContract;

/** The Quarkus operations endpoints integrators and operators rely on (OperationsContract), and ticket-service's own metrics. */
@QuarkusTest
class OperationsTests extends OperationsContract {

    @Override
    protected List<String> documented() {
        return List.of(
                "/api/v1/tickets",
                "/api/v1/agents",
                "/api/v1/desk/events",
                "/api/v1/supervision/events",
                "Last-Event-ID");
    }

    @Test
    void operatorsSeeTheOutboxBacklogConsumerLagAndTheAssignmentLatencyHistogram() {
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .containsPattern("(?m)^winback_outbox_backlog(\\{[^}]*\\})? [0-9.]+")
                .containsPattern("(?m)^winback_outbox_oldest_unpublished_seconds(\\{[^}]*\\})? [0-9.]+")
                .contains("winback_review_to_assignment_seconds_bucket")
                .contains("kafka_consumer_fetch_manager_records_lag");
    }
}
