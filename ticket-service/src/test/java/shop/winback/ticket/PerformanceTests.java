package shop.winback.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/**
 * The statistics endpoints on seeded rows (plain SQL on the V1–V3 schema, a fresh shop per test):
 * exact counts, medians, rates and money, days bucketed in the shop's time zone, who may read them,
 * and bad periods.
 */
@QuarkusTest
class PerformanceTests {

    /**
     * The scene's main local day (Shanghai): ten days before today on the clock under test, so the
     * whole scene, a day after it included, is in the past.
     */
    static final LocalDate DAY = TestClock.today(TestClock.SHANGHAI).minusDays(10);

    static final String PERIOD_FROM = day(-1);
    static final String PERIOD_TO = day(1);

    /** A day {@code days} after {@link #DAY}, as the statistics name it (yyyy-MM-dd). */
    static String day(int days) {
        return DAY.plusDays(days).toString();
    }

    /**
     * An instant at a UTC time of the UTC date {@code days} after {@link #DAY}'s date: {@link #DAY}
     * starts in Shanghai at {@code utc(-1, "16:00")}.
     */
    static String utc(int days, String time) {
        return DAY.plusDays(days)
                .atTime(LocalTime.parse(time))
                .toInstant(ZoneOffset.UTC)
                .toString();
    }

    @Inject
    DataSource dataSource;

    Seed seed;

    @BeforeEach
    void seeder() {
        seed = new Seed(dataSource);
    }

    /**
     * Agent 小王 and 小李 of one shop (default zone Asia/Shanghai, UTC+8), and a stranger's shop with
     * activity on the same days. Local day {@link #DAY} (e.g. 11-24) starts at 16:00Z the day before
     * ({@code utc(-1, "16:00")}, e.g. 11-23T16:00Z); the comments name the days as in that example.
     */
    record Scene(String shop, UUID wang, UUID li, String otherShop, UUID t1) {}

    Scene scene() {
        String shop = TestData.uniqueShop();
        UUID wang = seed.agent(shop, "小王");
        UUID li = seed.agent(shop, "小李");

        // 小王, local 11-24: T1 assigned 11-23T17:00Z (01:00 on the 24th in Shanghai), two reviews
        UUID t1 = seed.ticket(
                shop,
                wang,
                "BAD",
                utc(-1, "16:30"),
                utc(-1, "17:00"),
                utc(-1, "17:30"),
                utc(0, "02:30"),
                "RECOVERED",
                500);
        seed.review(shop, t1, "BAD", utc(-1, "16:30"));
        seed.review(shop, t1, "NEUTRAL", utc(-1, "18:00"));
        seed.contact(shop, t1, wang, utc(-1, "17:30"));
        UUID t2 = seed.ticket(
                shop,
                wang,
                "NEUTRAL",
                utc(0, "01:00"),
                utc(0, "01:00"),
                utc(0, "01:20"),
                utc(0, "05:00"),
                "RECOVERED",
                300);
        seed.review(shop, t2, "NEUTRAL", utc(0, "01:00"));
        seed.contact(shop, t2, wang, utc(0, "01:20"));
        seed.contact(shop, t2, wang, utc(0, "03:00"));
        UUID t3 = seed.ticket(
                shop,
                wang,
                "BAD",
                utc(0, "02:00"),
                utc(0, "02:00"),
                utc(0, "02:30"),
                utc(0, "08:00"),
                "UNRECOVERED",
                0);
        seed.review(shop, t3, "BAD", utc(0, "02:00"));
        seed.contact(shop, t3, wang, utc(0, "02:30"));
        seed.escalation(shop, t3, wang, "FIRST_CONTACT_OVERDUE", utc(0, "02:20"));
        UUID t4 =
                seed.ticket(shop, wang, "BAD", utc(0, "03:00"), utc(0, "03:00"), null, utc(0, "04:00"), "CANCELLED", 0);
        seed.review(shop, t4, "BAD", utc(0, "03:00"));
        // 小王, local 11-23 (23:00 in Shanghai): T5 still open, escalated, and a compensation paid at 23:59
        UUID t5 = seed.ticket(shop, wang, "BAD", utc(-1, "14:00"), utc(-1, "15:00"), null, null, null, 0);
        seed.review(shop, t5, "BAD", utc(-1, "14:00"));
        seed.escalation(shop, t5, wang, "FIRST_CONTACT_OVERDUE", utc(-1, "15:40"));
        seed.compensation(shop, t5, wang, 200, "PAID", utc(-1, "15:59"));
        seed.compensation(shop, t1, wang, 1000, "PAID", utc(0, "03:00"));
        seed.compensation(shop, t2, wang, 5000, "REQUESTED", null);
        seed.compensation(shop, t3, wang, 700, "REJECTED", null);

        // 小李, local 11-24: two recoveries (an even count: medians are the mean of the middle two)
        UUID t6 = seed.ticket(
                shop,
                li,
                "NEUTRAL",
                utc(0, "06:00"),
                utc(0, "06:00"),
                utc(0, "06:10"),
                utc(0, "07:00"),
                "RECOVERED",
                300);
        seed.review(shop, t6, "NEUTRAL", utc(0, "06:00"));
        seed.contact(shop, t6, li, utc(0, "06:10"));
        UUID t7 = seed.ticket(
                shop, li, "BAD", utc(0, "06:00"), utc(0, "06:00"), utc(0, "06:30"), utc(0, "09:00"), "RECOVERED", 600);
        seed.review(shop, t7, "BAD", utc(0, "06:00"));
        seed.contact(shop, t7, li, utc(0, "06:30"));
        // outside the period (local 11-26)
        UUID late = seed.ticket(
                shop, li, "BAD", utc(1, "16:30"), utc(1, "16:30"), utc(1, "16:40"), utc(1, "17:00"), "RECOVERED", 500);
        seed.review(shop, late, "BAD", utc(1, "16:30"));

        // another shop, same days: never counted
        String otherShop = TestData.uniqueShop();
        UUID stranger = seed.agent(otherShop, "小张");
        UUID theirs = seed.ticket(
                otherShop,
                stranger,
                "BAD",
                utc(0, "01:00"),
                utc(0, "01:00"),
                utc(0, "01:05"),
                utc(0, "02:00"),
                "RECOVERED",
                500);
        seed.review(otherShop, theirs, "BAD", utc(0, "01:00"));
        seed.contact(otherShop, theirs, stranger, utc(0, "01:05"));
        seed.compensation(otherShop, theirs, stranger, 900, "PAID", utc(0, "01:30"));
        return new Scene(shop, wang, li, otherShop, t1);
    }

    static Response get(String path, String token, String from, String to) {
        var request = given().auth().oauth2(token);
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        return request.get(path);
    }

    static Map<String, Object> row(List<Map<String, Object>> rows, UUID agent, String day) {
        return rows.stream()
                .filter(r -> agent.toString().equals(r.get("agentId")) && day.equals(r.get("day")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + agent + " on " + day + " in " + rows));
    }

    static double number(Map<String, Object> row, String field) {
        assertThat(row.get(field)).as(field).isInstanceOf(Number.class);
        return ((Number) row.get(field)).doubleValue();
    }

    @Test
    void agentPerformanceCountsEachAgentsDayInTheShopsZone() {
        Scene s = scene();
        JsonPath body = get("/api/v1/agent-performance", TestTokens.supervisor(s.shop()), PERIOD_FROM, PERIOD_TO)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(body.getString("shopId")).isEqualTo(s.shop());
        assertThat(body.getString("timeZone")).isEqualTo("Asia/Shanghai");
        List<Map<String, Object>> rows = body.getList("rows");
        assertThat(rows)
                .extracting(r -> r.get("day") + " " + r.get("agentName"))
                .containsExactly(day(-1) + " 小王", day(0) + " 小李", day(0) + " 小王");

        Map<String, Object> wang24 = row(rows, s.wang(), day(0));
        assertThat(wang24)
                .containsEntry("agentName", "小王")
                .containsEntry("assigned", 4) // T1 at 17:00Z counts on the 24th in Shanghai
                .containsEntry("contacted", 3) // T2 twice is one ticket
                .containsEntry("recovered", 2)
                .containsEntry("resolved", 3) // the CANCELLED one is nobody's result
                .containsEntry("escalations", 1)
                .containsEntry("compensationSpentFen", 1000); // the requested and the rejected ones cost nothing
        assertThat(number(wang24, "successRate")).isCloseTo(2.0 / 3, Offset.offset(1e-6));
        assertThat(number(wang24, "medianSecondsToFirstContact")).isEqualTo(1800.0); // of 3600, 1200, 1800
        assertThat(number(wang24, "medianSecondsToResolution")).isEqualTo(21600.0); // of 36000, 14400, 21600

        Map<String, Object> wang23 = row(rows, s.wang(), day(-1));
        assertThat(wang23)
                .containsEntry("assigned", 1)
                .containsEntry("contacted", 0)
                .containsEntry("recovered", 0)
                .containsEntry("resolved", 0)
                .containsEntry("successRate", null)
                .containsEntry("medianSecondsToFirstContact", null)
                .containsEntry("medianSecondsToResolution", null)
                .containsEntry("escalations", 1)
                .containsEntry("compensationSpentFen", 200);

        Map<String, Object> li24 = row(rows, s.li(), day(0));
        assertThat(li24)
                .containsEntry("assigned", 2)
                .containsEntry("contacted", 2)
                .containsEntry("recovered", 2)
                .containsEntry("resolved", 2)
                .containsEntry("escalations", 0)
                .containsEntry("compensationSpentFen", 0);
        assertThat(number(li24, "successRate")).isEqualTo(1.0);
        assertThat(number(li24, "medianSecondsToFirstContact")).isEqualTo(1200.0); // of 600 and 1800
        assertThat(number(li24, "medianSecondsToResolution")).isEqualTo(7200.0); // of 3600 and 10800
    }

    @Test
    void theShopsOwnTimeZoneDecidesTheDay() {
        Scene s = scene();
        seed.timeZone(s.shop(), "UTC");
        List<Map<String, Object>> rows = get(
                        "/api/v1/agent-performance", TestTokens.manager(s.shop()), PERIOD_FROM, PERIOD_TO)
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .extract()
                .jsonPath()
                .getList("rows");
        // in UTC, T5 (15:00Z) and T1 (17:00Z) were both assigned on the 23rd
        assertThat(row(rows, s.wang(), day(-1)))
                .containsEntry("assigned", 2)
                .containsEntry("contacted", 1)
                .containsEntry("escalations", 1)
                .containsEntry("compensationSpentFen", 200);
        assertThat(row(rows, s.wang(), day(0))).containsEntry("assigned", 3).containsEntry("recovered", 2);
    }

    @Test
    void recoveriesByDaySetThroughputAgainstRiskForEveryDay() {
        Scene s = scene();
        JsonPath body = get("/api/v1/recoveries-by-day", TestTokens.reporting(s.shop()), PERIOD_FROM, PERIOD_TO)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(body.getString("from")).isEqualTo(PERIOD_FROM);
        assertThat(body.getString("to")).isEqualTo(PERIOD_TO);
        List<Map<String, Object>> days = body.getList("days");
        assertThat(days).extracting(d -> d.get("day")).containsExactly(day(-1), day(0), day(1));
        assertThat(days.get(0))
                .containsEntry("recoveredTickets", 0)
                .containsEntry("recoveredReviews", 0)
                .containsEntry("negativeReviews", 1)
                .containsEntry("neutralReviews", 0)
                .containsEntry("badReviews", 1);
        // T1 (two reviews), T2, T6, T7; reviews joined on the 24th local, T1's first at 16:30Z included
        assertThat(days.get(1))
                .containsEntry("recoveredTickets", 4)
                .containsEntry("recoveredReviews", 5)
                .containsEntry("negativeReviews", 7)
                .containsEntry("neutralReviews", 3)
                .containsEntry("badReviews", 4);
        assertThat(days.get(2)).containsEntry("recoveredTickets", 0).containsEntry("negativeReviews", 0);
    }

    @Test
    void incentivesSumCreditsAndSpendingPerAgent() {
        Scene s = scene();
        JsonPath body = get("/api/v1/incentives", TestTokens.supervisor(s.shop()), PERIOD_FROM, PERIOD_TO)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> rows = body.getList("rows");
        assertThat(rows).extracting(r -> r.get("agentName")).containsExactly("小李", "小王");
        assertThat(rows.get(0))
                .containsEntry("agentId", s.li().toString())
                .containsEntry("recoveredNeutral", 1)
                .containsEntry("recoveredBad", 1)
                .containsEntry("incentiveFen", 900)
                .containsEntry("compensationSpentFen", 0);
        assertThat(rows.get(1))
                .containsEntry("agentId", s.wang().toString())
                .containsEntry("recoveredNeutral", 1)
                .containsEntry("recoveredBad", 1)
                .containsEntry("incentiveFen", 800)
                .containsEntry("compensationSpentFen", 1200);
        assertThat(body.getLong("totalIncentiveFen")).isEqualTo(1700);
        assertThat(body.getLong("totalCompensationSpentFen")).isEqualTo(1200);

        // one local day: only 小王's 23:59 compensation, nothing recovered
        get("/api/v1/incentives", TestTokens.supervisor(s.shop()), day(-1), day(-1))
                .then()
                .statusCode(200)
                .body("rows.size()", equalTo(1))
                .body("rows[0].agentName", equalTo("小王"))
                .body("rows[0].incentiveFen", equalTo(0))
                .body("rows[0].compensationSpentFen", equalTo(200));
    }

    @Test
    void withoutAPeriodTheLastSevenDaysUpToTodayInTheShopsZone() {
        String shop = TestData.uniqueShop();
        UUID agent = seed.agent(shop, "小王");
        Instant now = TestClock.now();
        seed.ticket(
                shop,
                agent,
                "BAD",
                now.minusSeconds(600).toString(),
                now.minusSeconds(300).toString(),
                null,
                null,
                null,
                0);
        LocalDate today = TestClock.today(TestClock.SHANGHAI);
        get("/api/v1/agent-performance", TestTokens.supervisor(shop), null, null)
                .then()
                .statusCode(200)
                .body("from", equalTo(today.minusDays(6).toString()))
                .body("to", equalTo(today.toString()))
                .body("rows.agentName", hasItem("小王"));
        get("/api/v1/recoveries-by-day", TestTokens.supervisor(shop), null, null)
                .then()
                .statusCode(200)
                .body("days.size()", equalTo(7));
    }

    @Test
    void anotherShopsTokenSeesNoneOfIt() {
        Scene s = scene();
        get("/api/v1/agent-performance", TestTokens.manager(s.otherShop()), PERIOD_FROM, PERIOD_TO)
                .then()
                .statusCode(200)
                .body("shopId", equalTo(s.otherShop()))
                .body("rows.size()", equalTo(1))
                .body("rows[0].agentName", equalTo("小张"))
                .body("rows[0].compensationSpentFen", equalTo(900));
        get("/api/v1/incentives", TestTokens.manager(s.otherShop()), PERIOD_FROM, PERIOD_TO)
                .then()
                .statusCode(200)
                .body("rows.agentName", equalTo(List.of("小张")));
        get("/api/v1/recoveries-by-day", TestTokens.manager(s.otherShop()), PERIOD_FROM, PERIOD_TO)
                .then()
                .statusCode(200)
                .body("days[1].recoveredTickets", equalTo(1))
                .body("days[1].negativeReviews", equalTo(1));
        String fresh = TestData.uniqueShop();
        get("/api/v1/agent-performance", TestTokens.reporting(fresh), PERIOD_FROM, PERIOD_TO)
                .then()
                .statusCode(200)
                .body("rows.size()", equalTo(0));
    }

    static final List<String> ENDPOINTS =
            List.of("/api/v1/agent-performance", "/api/v1/recoveries-by-day", "/api/v1/incentives");
    static final Set<String> READERS = Set.of("supervisor", "manager", "reporting");

    static Stream<Arguments> everyEndpointAndRole() {
        return ENDPOINTS.stream()
                .flatMap(e -> Stream.of("integration", "agent", "supervisor", "manager", "reporting")
                        .map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void onlySupervisorsManagersAndReportingReadStatistics(String path, String role) {
        String shop = TestData.uniqueShop();
        String token = role.equals("agent")
                ? TestTokens.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY")
                : TestTokens.token(shop, role, Set.of(role));
        Response response = get(path, token, PERIOD_FROM, PERIOD_TO);
        if (READERS.contains(role)) {
            response.then().statusCode(200).body("shopId", equalTo(shop));
        } else {
            response.then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    static Stream<Arguments> refusedTokens() {
        return ENDPOINTS.stream()
                .flatMap(e -> Stream.of("no token", "forged", "expired").map(k -> Arguments.of(e, k)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("refusedTokens")
    void noValidTokenIsUnauthenticated(String path, String kind) {
        String shop = TestData.uniqueShop();
        var request = switch (kind) {
            case "no token" -> given();
            case "forged" -> given().auth().oauth2(TestTokens.forged(shop, "manager"));
            default -> given().auth().oauth2(TestTokens.expired(shop, "manager"));
        };
        request.get(path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    static Stream<Arguments> badPeriods() {
        return ENDPOINTS.stream()
                .flatMap(e -> Stream.of(
                        Arguments.of(e, "2026-11-01", null, "to"),
                        Arguments.of(e, null, "2026-11-30", "from"),
                        Arguments.of(e, "2026-13-01", "2026-11-30", "from"),
                        Arguments.of(e, "2026-11-01", "30.11.2026", "to"),
                        Arguments.of(e, "2026-11-30", "2026-11-01", "from"),
                        Arguments.of(e, "2025-01-01", "2026-01-02", "to")));
    }

    @ParameterizedTest(name = "{0}?from={1}&to={2}")
    @MethodSource("badPeriods")
    void aBadPeriodIsAProblemNamingTheParameter(String path, String from, String to, String named) {
        get(path, TestTokens.supervisor(TestData.uniqueShop()), from, to)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo(named));
    }

    @Test
    void theLongestPeriodIsAYearOf366Days() {
        get("/api/v1/recoveries-by-day", TestTokens.supervisor(TestData.uniqueShop()), "2024-01-01", "2024-12-31")
                .then()
                .statusCode(200)
                .body("days.size()", equalTo(366));
    }

    @Test
    void theApiDocumentsTheEndpoints() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/agent-performance'.get.responses.'400'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(
                        "paths.'/api/v1/incentives'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/Incentives"))
                .body(
                        "paths.'/api/v1/recoveries-by-day'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/RecoveriesByDay"));
    }

    /** Rows straight into the V1–V3 tables, without the service's entities. */
    static final class Seed {

        private final DataSource dataSource;

        Seed(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        UUID agent(String shop, String name) {
            UUID id = UUID.randomUUID();
            update("""
                    INSERT INTO agent (id, shop_id, name, tier, capacity, status, created_at, updated_at)
                    VALUES (?, ?, ?, 'REVIEW_RECOVERY', 10, 'ONLINE', ?, ?)""", id, shop, name, now(), now());
            return id;
        }

        /** A ticket of one order; closed when {@code closedAt} is given. */
        UUID ticket(
                String shop,
                UUID agent,
                String rating,
                String openedAt,
                String assignedAt,
                String firstContactAt,
                String closedAt,
                String outcome,
                long creditFen) {
            UUID id = UUID.randomUUID();
            update(
                    """
                    INSERT INTO ticket (id, shop_id, order_id, review_id, platform_review_id, buyer_id, item_sku, rating,
                                        order_amount_fen, distinct_items, priority, status, agent_id, review_created_at,
                                        opened_at, assigned_at, first_contact_at, closed_at, outcome, credit_fen)
                    VALUES (?, ?, ?, ?, ?, 'buyer-1', 'SKU-1', ?, 12900, 1, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id,
                    shop,
                    "O-" + UUID.randomUUID(),
                    UUID.randomUUID(),
                    "R-" + UUID.randomUUID(),
                    rating,
                    closedAt != null ? "CLOSED" : agent != null ? "ASSIGNED" : "WAITING",
                    agent,
                    ts(openedAt),
                    ts(openedAt),
                    ts(assignedAt),
                    ts(firstContactAt),
                    ts(closedAt),
                    outcome,
                    creditFen);
            return id;
        }

        /** An open ticket of the given order, for linking compensations. */
        UUID openTicket(String shop, String orderId) {
            UUID id = UUID.randomUUID();
            update("""
                    INSERT INTO ticket (id, shop_id, order_id, review_id, platform_review_id, buyer_id, item_sku, rating,
                                        order_amount_fen, distinct_items, priority, status, review_created_at, opened_at)
                    VALUES (?, ?, ?, ?, ?, 'buyer-1', 'SKU-1', 'BAD', 12900, 1, 0, 'WAITING', ?, ?)""", id, shop, orderId, UUID.randomUUID(), "R-" + UUID.randomUUID(), now(), now());
            return id;
        }

        void close(UUID ticket) {
            update(
                    "UPDATE ticket SET status = 'CLOSED', closed_at = ?, outcome = 'UNRECOVERED' WHERE id = ?",
                    now(),
                    ticket);
        }

        void review(String shop, UUID ticket, String rating, String joinedAt) {
            update(
                    """
                    INSERT INTO ticket_review (shop_id, review_id, ticket_id, platform_review_id, item_sku, rating, current_rating,
                                               review_created_at, joined_at)
                    VALUES (?, ?, ?, ?, 'SKU-1', ?, ?, ?, ?)""",
                    shop,
                    UUID.randomUUID(),
                    ticket,
                    "R-" + UUID.randomUUID(),
                    rating,
                    rating,
                    ts(joinedAt),
                    ts(joinedAt));
        }

        void contact(String shop, UUID ticket, UUID agent, String at) {
            update("""
                    INSERT INTO contact_attempt (id, shop_id, ticket_id, buyer_id, agent_id, channel, outcome, attempted_at, local_date)
                    VALUES (?, ?, ?, 'buyer-1', ?, 'PHONE', 'REACHED', ?, ?)""", UUID.randomUUID(), shop, ticket, agent, ts(at), ts(at).toLocalDate());
        }

        void escalation(String shop, UUID ticket, UUID agent, String reason, String at) {
            update("""
                    INSERT INTO ticket_escalation (ticket_id, reason, shop_id, agent_id, due_at, escalated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", ticket, reason, shop, agent, ts(at), ts(at));
        }

        void compensation(String shop, UUID ticket, UUID agent, long amountFen, String status, String paidAt) {
            update("""
                    INSERT INTO ticket_compensation (compensation_id, shop_id, order_id, ticket_id, agent_id, type, amount_fen,
                                                     status, paid_at, updated_at)
                    VALUES (?, ?, 'O-any', ?, ?, 'COUPON', ?, ?, ?, ?)""", UUID.randomUUID(), shop, ticket, agent, amountFen, status, ts(paidAt), now());
        }

        void timeZone(String shop, String zone) {
            update("""
                    INSERT INTO shop_settings (shop_id, settings, updated_at, updated_by)
                    VALUES (?, CAST(? AS jsonb), ?, 'test')""", shop, "{\"timeZone\": \"" + zone + "\"}", now());
        }

        /** Now on the clock under test: the database's now() is the real clock's. */
        private static OffsetDateTime now() {
            return OffsetDateTime.ofInstant(TestClock.now(), ZoneOffset.UTC);
        }

        private static OffsetDateTime ts(String instant) {
            return instant == null ? null : OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
        }

        void update(String sql, Object... values) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        statement.setNull(i + 1, java.sql.Types.OTHER);
                    } else {
                        statement.setObject(i + 1, values[i]);
                    }
                }
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
