package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.messaging.out.CompensationEventV1;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.OperationsContract;

/** Operations endpoints (OperationsContract), and the AsyncAPI file: served, and every documented example matches its schema. */
@QuarkusTest
class OperationsTests extends OperationsContract {

    @Inject
    ObjectMapper json;

    @Override
    protected List<String> documented() {
        return List.of("/api/v1/quotes", "/api/v1/compensations", "Idempotency-Key");
    }

    @Test
    void asyncApiIsServedAndItsExamplesMatchItsSchemas() throws Exception {
        given().when().get("/asyncapi.yaml").then().statusCode(200).body(containsString("compensation.paid.v1"));
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        for (String type : List.of(
                CompensationEventV1.REQUESTED,
                CompensationEventV1.APPROVED,
                CompensationEventV1.REJECTED,
                CompensationEventV1.PAID)) {
            assertThat(contract.violations(type, contract.examplePayloadOf(type)))
                    .as(type)
                    .isEmpty();
        }
    }

    @Test
    void whatTicketServiceReadsFromPaidIsAlwaysSent() throws Exception {
        AsyncApiContract contract = AsyncApiContract.ofClasspath();
        List<String> required = json.convertValue(
                contract.payloadSchemaOf(CompensationEventV1.PAID).get("required"),
                json.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(required)
                .contains(
                        "compensationId",
                        "shopId",
                        "orderId",
                        "ticketId",
                        "agentId",
                        "amountFen",
                        "type",
                        "occurredAt",
                        "agentTier",
                        "currency",
                        "status",
                        "reason",
                        "decidedBy",
                        "comment");
    }
}
