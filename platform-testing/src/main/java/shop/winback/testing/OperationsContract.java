package shop.winback.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operations endpoints every service serves to operators and integrators, checked the same way in each:
 * a service's {@code OperationsTests} extends this under {@code @QuarkusTest} and names what its OpenAPI
 * document must describe, adding tests of its own (metrics, its AsyncAPI file) beside these.
 */
public abstract class OperationsContract {

    /** Text the service's OpenAPI document must contain: its main paths, headers it documents. */
    protected abstract List<String> documented();

    @Test
    void readyOnlyWithDatabaseAndKafka() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void openApiDescribesTheApiWithExamplesAndProblems() {
        ValidatableResponse openApi = given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("application/problem+json"))
                .body(containsString("example"));
        documented().forEach(text -> openApi.body(containsString(text)));
    }

    @Test
    void swaggerUiAndMetricsAreServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
