package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** GET /api/v1/review-statistics/*: exact counts over a seeded shop, windows, zones, roles and bad parameters. */
@QuarkusTest
class ReviewStatisticsTests {

    static final String BASE = "/api/v1/review-statistics";
    /**
     * The latest October that is over on the clock under test (Shanghai): last year's until
     * November comes. Within it, New York is on summer time (-04:00) throughout.
     */
    static final YearMonth MONTH = latestOctober();

    static final String FROM = oct(1, "00:00");
    static final String TO = TestClock.china(MONTH.plusMonths(1).atDay(1), "00:00");
    static final Map<String, String> OCTOBER = Map.of("from", FROM, "to", TO);

    static YearMonth latestOctober() {
        LocalDate today = TestClock.today(TestClock.SHANGHAI);
        return YearMonth.of(
                today.getMonthValue() > Month.OCTOBER.getValue() ? today.getYear() : today.getYear() - 1,
                Month.OCTOBER);
    }

    /** A day of {@link #MONTH}, as the statistics name it (yyyy-MM-dd). */
    static String oct(int day) {
        return MONTH.atDay(day).toString();
    }

    /** A local time in China on a day of {@link #MONTH}, as the order system writes it. */
    static String oct(int day, String time) {
        return TestClock.china(MONTH.atDay(day), time);
    }

    /** A day of the month before {@link #MONTH}. */
    static String sep(int day) {
        return MONTH.minusMonths(1).atDay(day).toString();
    }

    static String sep(int day, String time) {
        return TestClock.china(MONTH.minusMonths(1).atDay(day), time);
    }

    /** {@link #TO} minus so much, in China's offset. */
    static String beforeTo(Duration earlier) {
        return TestClock.china(OffsetDateTime.parse(TO).toInstant().minus(earlier));
    }

    /**
     * {@link #MONTH} (Shanghai) in one shop, plus reviews just outside it and another shop's review
     * that would count if the shop were not respected. Times are +08:00.
     */
    static String seed() {
        String shop = Reviews.uniqueShop();
        ReviewSeed s = new ReviewSeed(shop);
        s.review("d1", "SKU-A", "b1", "BAD", "破洞", FROM); // the first instant of the window: in
        s.review("a1", "SKU-A", "b1", "BAD", "衣服有破洞", oct(10, "09:00"));
        s.review("a2", "SKU-A", "b2", "BAD", "破洞了", oct(11, "01:00")); // 10-10 in UTC
        s.review("a3", "SKU-A", "b3", "NEUTRAL", "快递太慢", oct(11, "10:00"));
        s.review("a4", "SKU-A", "b4", "BAD", "衣服有破洞，快递太慢", oct(12, "10:00")); // two reasons
        s.review("a5", "SKU-A", "b5", "NEUTRAL", "快递太慢", oct(12, "11:00"));
        s.revise("a5", "GOOD", null, oct(13, "07:00")); // won back, words still complain; 10-12 in UTC
        s.review("b1", "SKU-B", "b6", "BAD", "破洞", oct(12, "12:00"));
        s.revise("b1", "GOOD", "已经解决了，很满意", oct(13, "10:00")); // won back
        s.review("b2", "SKU-B", "b7", "GOOD", "很好", oct(12, "13:00"));
        s.revise("b2", "BAD", "不好", oct(14, "10:00")); // negative now, no reason recorded: OTHER
        s.review("b3", "SKU-B", "b8", "NEUTRAL", "一般", oct(13, "10:00")); // classified OTHER
        s.review("c1", "SKU-A", "b9", "BAD", "破洞", sep(20, "10:00")); // before the window
        s.revise("c1", "GOOD", "好了", sep(25, "10:00"));
        s.review("c2", "SKU-A", "b9", "BAD", "破洞", TO); // the window's end is exclusive
        s.revise("c2", "NEUTRAL", null, TO);
        ReviewSeed other = new ReviewSeed(Reviews.uniqueShop());
        other.review("x1", "SKU-A", "b1", "BAD", "破洞，快递太慢", oct(10, "09:00"));
        other.review("x2", "SKU-A", "b1", "BAD", "破洞", oct(12, "09:00"));
        other.revise("x2", "GOOD", null, oct(13, "09:00"));
        return shop;
    }

    static ValidatableResponse get(String token, String path, Map<String, ?> params) {
        return given().auth().oauth2(token).queryParams(params).get(BASE + path).then();
    }

    static List<Map<String, Object>> rows(String token, String path, Map<String, ?> params) {
        return get(token, path, params)
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .getList("");
    }

    static Map<String, Object> negative(String day, int neutral, int bad) {
        return Map.of("day", day, "neutral", neutral, "bad", bad);
    }

    static Map<String, Object> revisions(String day, int revisions, int toGood, int textStillNegative) {
        return Map.of("day", day, "revisions", revisions, "toGood", toGood, "textStillNegative", textStillNegative);
    }

    static Map<String, Object> itemReason(String sku, String reason, int reviews) {
        return Map.of("itemSku", sku, "itemTitle", "标题 " + sku, "reason", reason, "reviews", reviews);
    }

    static Map<String, String> with(Map<String, String> params, String name, String value) {
        var copy = new HashMap<>(params);
        copy.put(name, value);
        return copy;
    }

    @Test
    void negativeReviewsPerItemAndReasonByCurrentRating() {
        String shop = seed();
        assertThat(rows(TestTokens.reporting(shop), "/negative-by-item-and-reason", OCTOBER))
                .containsExactly(
                        itemReason("SKU-A", "QUALITY_DAMAGE", 4), // d1 a1 a2 a4
                        itemReason("SKU-A", "SLOW_SHIPPING", 2), // a3 a4 (a5 is GOOD now)
                        itemReason("SKU-B", "OTHER", 2)); // b2 (no reason row) b3 (b1 is GOOD now)
    }

    @Test
    void negativeReviewsPerDayInTheShopsZone() {
        String shop = seed();
        List<Map<String, Object>> shanghai = List.of(
                negative(oct(1), 0, 1),
                negative(oct(10), 0, 1),
                negative(oct(11), 1, 1),
                negative(oct(12), 0, 2), // a4, b2 (revised to BAD); a5 and b1 are GOOD now
                negative(oct(13), 1, 0));
        assertThat(rows(TestTokens.supervisor(shop), "/negative-by-day", OCTOBER))
                .isEqualTo(shanghai);
        assertThat(rows(TestTokens.supervisor(shop), "/negative-by-day", with(OCTOBER, "zone", "Asia/Shanghai")))
                .isEqualTo(shanghai);
        assertThat(rows(TestTokens.supervisor(shop), "/negative-by-day", with(OCTOBER, "zone", "+08:00")))
                .isEqualTo(shanghai);
        assertThat(rows(TestTokens.supervisor(shop), "/negative-by-day", with(OCTOBER, "zone", "UTC")))
                .containsExactly(
                        negative(sep(30), 0, 1),
                        negative(oct(10), 0, 2),
                        negative(oct(11), 1, 0),
                        negative(oct(12), 0, 2),
                        negative(oct(13), 1, 0));
        // a fixed offset west of Greenwich: the days shift the right way
        assertThat(rows(TestTokens.supervisor(shop), "/negative-by-day", with(OCTOBER, "zone", "-05:00")))
                .containsExactly(
                        negative(sep(30), 0, 1),
                        negative(oct(9), 0, 1),
                        negative(oct(10), 1, 1),
                        negative(oct(11), 0, 1),
                        negative(oct(12), 1, 1));
        assertThat(rows(TestTokens.supervisor(shop), "/negative-by-day", with(OCTOBER, "zone", "America/New_York")))
                .isEqualTo(rows(TestTokens.supervisor(shop), "/negative-by-day", with(OCTOBER, "zone", "-04:00")));
    }

    @Test
    void revisionsPerDay() {
        String shop = seed();
        assertThat(rows(TestTokens.manager(shop), "/revisions-by-day", OCTOBER))
                .containsExactly(
                        revisions(oct(13), 2, 2, 1), // a5 (words still complain), b1
                        revisions(oct(14), 1, 0, 0)); // b2, GOOD to BAD
        assertThat(rows(TestTokens.manager(shop), "/revisions-by-day", with(OCTOBER, "zone", "UTC")))
                .containsExactly(revisions(oct(12), 1, 1, 1), revisions(oct(13), 1, 1, 0), revisions(oct(14), 1, 0, 0));
    }

    @Test
    void theWindowDefaultsToTheLastThirtyDays() {
        String shop = Reviews.uniqueShop();
        ReviewSeed s = new ReviewSeed(shop);
        Instant recent = TestClock.hoursAgo(2);
        s.review("new", "SKU-A", "b1", "BAD", "破洞", recent.toString());
        s.review("old", "SKU-A", "b2", "BAD", "快递太慢", TestClock.daysAgo(31).toString());
        Instant revisedAt = recent.plus(Duration.ofHours(1));
        s.revise("new", "NEUTRAL", null, revisedAt.toString());
        s.revise(
                "old",
                "NEUTRAL",
                null,
                TestClock.daysAgo(30).minus(Duration.ofMinutes(5)).toString());
        String token = TestTokens.reporting(shop);
        String shanghaiDay =
                LocalDate.ofInstant(recent, ZoneId.of("Asia/Shanghai")).toString();
        assertThat(rows(token, "/negative-by-item-and-reason", Map.of()))
                .containsExactly(itemReason("SKU-A", "QUALITY_DAMAGE", 1));
        assertThat(rows(token, "/negative-by-day", Map.of())).containsExactly(negative(shanghaiDay, 1, 0));
        assertThat(rows(token, "/revisions-by-day", Map.of()))
                .containsExactly(revisions(
                        LocalDate.ofInstant(revisedAt, ZoneId.of("Asia/Shanghai"))
                                .toString(),
                        1,
                        0,
                        1)); // BAD to NEUTRAL, still 破洞
        // from alone: up to now
        assertThat(rows(
                        token,
                        "/negative-by-day",
                        Map.of("from", TestClock.daysAgo(40).toString())))
                .hasSize(2);
        // to alone: the 30 days before it
        Instant threeDaysAgo = TestClock.daysAgo(3);
        assertThat(rows(token, "/negative-by-day", Map.of("to", threeDaysAgo.toString())))
                .singleElement()
                .satisfies(day -> assertThat(day).containsEntry("neutral", 1).containsEntry("bad", 0));
    }

    @Test
    void onlySupervisorsManagersAndReportingMayRead() {
        String shop = Reviews.uniqueShop();
        for (String path : List.of("/negative-by-item-and-reason", "/negative-by-day", "/revisions-by-day")) {
            for (String role : Set.of("supervisor", "manager", "reporting")) {
                get(TestTokens.token(shop, role, Set.of(role)), path, OCTOBER).statusCode(200);
            }
            get(TestTokens.integration(shop), path, OCTOBER).statusCode(403).contentType("application/problem+json");
            get(TestTokens.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY"), path, OCTOBER)
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().get(BASE + path).then().statusCode(401);
        }
    }

    @Test
    void badWindowsAndZonesAreRejectedByName() {
        String token = TestTokens.reporting(Reviews.uniqueShop());
        for (String path : List.of("/negative-by-item-and-reason", "/negative-by-day", "/revisions-by-day")) {
            get(token, path, Map.of("from", "last month"))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:winback:problem:invalid-request"))
                    .body("violations.field", contains("from"));
            get(token, path, Map.of("from", FROM, "to", "2026-11"))
                    .statusCode(400)
                    .body("violations.field", contains("to"));
            get(token, path, Map.of("from", TO, "to", FROM)).statusCode(400).body("violations.field", contains("to"));
            get(token, path, Map.of("from", FROM, "to", FROM)).statusCode(400).body("violations.field", contains("to"));
            get(
                            token,
                            path,
                            Map.of(
                                    "from",
                                    TestClock.now().plus(Duration.ofDays(1)).toString()))
                    .statusCode(400)
                    .body("violations.field", contains("to"));
            get(token, path, Map.of("from", beforeTo(Duration.ofDays(397)), "to", TO))
                    .statusCode(400)
                    .body("violations.field", contains("from"));
            get(token, path, Map.of("from", beforeTo(Duration.ofDays(366)), "to", TO))
                    .statusCode(200); // 366 days
            get(token, path, Map.of("from", beforeTo(Duration.ofDays(366).plusSeconds(1)), "to", TO))
                    .statusCode(400)
                    .body("violations.field", contains("from"));
        }
        for (String path : List.of("/negative-by-day", "/revisions-by-day")) {
            get(token, path, with(OCTOBER, "zone", "Mars/Olympus_Mons"))
                    .statusCode(400)
                    .body("violations.field", contains("zone"));
            get(token, path, with(OCTOBER, "zone", "+25:00"))
                    .statusCode(400)
                    .body("violations.field", contains("zone"));
        }
    }

    @Test
    void theApiDocumentsQueriesAndStatistics() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/reviews'.get.parameters.name",
                        hasItems(
                                "rating",
                                "reason",
                                "itemSku",
                                "buyerId",
                                "createdFrom",
                                "createdTo",
                                "revised",
                                "page",
                                "size"))
                .body(
                        "paths.'/api/v1/review-statistics/negative-by-item-and-reason'.get.description",
                        containsString("current rating"))
                .body(
                        "paths.'/api/v1/review-statistics/negative-by-day'.get.parameters.name",
                        hasItems("from", "to", "zone"))
                .body(
                        "paths.'/api/v1/review-statistics/revisions-by-day'.get.parameters.name",
                        hasItems("from", "to", "zone"))
                .body("components.schemas.RevisionsByDay.properties.day.examples[0]", equalTo("2026-11-23"))
                .body("components.schemas.NegativeReviewsByItemAndReason.properties.reviews.examples[0]", equalTo(12))
                .body(
                        "paths.'/api/v1/review-statistics/negative-by-day'.get.parameters.find { it.name == 'zone' }.schema.type",
                        equalTo("string"));
    }
}
