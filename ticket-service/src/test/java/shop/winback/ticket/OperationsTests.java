package shop.winback.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The Quarkus operations endpoints integrators and operators rely on. */
@QuarkusTest
class OperationsTests {

    @Test
    void readyOnlyWithDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void openApiDescribesTheApiWithExamplesAndProblems() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/"))
                .body(containsString("application/problem+json"))
                .body(containsString("example"));
    }

    @Test
    void swaggerUiAndMetricsAreServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void operatorsSeeTheOutboxBacklogConsumerLagAndTheAssignmentLatencyHistogram() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics)
                .containsPattern("(?m)^winback_outbox_backlog(\\{[^}]*\\})? [0-9.]+")
                .containsPattern("(?m)^winback_outbox_oldest_unpublished_seconds(\\{[^}]*\\})? [0-9.]+")
                .contains("winback_review_to_assignment_seconds_bucket")
                .contains("kafka_consumer_fetch_manager_records_lag");
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
