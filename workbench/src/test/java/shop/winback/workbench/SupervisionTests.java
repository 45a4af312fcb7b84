package shop.winback.workbench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.workbench.FakeServices.Answer;

/** The supervisor's page against stand-ins for ticket-service and compensation-service. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class SupervisionTests {

    // The dates below are what the stand-in service answers, only shown by the page: the workbench reads no time
    // of its own from them (service levels come as seconds left from ticket-service), so they meet no real clock.
    static final String AGENT_A = "5f0c2d1e-0000-4000-8000-00000000000a";
    static final String AGENT_B = "5f0c2d1e-0000-4000-8000-00000000000b";
    static final String WAITING = "9a0c1e2f-0000-4000-8000-000000000001";
    static final String ASSIGNED = "9a0c1e2f-0000-4000-8000-000000000002";
    static final String COMPENSATION = "5f0c2d1e-0000-4000-8000-00000000000c";

    static String supervisor() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = """
                {"upn":"demo-shop/supervisor","groups":["supervisor"],"shop_id":"demo-shop","exp":%d}""".formatted(Instant.now().plusSeconds(3600).getEpochSecond());
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    static String ticket(String id, String status, String agentId, String tier, boolean breached) {
        return """
                {"id": "%s", "shopId": "demo-shop", "orderId": "TB-O-%s", "buyer": {"phone": "13812345678"},
                 "item": {"sku": "SKU-1", "title": "纯棉T恤"}, "rating": "BAD", "orderAmountFen": 12900,
                 "requiredTier": "%s", "status": "%s", "agentId": %s, "openedAt": "2026-01-05T02:00:00Z",
                 "sla": {"firstContact": {"dueAt": "2026-01-05T02:30:00Z", "businessSecondsLeft": %d, "breached": %b}}}""".formatted(
                        id,
                        id.substring(id.length() - 1),
                        tier,
                        status,
                        agentId == null ? "null" : "\"" + agentId + "\"",
                        breached ? -60 : 600,
                        breached);
    }

    @BeforeEach
    void services() {
        FakeServices.CALLS.clear();
        FakeServices.ANSWERS.put("GET /api/v1/agents", new Answer(200, """
                [{"id": "%s", "name": "小王", "tier": "REVIEW_RECOVERY", "capacity": 5, "status": "ONLINE", "openTickets": 1},
                 {"id": "%s", "name": "小李", "tier": "REVIEW_RECOVERY", "capacity": 5, "status": "AWAY", "openTickets": 0}]""".formatted(AGENT_A, AGENT_B)));
        FakeServices.ANSWERS.put(
                "GET /api/v1/tickets?status=WAITING&size=200",
                new Answer(200, "{\"items\": [" + ticket(WAITING, "WAITING", null, "SUPERVISOR", false) + "]}"));
        FakeServices.ANSWERS.put(
                "GET /api/v1/tickets?status=ASSIGNED&size=200",
                new Answer(
                        200, "{\"items\": [" + ticket(ASSIGNED, "ASSIGNED", AGENT_A, "REVIEW_RECOVERY", true) + "]}"));
        FakeServices.ANSWERS.put(
                "GET /api/v1/tickets/" + ASSIGNED,
                new Answer(
                        200,
                        ticket(ASSIGNED, "ASSIGNED", AGENT_A, "REVIEW_RECOVERY", true)
                                .replace(
                                        "}}}",
                                        "}},"
                                                + " \"escalations\": [{\"reason\": \"FIRST_CONTACT_OVERDUE\", \"escalatedAt\": \"2026-01-05T02:31:00Z\"}]}")));
        FakeServices.ANSWERS.put(
                "GET /api/v1/compensations", new Answer(200, """
                {"items": [{"id": "%s", "orderId": "TB-O-2", "ticketId": "%s", "agentId": "%s", "type": "PARTIAL_REFUND",
                  "amountFen": 3900, "orderAmountFen": 12900, "status": "PENDING", "requiredLevel": "SUPERVISOR",
                  "approvalBecause": "ABOVE_AUTHORITY", "createdAt": "2026-01-05T03:00:00Z"}], "total": 1}""".formatted(COMPENSATION, ASSIGNED, AGENT_A)));
        FakeServices.ANSWERS.put("POST /api/v1/compensations/" + COMPENSATION + "/approval", new Answer(200, "{}"));
        FakeServices.ANSWERS.put("POST /api/v1/tickets/" + ASSIGNED + "/reassignment", new Answer(200, "{}"));
    }

    @Test
    void anAgentIsToldThePageIsNotForThem() {
        given().cookie(
                        Session.TOKEN_COOKIE,
                        SignInTests.token(Instant.now().plusSeconds(3600).getEpochSecond()))
                .when()
                .get("/supervision")
                .then()
                .statusCode(403)
                .body(containsString("无权访问"))
                .body(containsString("仅供主管和经理使用"));
        given().cookie(
                        Session.TOKEN_COOKIE,
                        SignInTests.token(Instant.now().plusSeconds(3600).getEpochSecond()))
                .when()
                .get("/desk/list")
                .then()
                .body(org.hamcrest.Matchers.not(containsString("href=\"/supervision\"")));
        assertThat(FakeServices.calls("GET", "/api/v1/agents")).isEmpty();
    }

    @Test
    void theSupervisorSeesQueueAgentsApprovalsBreachesAndWhereToMoveATicket() {
        String page = given().cookie(Session.TOKEN_COOKIE, supervisor())
                .when()
                .get("/supervision")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page)
                .contains("href=\"/supervision\"") // the nav link, for supervisors
                .contains("主管 · 1") // the queue by tier
                .contains("小王")
                .contains("小李")
                .contains("离开") // presence
                .contains("1 / 5") // load
                .contains("部分退款 39.00 元")
                .contains("申请人 小王")
                .contains("FIRST_CONTACT_OVERDUE")
                .contains("action=\"/supervision/tickets/" + ASSIGNED + "/reassignment\"")
                .contains("data-events=\"/supervision/events\"");
        // the assigned ticket is offered to the other agent only
        String select = page.substring(page.indexOf("id=\"agent-" + ASSIGNED + "\""));
        select = select.substring(0, select.indexOf("</select>"));
        assertThat(select).contains(AGENT_B).doesNotContain(AGENT_A);
        assertThat(page).doesNotContain("13812345678");
    }

    @Test
    void aSectionIsServedAloneForThePageToRefresh() {
        String part = given().cookie(Session.TOKEN_COOKIE, supervisor())
                .when()
                .get("/supervision/part/approvals")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(part).contains("部分退款 39.00 元").doesNotContain("<html");
        assertThat(FakeServices.calls("GET", "/api/v1/tickets")).isEmpty();
        given().cookie(Session.TOKEN_COOKIE, supervisor())
                .when()
                .get("/supervision/part/nothing")
                .then()
                .statusCode(404);
    }

    @Test
    void approvingAndMovingGoToTheServicesAsTheUser() {
        given().cookie(Session.TOKEN_COOKIE, supervisor())
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("comment", "质量问题属实")
                .when()
                .post("/supervision/compensations/" + COMPENSATION + "/approval")
                .then()
                .statusCode(303)
                .header("Location", containsString("done=approved"));
        var approval = FakeServices.calls("POST", "/api/v1/compensations/" + COMPENSATION + "/approval")
                .get(0);
        assertThat(approval.body()).isEqualTo("{\"comment\":\"质量问题属实\"}");
        assertThat(approval.authorization()).startsWith("Bearer ").contains(".c2ln");

        given().cookie(Session.TOKEN_COOKIE, supervisor())
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("agentId", AGENT_B)
                .when()
                .post("/supervision/tickets/" + ASSIGNED + "/reassignment")
                .then()
                .statusCode(303)
                .header("Location", containsString("done=reassigned"));
        assertThat(FakeServices.calls("POST", "/api/v1/tickets/" + ASSIGNED + "/reassignment")
                        .get(0)
                        .body())
                .isEqualTo("{\"agentId\":\"" + AGENT_B + "\"}");
    }

    @Test
    void aRefusedRejectionIsShownInTheServicesOwnWords() {
        FakeServices.ANSWERS.put(
                "POST /api/v1/compensations/" + COMPENSATION + "/rejection",
                new Answer(
                        400,
                        "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"comment: must not be blank\"}"));
        given().cookie(Session.TOKEN_COOKIE, supervisor())
                .contentType(ContentType.URLENC)
                .formParam("comment", " ")
                .when()
                .post("/supervision/compensations/" + COMPENSATION + "/rejection")
                .then()
                .statusCode(400)
                .body(containsString("操作未完成：comment: must not be blank"));
    }
}
