package shop.winback.ticket;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.service.TicketDesk;

/** The agents and tickets API at its edge: good requests work, bad ones get problem+json and change nothing. */
@QuarkusTest
class AgentAndTicketApiTests {

    @Inject
    TicketDesk desk;

    @Test
    void agentIsCreatedListedFetchedAndChanged() {
        String shop = TestData.uniqueShop();
        String id = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 20, "OFFLINE");
        TestData.asSupervisor(shop)
                .get("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("小王"))
                .body("tier", equalTo("REVIEW_RECOVERY"))
                .body("capacity", equalTo(20))
                .body("status", equalTo("OFFLINE"))
                .body("openTickets", equalTo(0));
        TestData.asSupervisor(shop)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"ONLINE\", \"capacity\": 25}")
                .when()
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ONLINE"))
                .body("capacity", equalTo(25));
        TestData.asSupervisor(shop)
                .queryParam("shopId", shop)
                .queryParam("status", "online")
                .when()
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(id));
        TestData.asSupervisor(shop)
                .queryParam("shopId", shop)
                .queryParam("tier", "SUPERVISOR")
                .when()
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void tenThousandBlankSkillsAreOneViolationOfTheListsSize() {
        String shop = TestData.uniqueShop();
        String id = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 20, "OFFLINE");
        String skills = "[" + String.join(",", java.util.Collections.nCopies(10_000, "\" \"")) + "]";
        TestData.asSupervisor(shop)
                .contentType(ContentType.JSON)
                .body("{\"skills\": " + skills + "}")
                .when()
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.size()", equalTo(1))
                .body("violations[0].field", equalTo("skills"))
                .body("violations[0].message", equalTo("must have at most 20 elements"));
        // element rules still hold within the size
        TestData.asSupervisor(shop)
                .contentType(ContentType.JSON)
                .body("{\"skills\": [\" \", \"鞋靴\"]}")
                .when()
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.startsWith("skills"));
    }

    @Test
    void agentWithoutStatusStartsOffline() {
        String shop = TestData.uniqueShop();
        TestData.asSupervisor(shop)
                .contentType(ContentType.JSON)
                .body("{\"shopId\": \"" + shop
                        + "\", \"name\": \"新人\", \"tier\": \"REVIEW_RECOVERY\", \"capacity\": 3}")
                .when()
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .body("status", equalTo("OFFLINE"));
    }

    static Stream<Arguments> invalidAgents() {
        return Stream.of(
                Arguments.of(
                        "{\"shopId\": \"s\", \"name\": \"a\", \"tier\": \"JANITOR\", \"capacity\": 3}",
                        "tier",
                        "must be one of"),
                Arguments.of(
                        "{\"shopId\": \"s\", \"name\": \"a\", \"tier\": \"REVIEW_RECOVERY\", \"capacity\": -1}",
                        "capacity",
                        "must be greater than or equal to 0"),
                Arguments.of(
                        "{\"shopId\": \"s\", \"tier\": \"REVIEW_RECOVERY\", \"capacity\": 3}",
                        "name",
                        "must not be blank"),
                Arguments.of(
                        "{\"shopId\": \"s\", \"name\": \"a\", \"tier\": \"REVIEW_RECOVERY\"}",
                        "capacity",
                        "must not be null"),
                Arguments.of(
                        "{\"shopId\": \"s\", \"name\": \"a\", \"tier\": \"REVIEW_RECOVERY\", \"capacity\": 3, \"status\": \"ASLEEP\"}",
                        "status",
                        "must be one of"),
                Arguments.of(
                        "{\"shopId\": \"s s\", \"name\": \"a\", \"tier\": \"REVIEW_RECOVERY\", \"capacity\": 3}",
                        "shopId",
                        "must be letters"),
                Arguments.of("[1, 2]", "body", "must be an object"));
    }

    @ParameterizedTest
    @MethodSource("invalidAgents")
    void invalidAgentIsRejectedNamingTheField(String body, String field, String message) {
        TestData.asSupervisor("s")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("violations.find { it.field == '%s' }.message".formatted(field), startsWith(message));
    }

    @Test
    void invalidAgentChangeIsRejectedAndChangesNothing() {
        String shop = TestData.uniqueShop();
        String id = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "OFFLINE");
        TestData.asSupervisor(shop)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
        TestData.asSupervisor(shop)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"ONLINE\", \"capacity\": -5}")
                .when()
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("capacity"));
        TestData.asSupervisor(shop)
                .get("/api/v1/agents/" + id)
                .then()
                .body("status", equalTo("OFFLINE"))
                .body("capacity", equalTo(5));
    }

    @Test
    void unknownAgentIsNotFound() {
        TestData.asSupervisor("s")
                .contentType(ContentType.JSON)
                .body("{\"status\": \"ONLINE\"}")
                .when()
                .patch("/api/v1/agents/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Agent not found"));
    }

    @Test
    void ticketQueriesValidateTheirParameters() {
        // the shop comes from the token; naming another one is refused
        TestData.asSupervisor("s").when().get("/api/v1/tickets").then().statusCode(200);
        TestData.asSupervisor("s")
                .queryParam("shopId", "other")
                .when()
                .get("/api/v1/tickets")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        TestData.asSupervisor("s")
                .queryParam("shopId", "s")
                .queryParam("status", "OPENISH")
                .when()
                .get("/api/v1/tickets")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"))
                .body("violations[0].message", equalTo("must be one of WAITING, ASSIGNED, CLOSED"));
        TestData.asSupervisor("s")
                .queryParam("shopId", "s")
                .queryParam("agentId", "bob")
                .when()
                .get("/api/v1/tickets")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("agentId"));
        TestData.asSupervisor("s")
                .queryParam("shopId", "s")
                .queryParam("size", 5000)
                .when()
                .get("/api/v1/tickets")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("size"));
        // a number that is not one is the client's mistake (400 naming it), not a missing resource (JAX-RS says 404)
        TestData.asSupervisor("s")
                .queryParam("page", "abc")
                .when()
                .get("/api/v1/tickets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"));
        TestData.asSupervisor("s")
                .queryParam("size", "1.5")
                .when()
                .get("/api/v1/tickets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void resolvingTwiceIsAConflictAndResolvingNothingIsNotFound() {
        String shop = TestData.uniqueShop();
        String agent = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        UUID ticket = TestData.receive(desk, TestData.review(shop, Rating.BAD)).id;
        TestData.close(shop, ticket);
        TestData.asSupervisor(shop)
                .get("/api/v1/tickets/" + ticket)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("EXPLAINED"))
                .body("agentId", equalTo(agent));
        TestData.asSupervisor(shop)
                .contentType("application/json")
                .body("{\"outcome\": \"CANCELLED\"}")
                .when()
                .post("/api/v1/tickets/" + ticket + "/resolution")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:ticket-closed"));
        TestData.asSupervisor(shop).get("/api/v1/agents/" + agent).then().body("openTickets", equalTo(0));
        TestData.asSupervisor(shop)
                .contentType("application/json")
                .body("{\"outcome\": \"CANCELLED\"}")
                .when()
                .post("/api/v1/tickets/" + UUID.randomUUID() + "/resolution")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
