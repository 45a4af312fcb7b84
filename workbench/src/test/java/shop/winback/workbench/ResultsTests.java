package shop.winback.workbench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.workbench.FakeServices.Answer;

/**
 * The results page against a stand-in for ticket-service's recovery economics. The stand-in's "today" is today in
 * the shop's zone: its default period is the 7 days up to it, as ticket-service's is.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class ResultsTests {

    static final String ECONOMICS = "GET /api/v1/recovery-economics";
    static final String AGENT = "5f0c2d1e-0000-4000-8000-00000000000a";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final LocalDate FROM = TODAY.minusDays(6);

    /** ticket-service's figures: reviews in, recovered, a first contact's times, money paid (fen). */
    static String figures(long bad, long neutral, long recovered, long paidFen) {
        return """
                {"reviewsReceived": %d, "goodReviews": 0, "neutralReviews": %d, "badReviews": %d, "ticketsOpened": %d,
                 "stillOpen": 0, "recovered": %d, "recoveredNeutral": 0, "recoveredBad": %d, "unrecovered": 0,
                 "compensationPaidFen": %d, "compensationPaidFenByType": {}, "courierClaimedFen": 0,
                 "courierSettledFen": 0, "incentiveFen": 0, "costPerRecoveryFen": %s,
                 "valueRecoveredFen": %d,
                 "toAssignment": {"count": 0, "medianSeconds": null, "p90Seconds": null},
                 "toFirstContact": {"count": %d, "medianSeconds": %s, "p90Seconds": %s},
                 "toResolution": {"count": 0, "medianSeconds": null, "p90Seconds": null}}""".formatted(
                        bad + neutral,
                        neutral,
                        bad,
                        bad + neutral,
                        recovered,
                        recovered,
                        paidFen,
                        recovered == 0 ? "null" : Long.toString(paidFen / recovered),
                        recovered * 3000,
                        recovered,
                        recovered == 0 ? "null" : "540",
                        recovered == 0 ? "null" : "1466");
    }

    static String row(LocalDate day, String key, String name, String figures) {
        return "{\"day\": %s, \"key\": %s, \"name\": %s, \"figures\": %s}"
                .formatted(quoted(day), quoted(key), quoted(name), figures);
    }

    static String quoted(Object s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    static String report(
            String by, LocalDate from, LocalDate to, String total, List<String> rows, List<String> totals) {
        return """
                {"shopId": "demo-shop", "from": "%s", "to": "%s", "timeZone": "Asia/Shanghai", "by": "%s",
                 "rates": {"buyerValueFen": 3000, "avoidedBadReviewCostFen": 0, "incentiveNeutralFen": 300, "incentiveBadFen": 500},
                 "total": %s, "rows": [%s], "totals": [%s]}""".formatted(from, to, by, total, String.join(",", rows), String.join(",", totals));
    }

    /** Every day of the period; two bad reviews and one recovery on its last day, 15 元 paid. */
    static void aWeekWithOneRecovery(LocalDate from, LocalDate to, String query) {
        String busy = figures(2, 0, 1, 1500);
        List<String> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(row(d, null, null, d.equals(to) ? busy : figures(0, 0, 0, 0)));
        }
        FakeServices.ANSWERS.put(
                ECONOMICS + "?by=shop" + query,
                new Answer(200, report("shop", from, to, busy, days, List.of(row(null, null, null, busy)))));
        String period = "&from=" + from + "&to=" + to;
        FakeServices.ANSWERS.put(
                ECONOMICS + "?by=agent" + period,
                new Answer(
                        200,
                        report(
                                "agent",
                                from,
                                to,
                                busy,
                                List.of(),
                                List.of(row(null, AGENT, "小王", figures(0, 0, 1, 1500))))));
        FakeServices.ANSWERS.put(
                ECONOMICS + "?by=product" + period,
                new Answer(
                        200,
                        report(
                                "product",
                                from,
                                to,
                                busy,
                                List.of(),
                                List.of(row(null, "SKU-TS-WHITE-L", null, busy)))));
    }

    @BeforeEach
    void services() {
        FakeServices.CALLS.clear();
        FakeServices.ANSWERS.keySet().removeIf(k -> k.startsWith(ECONOMICS));
    }

    @Test
    void anAgentGetsTheSupervisorsPagesRefusal() {
        String agent = SignInTests.token(Instant.now().plusSeconds(3600).getEpochSecond());
        given().cookie(Session.TOKEN_COOKIE, agent)
                .when()
                .get("/results")
                .then()
                .statusCode(403)
                .body(containsString("无权访问"))
                .body(containsString("仅供主管和经理使用"))
                .body(not(containsString("href=\"/results\"")))
                // the language switch comes back here
                .body(containsString("back=/results"));
        assertThat(FakeServices.calls("GET", "/api/v1/recovery-economics")).isEmpty();
    }

    @Test
    void withoutAChosenPeriodTicketServiceChoosesItsLastSevenDaysAndTheFormShowsThem() {
        aWeekWithOneRecovery(FROM, TODAY, "");
        String page = given().cookie(Session.TOKEN_COOKIE, SupervisionTests.supervisor())
                .when()
                .get("/results")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        var calls = FakeServices.calls("GET", "/api/v1/recovery-economics");
        // no dates of the workbench's own: the first call has none, the other two ask for the period it answered
        assertThat(calls.get(0).path()).isEqualTo("/api/v1/recovery-economics?by=shop");
        assertThat(calls.get(0).authorization()).startsWith("Bearer ").endsWith(".c2ln");
        assertThat(calls.subList(1, 3))
                .extracting(FakeServices.Call::path)
                .containsExactlyInAnyOrder(
                        "/api/v1/recovery-economics?by=agent&from=" + FROM + "&to=" + TODAY,
                        "/api/v1/recovery-economics?by=product&from=" + FROM + "&to=" + TODAY);
        assertThat(page)
                .contains("href=\"/results\"") // the nav link, for supervisors and managers
                .contains("<label for=\"from\">开始日期</label>")
                .contains("id=\"from\" name=\"from\" value=\"" + FROM + "\"")
                .contains("id=\"to\" name=\"to\" value=\"" + TODAY + "\"")
                .contains("Asia/Shanghai")
                .contains("收到中差评 2 条，已挽回 1 条，补偿支出 15.00 元，挽回价值 30.00 元");
        // a row per day, the last one busy: 2 bad, 1 recovered, first contact 9 min (median) / 24 min 26 s (p90)
        String lastDay = section(page, "data-row=\"" + TODAY + "\"", "</tr>");
        assertThat(lastDay)
                .contains("<td class=\"num\">2</td>")
                .contains("0:09:00 / 0:24:26")
                .contains("15.00 元")
                .contains("30.00 元");
        assertThat(page).contains("data-row=\"" + FROM + "\"");
        assertThat(section(page, "id=\"per-agent\"", "</table>")).contains("小王").doesNotContain("差评</th>");
        assertThat(section(page, "id=\"per-product\"", "</table>")).contains("SKU-TS-WHITE-L");
        // the chart: one group per day, the busy day's bars, and its text alternative
        String chart = section(page, "<svg", "</svg>");
        assertThat(chart)
                .contains("role=\"img\"")
                .contains("aria-labelledby=\"chart-svg-title chart-svg-desc\"")
                .contains("<desc id=\"chart-svg-desc\">")
                .contains(TODAY + "：收到中差评 2 条，挽回 1 条");
        assertThat(chart.split("<g class=\"day\"", -1)).hasSize(8);
        assertThat(page).doesNotContain("没有收到中差评");
    }

    @Test
    void aChosenPeriodGoesToTicketServiceAsItIs() {
        LocalDate from = TODAY.minusDays(29);
        aWeekWithOneRecovery(from, TODAY, "&from=" + from + "&to=" + TODAY);
        String page = given().cookie(Session.TOKEN_COOKIE, SupervisionTests.supervisor())
                .queryParam("from", from.toString())
                .queryParam("to", TODAY.toString())
                .when()
                .get("/results")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(FakeServices.calls("GET", "/api/v1/recovery-economics?by=shop")
                        .get(0)
                        .path())
                .isEqualTo("/api/v1/recovery-economics?by=shop&from=" + from + "&to=" + TODAY);
        assertThat(page).contains("value=\"" + from + "\"");
        // 30 days: at most 7 day labels under the bars, every day a bar
        String chart = section(page, "<svg", "</svg>");
        assertThat(chart.split("<g class=\"day\"", -1)).hasSize(31);
        assertThat(chart.split("text-anchor=\"middle\"", -1).length - 1).isBetween(5, 7);
    }

    @Test
    void ticketServicesRefusalOfAPeriodIsShownInItsOwnWords() {
        FakeServices.ANSWERS.put(
                ECONOMICS + "?by=shop&from=" + TODAY + "&to=" + FROM,
                new Answer(
                        400,
                        "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"from: must not be after to (" + FROM
                                + ")\"}"));
        given().cookie(Session.TOKEN_COOKIE, SupervisionTests.supervisor())
                .queryParam("from", TODAY.toString())
                .queryParam("to", FROM.toString())
                .when()
                .get("/results")
                .then()
                .statusCode(400)
                .body(containsString("无法读取结果：from: must not be after to (" + FROM + ")"))
                // the period as typed, to correct it
                .body(containsString("id=\"from\" name=\"from\" value=\"" + TODAY + "\""))
                .body(not(containsString("<svg")));
    }

    @Test
    void aPeriodWithoutReviewsSaysSo() {
        String nothing = figures(0, 0, 0, 0);
        FakeServices.ANSWERS.put(
                ECONOMICS + "?by=shop",
                new Answer(
                        200,
                        report(
                                "shop",
                                FROM,
                                TODAY,
                                nothing,
                                List.of(row(TODAY, null, null, nothing)),
                                List.of(row(null, null, null, nothing)))));
        String empty = report("agent", FROM, TODAY, nothing, List.of(), List.of());
        FakeServices.ANSWERS.put(ECONOMICS + "?by=agent&from=" + FROM + "&to=" + TODAY, new Answer(200, empty));
        FakeServices.ANSWERS.put(
                ECONOMICS + "?by=product&from=" + FROM + "&to=" + TODAY,
                new Answer(200, empty.replace("\"agent\"", "\"product\"")));
        given().cookie(Session.TOKEN_COOKIE, SupervisionTests.supervisor())
                .when()
                .get("/results")
                .then()
                .statusCode(200)
                .body(containsString(FROM + " 至 " + TODAY + " 期间没有收到中差评"))
                .body(not(containsString("<svg")))
                .body(not(containsString("<table")));
        given().cookie(Session.TOKEN_COOKIE, SupervisionTests.supervisor())
                .cookie(Session.LANG_COOKIE, "en")
                .when()
                .get("/results")
                .then()
                .statusCode(200)
                .body(containsString("Recovery results"))
                .body(containsString("No neutral or bad reviews and no recoveries from " + FROM + " to " + TODAY));
    }

    private static String section(String page, String start, String end) {
        int at = page.indexOf(start);
        assertThat(at).as(start).isNotNegative();
        return page.substring(at, page.indexOf(end, at) + end.length());
    }
}
