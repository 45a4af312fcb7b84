package shop.winback.workbench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.workbench.FakeServices.Answer;

/** The buyer section sums up the buyer's earlier tickets from ticket-service's buyerHistory, with the latest few. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class BuyerHistoryPageTests {

    /** The ticket page's detail with a buyerHistory: two earlier tickets, one won back, one not, one compensated. */
    static String withHistory(String history) {
        String detail = TicketPageTests.ticket(TicketPageTests.QUALITY_REVIEW);
        return detail.substring(0, detail.lastIndexOf('}')) + ", \"buyerHistory\": " + history + "}";
    }

    static final Instant LAST_MONTH = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void services() {
        FakeServices.CALLS.clear();
        FakeServices.ANSWERS.put("POST /api/v1/quotes", new Answer(200, TicketPageTests.QUOTE));
        FakeServices.ANSWERS.put("GET /api/v1/compensations", new Answer(200, "{\"items\": [], \"total\": 0}"));
        FakeServices.ANSWERS.put("GET /api/v1/weight-checks", new Answer(200, "[]"));
        FakeServices.ANSWERS.put("GET /api/v1/shipments", new Answer(200, "[]"));
    }

    String page(String detail) {
        FakeServices.ANSWERS.put("GET /api/v1/tickets/" + TicketPageTests.TICKET, new Answer(200, detail));
        return given().cookie(Session.TOKEN_COOKIE, CompensationTests.TOKEN)
                .when()
                .get("/tickets/" + TicketPageTests.TICKET)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void theBuyersEarlierTicketsAreSummedUpWithTheLatest() {
        String html = page(withHistory("""
                {"earlierTickets": 2, "recovered": 1, "unrecovered": 1, "compensationsApproved": 1,
                 "latest": [{"id": "9a000000-0000-4000-8000-000000000002", "openedAt": "%s", "rating": "BAD",
                             "status": "CLOSED", "outcome": "UNRECOVERED"},
                            {"id": "9a000000-0000-4000-8000-000000000001", "openedAt": "%s", "rating": "NEUTRAL",
                             "status": "CLOSED", "outcome": "RECOVERED"}]}""".formatted(LAST_MONTH, LAST_MONTH.minus(Duration.ofDays(60)))));
        assertThat(html).contains("此前 2 次售后，挽回 1 次，未挽回 1 次，已批补偿 1 次").contains("datetime=\"" + LAST_MONTH + "\"");
        String latest = html.substring(html.indexOf("id=\"buyer-history-latest\""));
        assertThat(latest.substring(0, latest.indexOf("</ul>"))).containsSubsequence("差评", "未挽回", "中评", "已挽回");
    }

    @Test
    void aFirstTimeBuyerHasNoHistory() {
        assertThat(page(withHistory("""
                        {"earlierTickets": 0, "recovered": 0, "unrecovered": 0, "compensationsApproved": 0,
                         "latest": []}"""))).contains("此前无售后记录").doesNotContain("buyer-history-latest");
    }

    @Test
    void aDetailWithoutHistoryStillShows() {
        assertThat(page(TicketPageTests.ticket(TicketPageTests.QUALITY_REVIEW))).doesNotContain("id=\"buyer-history\"");
    }
}
