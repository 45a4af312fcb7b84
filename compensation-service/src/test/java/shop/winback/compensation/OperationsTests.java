package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.messaging.CompensationEventV1;
import shop.winback.compensation.messaging.LostParcelClaimedV1;
import shop.winback.testing.AsyncApiContract;

/** Operations endpoints, and the AsyncAPI file: served, and every documented example matches its schema. */
@QuarkusTest
class OperationsTests {

    @Inject
    ObjectMapper json;

    @Test
    void readyOnlyWithDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void openApiDescribesTheApiWithExamplesAndProblems() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/quotes"))
                .body(containsString("/api/v1/compensations"))
                .body(containsString("Idempotency-Key"))
                .body(containsString("application/problem+json"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void asyncApiIsServedAndItsExamplesMatchItsSchemas() throws Exception {
        given().when().get("/asyncapi.yaml").then().statusCode(200).body(containsString("compensation.paid.v1"));
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        for (String type : List.of(CompensationEventV1.REQUESTED, CompensationEventV1.APPROVED, CompensationEventV1.REJECTED,
                CompensationEventV1.PAID)) {
            assertThat(contract.violations(type, contract.examplePayloadOf(type))).as(type).isEmpty();
        }
    }

    @Test
    void whatTicketServiceReadsFromPaidIsAlwaysSent() throws Exception {
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        List<String> required = json.convertValue(contract.payloadSchemaOf(CompensationEventV1.PAID).get("required"),
                json.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(required).contains("compensationId", "shopId", "orderId", "ticketId", "agentId", "amountFen", "type", "occurredAt",
                "agentTier", "currency", "status", "reason", "decidedBy", "comment");
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        assertThat(LostParcelClaimedV1.TYPE).isEqualTo("lost-parcel.claimed.v1");
    }
}
