package shop.winback.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.ConsumerContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;
import shop.winback.ticket.config.CompensationsConfig;
import shop.winback.ticket.config.LogisticsConfig;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.messaging.in.LostParcelClaimedV1;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;

/**
 * GET /api/v1/recovery-economics on the real broker and database: reviews, tickets and
 * compensations arrive as the other services publish them, tickets are worked through the API, and
 * every figure (spec-17) is checked for the shop and by agent, product and complaint reason, as JSON
 * and CSV; a redelivered event counts once, another shop's data never shows, and only supervisors,
 * managers and reporting jobs may read it.
 */
@QuarkusTest
class RecoveryEconomicsTests {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String REVIEW_SOURCE = "/winback/review-service";

    @Inject
    TicketConfig config;

    @Inject
    CompensationsConfig compensations;

    @Inject
    LogisticsConfig logistics;

    @Inject
    javax.sql.DataSource dataSource;

    /** A review as review-service puts it on the wire, with its complaint reasons. */
    static String json(ReviewReceivedV1 r, String... reasons) {
        String list = java.util.Arrays.stream(reasons)
                .map(x -> "{\"reason\":\"" + x + "\",\"evidence\":\"…\"}")
                .collect(Collectors.joining(","));
        return TestData.json(r).replace("\"complaintReasons\":[]", "\"complaintReasons\":[" + list + "]");
    }

    static ReviewReceivedV1 review(String shop, Rating rating, String sku) {
        ReviewReceivedV1 r = TestData.review(shop, rating);
        return new ReviewReceivedV1(
                r.reviewId(),
                shop,
                r.platformReviewId(),
                r.orderId(),
                new ReviewReceivedV1.Item(sku, "纯棉T恤", null),
                r.buyer(),
                r.orderAmountFen(),
                r.distinctItems(),
                rating,
                r.createdAt(),
                null);
    }

    String sendReview(ReviewReceivedV1 r, String... reasons) {
        String ceId = UUID.randomUUID().toString();
        sendReviewAs(ceId, r, reasons);
        return ceId;
    }

    void sendReviewAs(String ceId, ReviewReceivedV1 r, String... reasons) {
        KafkaTopics.publish(
                config.reviewsTopic(), REVIEW_SOURCE, r.orderId(), json(r, reasons), ceId, ReviewReceivedV1.TYPE);
    }

    void sendRevision(ReviewReceivedV1 r) {
        KafkaTopics.publish(
                config.reviewsTopic(),
                REVIEW_SOURCE,
                r.orderId(),
                TestData.revisionJson(r, Rating.GOOD, false, TestClock.now()),
                UUID.randomUUID().toString(),
                "review.revised.v1");
    }

    /** compensation-service's event, granted within the requester's authority (decidedBy null). */
    void sendCompensation(
            String type,
            String ceId,
            String shop,
            String order,
            String ticketId,
            String agentId,
            String compType,
            long fen) {
        String status = type.endsWith("approved.v1") ? "APPROVED" : "PENDING";
        String data = """
                {"compensationId":"%s","shopId":"%s","orderId":"%s","ticketId":"%s","agentId":"%s",
                 "agentTier":"REVIEW_RECOVERY","type":"%s","amountFen":%d,"currency":"CNY","status":"%s",
                 "reason":"QUALITY_DAMAGE","decidedBy":null,"comment":null,"requiredLevel":null,"withinAuthority":true,
                 "payoutId":null,"occurredAt":"%s"}""".formatted(
                        UUID.nameUUIDFromBytes(ceId.getBytes()),
                        shop,
                        order,
                        ticketId,
                        agentId,
                        compType,
                        fen,
                        status,
                        TestClock.now());
        KafkaTopics.publish(compensations.topic(), "/winback/compensation-service", order, data, ceId, type);
    }

    static String ticketOf(String shop, String order) {
        return await().atMost(WAIT)
                .until(
                        () -> TestData.asSupervisor(shop)
                                .queryParam("orderId", order)
                                .get("/api/v1/tickets")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
    }

    static void awaitAssigned(String shop, String ticket) {
        await().atMost(WAIT)
                .until(() -> "ASSIGNED"
                        .equals(TestData.asSupervisor(shop)
                                .get("/api/v1/tickets/" + ticket)
                                .then()
                                .extract()
                                .path("status")));
    }

    /** From two days ago to tomorrow: whatever local day the clock under test has just entered. */
    static JsonPath economics(String shop, String by) {
        LocalDate today = TestClock.today(TestClock.SHANGHAI);
        return TestData.asSupervisor(shop)
                .queryParam("from", today.minusDays(2).toString())
                .queryParam("to", today.plusDays(1).toString())
                .queryParam("by", by)
                .get("/api/v1/recovery-economics")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    static Map<String, Object> totalOf(JsonPath report, String key) {
        List<Map<String, Object>> totals = report.getList("totals");
        return totals.stream()
                .filter(t -> key.equals(t.get("key")))
                .findFirst()
                .map(t -> (Map<String, Object>) t.get("figures"))
                .orElseThrow(() -> new AssertionError("no total for " + key));
    }

    @Test
    void oneShopsReviewsTicketsAndCompensationsShowInEveryFigureOnceEach() {
        String shop = TestData.uniqueShop();
        String stranger = TestData.uniqueShop();
        TestData.settings(shop, "{\"buyerValueFen\": 5000, \"avoidedBadReviewCostFen\": 2000}");
        String agent = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        TestData.hire(stranger, "老赵", "REVIEW_RECOVERY", 5, "ONLINE");

        // three good reviews of SKU-A, a neutral one of SKU-A (size), a bad one of SKU-B (quality and price)
        String goodCe = null;
        for (int i = 0; i < 3; i++) {
            goodCe = sendReview(review(shop, Rating.GOOD, "SKU-A"));
        }
        ReviewReceivedV1 neutral = review(shop, Rating.NEUTRAL, "SKU-A");
        ReviewReceivedV1 bad = review(shop, Rating.BAD, "SKU-B");
        sendReview(neutral, "SIZE_FIT");
        String badCe = sendReview(bad, "QUALITY_DAMAGE", "PRICE");
        // redelivered: the same ce_id again, a good one and a bad one
        ReviewReceivedV1 redeliveredGood = review(shop, Rating.GOOD, "SKU-A");
        String redeliveredCe = sendReview(redeliveredGood);
        sendReviewAs(redeliveredCe, redeliveredGood);
        sendReviewAs(badCe, bad, "QUALITY_DAMAGE", "PRICE");
        // another shop's reviews and ticket on the same days
        sendReview(review(stranger, Rating.GOOD, "SKU-A"));
        ReviewReceivedV1 strangers = review(stranger, Rating.BAD, "SKU-A");
        sendReview(strangers, "QUALITY_DAMAGE");
        assertThat(goodCe).isNotNull();

        String neutralTicket = ticketOf(shop, neutral.orderId());
        String badTicket = ticketOf(shop, bad.orderId());
        awaitAssigned(shop, neutralTicket);
        awaitAssigned(shop, badTicket);
        TestData.asAgent(shop, agent)
                .contentType("application/json")
                .body("{\"channel\": \"IM\", \"outcome\": \"REACHED\"}")
                .post("/api/v1/tickets/" + neutralTicket + "/contacts")
                .then()
                .statusCode(201);

        // compensations: a coupon on the neutral ticket, a partial refund on the bad one; a request is not money paid
        String couponCe = UUID.randomUUID().toString();
        sendCompensation(
                "compensation.requested.v1",
                UUID.randomUUID().toString(),
                shop,
                neutral.orderId(),
                neutralTicket,
                agent,
                "COUPON",
                1000);
        sendCompensation(
                "compensation.approved.v1", couponCe, shop, neutral.orderId(), neutralTicket, agent, "COUPON", 1000);
        sendCompensation(
                "compensation.approved.v1", couponCe, shop, neutral.orderId(), neutralTicket, agent, "COUPON", 1000);
        sendCompensation(
                "compensation.approved.v1",
                UUID.randomUUID().toString(),
                shop,
                bad.orderId(),
                badTicket,
                agent,
                "PARTIAL_REFUND",
                700);

        // the neutral buyer revises: RECOVERED; the bad one is let go
        sendRevision(neutral);
        await().atMost(WAIT)
                .until(() -> "RECOVERED"
                        .equals(TestData.asSupervisor(shop)
                                .get("/api/v1/tickets/" + neutralTicket)
                                .then()
                                .extract()
                                .path("outcome")));
        TestData.asAgent(shop, agent)
                .contentType("application/json")
                .body("{\"outcome\": \"UNRECOVERED\", \"reason\": \"坚持差评\"}")
                .post("/api/v1/tickets/" + badTicket + "/resolution")
                .then()
                .statusCode(200);

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> total = economics(shop, "shop").getMap("total");
            assertThat(total).containsEntry("reviewsReceived", 6).containsEntry("compensationPaidFen", 1700);
        });
        JsonPath byShop = economics(shop, "shop");
        Map<String, Object> total = byShop.getMap("total");
        assertThat(total)
                .containsEntry("reviewsReceived", 6)
                .containsEntry("goodReviews", 4)
                .containsEntry("neutralReviews", 1)
                .containsEntry("badReviews", 1)
                .containsEntry("positiveRate", 0.6667f)
                .containsEntry("ticketsOpened", 2)
                .containsEntry("stillOpen", 0)
                .containsEntry("recovered", 1)
                .containsEntry("recoveredNeutral", 1)
                .containsEntry("recoveredBad", 0)
                .containsEntry("unrecovered", 1)
                .containsEntry("compensationPaidFen", 1700)
                .containsEntry("compensationPaidFenByType", Map.of("COUPON", 1000, "PARTIAL_REFUND", 700))
                .containsEntry("incentiveFen", 300)
                .containsEntry("costPerRecoveryFen", 1700)
                .containsEntry("valueRecoveredFen", 7000);
        assertThat(byShop.getInt("total.toAssignment.count")).isEqualTo(2);
        assertThat(byShop.getInt("total.toFirstContact.count")).isEqualTo(1);
        assertThat(byShop.getInt("total.toResolution.count")).isEqualTo(2);
        assertThat(byShop.getLong("total.toAssignment.p90Seconds")).isLessThan(60);
        assertThat(byShop.getMap("rates"))
                .containsEntry("buyerValueFen", 5000)
                .containsEntry("avoidedBadReviewCostFen", 2000)
                .containsEntry("incentiveNeutralFen", 300)
                .containsEntry("incentiveBadFen", 500);
        // every day of the period has a row, and the rows add up to the total
        List<Map<String, Object>> days = byShop.getList("rows");
        assertThat(days).hasSize(4);
        assertThat(days.stream()
                        .mapToInt(d -> (Integer) ((Map<String, Object>) d.get("figures")).get("reviewsReceived"))
                        .sum())
                .isEqualTo(6);
        // the reviews are on the local day the buyers wrote them
        String writtenOn =
                neutral.createdAt().atZone(TestClock.SHANGHAI).toLocalDate().toString();
        assertThat(days.stream()
                        .filter(d -> writtenOn.equals(d.get("day")))
                        .findFirst()
                        .orElseThrow())
                .extracting(d -> ((Map<String, Object>) d.get("figures")).get("reviewsReceived"))
                .isEqualTo(6);

        JsonPath byProduct = economics(shop, "product");
        assertThat(totalOf(byProduct, "SKU-A"))
                .containsEntry("reviewsReceived", 5)
                .containsEntry("goodReviews", 4)
                .containsEntry("ticketsOpened", 1)
                .containsEntry("recovered", 1)
                .containsEntry("unrecovered", 0)
                .containsEntry("compensationPaidFen", 1000)
                .containsEntry("costPerRecoveryFen", 1000);
        assertThat(totalOf(byProduct, "SKU-B"))
                .containsEntry("reviewsReceived", 1)
                .containsEntry("badReviews", 1)
                .containsEntry("ticketsOpened", 1)
                .containsEntry("recovered", 0)
                .containsEntry("unrecovered", 1)
                .containsEntry("compensationPaidFen", 700)
                .containsEntry("costPerRecoveryFen", null);

        JsonPath byReason = economics(shop, "reason");
        assertThat(byReason.getList("totals.key")).containsExactly("PRICE", "QUALITY_DAMAGE", "SIZE_FIT");
        assertThat(totalOf(byReason, "SIZE_FIT"))
                .containsEntry("neutralReviews", 1)
                .containsEntry("goodReviews", 0)
                .containsEntry("recovered", 1)
                .containsEntry("compensationPaidFen", 1000);
        for (String reason : List.of("QUALITY_DAMAGE", "PRICE")) {
            assertThat(totalOf(byReason, reason))
                    .containsEntry("badReviews", 1)
                    .containsEntry("unrecovered", 1)
                    .containsEntry("compensationPaidFen", 700);
        }

        JsonPath byAgent = economics(shop, "agent");
        assertThat(byAgent.getList("totals.key")).containsExactly(agent);
        assertThat(byAgent.getList("totals.name")).containsExactly("小王");
        assertThat(totalOf(byAgent, agent))
                .containsEntry("reviewsReceived", 0)
                .containsEntry("recovered", 1)
                .containsEntry("unrecovered", 1)
                .containsEntry("incentiveFen", 300)
                .containsEntry("compensationPaidFen", 1700);
        assertThat(byAgent.getInt("totals[0].figures.toAssignment.count")).isEqualTo(2);
        assertThat(byAgent.getInt("totals[0].figures.toFirstContact.count")).isEqualTo(1);

        // the stranger's shop sees only its own
        JsonPath strangersView = economics(stranger, "shop");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(economics(stranger, "shop").getMap("total"))
                        .containsEntry("reviewsReceived", 2)
                        .containsEntry("ticketsOpened", 1));
        assertThat(strangersView.getString("shopId")).isEqualTo(stranger);
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerDayAndMember() {
        String shop = TestData.uniqueShop();
        ReviewReceivedV1 good = review(shop, Rating.GOOD, "SKU-,CSV");
        sendReview(good);
        sendReview(review(shop, Rating.GOOD, "=SKU-2"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(economics(shop, "shop").getInt("total.reviewsReceived"))
                        .isEqualTo(2));
        String day = good.createdAt().atZone(TestClock.SHANGHAI).toLocalDate().toString();

        String csv = TestData.asSupervisor(shop)
                .accept("text/csv")
                .queryParam("from", day)
                .queryParam("to", day)
                .queryParam("by", "product")
                .get("/api/v1/recovery-economics")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header)
                .startsWith("day", "by", "key", "name", "reviewsReceived", "goodReviews")
                .contains("compensationPaidFen_COUPON", "valueRecoveredFen", "p90SecondsToResolution");
        // quoted where the SKU has a comma, defused where it starts like a formula
        // rows by key ("=" sorts before "S")
        assertThat(lines.get(1)).startsWith(day + ",product,'=SKU-2,,1,1,");
        assertThat(lines.get(2)).startsWith(day + ",product,\"SKU-,CSV\",,1,1,0,0,1.0000,");

        String shopCsv = TestData.asSupervisor(shop)
                .queryParam("format", "csv")
                .queryParam("from", day)
                .queryParam("to", day)
                .get("/api/v1/recovery-economics")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertThat(shopCsv.lines().toList())
                .hasSize(2)
                .element(1)
                .asString()
                .startsWith(day + ",shop,,,2,2,0,0,1.0000,0,0,0");
    }

    @Test
    void supervisorsManagersAndReportingJobsMayReadItAgentsMayNot() {
        String shop = TestData.uniqueShop();
        for (String token :
                List.of(TestTokens.supervisor(shop), TestTokens.manager(shop), TestTokens.reporting(shop))) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/recovery-economics")
                    .then()
                    .statusCode(200)
                    .body("shopId", equalTo(shop))
                    .body("rows.size()", equalTo(7));
        }
        given().auth()
                .oauth2(TestTokens.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY"))
                .get("/api/v1/recovery-economics")
                .then()
                .statusCode(403);
        given().get("/api/v1/recovery-economics").then().statusCode(401);
    }

    @Test
    void badParametersAre400NamingTheParameterLikeTheOtherStatistics() {
        String shop = TestData.uniqueShop();
        String today = TestClock.today(TestClock.SHANGHAI).toString();
        Map<String, Map<String, String>> cases = Map.of(
                "by", Map.of("by", "customer"),
                "format", Map.of("format", "xml"),
                "from", Map.of("from", "not-a-day", "to", today),
                "to", Map.of("from", today));
        cases.forEach((field, params) -> TestData.asSupervisor(shop)
                .queryParams(params)
                .get("/api/v1/recovery-economics")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field)));
    }

    @Test
    void aCompensationCountsForTheAgentWhoOfferedItNotTheApproverAndWithoutATicketForNoProduct() {
        String shop = TestData.uniqueShop();
        String order = "O-" + UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        // requested by supervisor sup-wang, beyond their authority, approved by manager-li: sup-wang's money
        String data = """
                {"compensationId":"%s","shopId":"%s","orderId":"%s","ticketId":null,"agentId":"sup-wang",
                 "agentTier":"SUPERVISOR","type":"FREE_RESEND","amountFen":2500,"currency":"CNY","status":"APPROVED",
                 "reason":"MISSING_ITEM","decidedBy":"manager-li","comment":null,"requiredLevel":null,"withinAuthority":false,
                 "payoutId":null,"occurredAt":"%s"}""".formatted(UUID.randomUUID(), shop, order, Instant.now(TestClock.clock()));
        KafkaTopics.publish(
                compensations.topic(), "/winback/compensation-service", order, data, ceId, "compensation.approved.v1");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(economics(shop, "shop").getInt("total.compensationPaidFen"))
                        .isEqualTo(2500));
        JsonPath byAgent = economics(shop, "agent");
        assertThat(byAgent.getList("totals.key")).containsExactly("sup-wang");
        assertThat(totalOf(byAgent, "sup-wang"))
                .containsEntry("compensationPaidFen", 2500)
                .containsEntry("compensationPaidFenByType", Map.of("FREE_RESEND", 2500));
        assertThat(economics(shop, "product").getList("totals")).isEmpty();
        assertThat(economics(shop, "shop").getMap("total"))
                .containsEntry("recovered", 0)
                .containsEntry("costPerRecoveryFen", null);
    }

    @Test
    void aTicketResolvedUnrecoveredAndRevisedLaterMovesToRecoveredOnceEvenWhenRevisedAgain() {
        String shop = TestData.uniqueShop();
        String agent = TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 bad = review(shop, Rating.BAD, "SKU-LATE");
        sendReview(bad, "SIZE_FIT");
        String ticket = ticketOf(shop, bad.orderId());
        awaitAssigned(shop, ticket);
        sendCompensation(
                "compensation.approved.v1",
                UUID.randomUUID().toString(),
                shop,
                bad.orderId(),
                ticket,
                agent,
                "COUPON",
                800);
        TestData.asAgent(shop, agent)
                .contentType("application/json")
                .body("{\"outcome\": \"UNRECOVERED\", \"reason\": \"买家暂不回复\"}")
                .post("/api/v1/tickets/" + ticket + "/resolution")
                .then()
                .statusCode(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(economics(shop, "shop").getMap("total"))
                        .containsEntry("unrecovered", 1)
                        .containsEntry("compensationPaidFen", 800));

        // the buyer revises after all: RECOVERED, published again with the same resolvedAt
        sendRevision(bad);
        await().atMost(WAIT)
                .until(() -> "RECOVERED"
                        .equals(TestData.asSupervisor(shop)
                                .get("/api/v1/tickets/" + ticket)
                                .then()
                                .extract()
                                .path("outcome")));
        // and once more, later (a new revision event, not a redelivery): the ticket has ended already
        Instant again = TestClock.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        KafkaTopics.publish(
                config.reviewsTopic(),
                REVIEW_SOURCE,
                bad.orderId(),
                TestData.revisionJson(bad, Rating.GOOD, false, again),
                UUID.randomUUID().toString(),
                "review.revised.v1");
        await().atMost(WAIT)
                .until(() -> again.toString()
                        .equals(TestData.asSupervisor(shop)
                                .get("/api/v1/tickets/" + ticket)
                                .then()
                                .extract()
                                .path("reviews[0].revisedAt")));

        // moved from unrecovered to recovered on the resolution day, once, and everything derived follows
        JsonPath byShop = economics(shop, "shop");
        assertThat(byShop.getMap("total"))
                .containsEntry("ticketsOpened", 1)
                .containsEntry("stillOpen", 0)
                .containsEntry("recovered", 1)
                .containsEntry("recoveredBad", 1)
                .containsEntry("recoveredNeutral", 0)
                .containsEntry("unrecovered", 0)
                .containsEntry("incentiveFen", 500)
                .containsEntry("valueRecoveredFen", 3000)
                .containsEntry("costPerRecoveryFen", 800);
        assertThat(byShop.getInt("total.toResolution.count"))
                .as("resolved once")
                .isEqualTo(1);
        List<Map<String, Object>> rows = byShop.getList("rows");
        assertThat(rows.stream()
                        .map(r -> (Map<String, Object>) r.get("figures"))
                        .filter(f -> !Integer.valueOf(0).equals(f.get("recovered"))
                                || !Integer.valueOf(0).equals(f.get("unrecovered"))))
                .singleElement()
                .satisfies(f -> assertThat(f).containsEntry("recovered", 1).containsEntry("unrecovered", 0));
        for (Map<String, Object> member : List.of(
                totalOf(economics(shop, "agent"), agent),
                totalOf(economics(shop, "product"), "SKU-LATE"),
                totalOf(economics(shop, "reason"), "SIZE_FIT"))) {
            assertThat(member)
                    .containsEntry("recoveredBad", 1)
                    .containsEntry("unrecovered", 0)
                    .containsEntry("incentiveFen", 500)
                    .containsEntry("valueRecoveredFen", 3000)
                    .containsEntry("compensationPaidFen", 800)
                    .containsEntry("costPerRecoveryFen", 800);
        }
    }

    /** logistics-service's claim against the courier, as it puts it on the wire. */
    void sendClaim(
            String ceId, UUID claimId, String shop, String order, String status, Long settledFen, Instant decidedAt) {
        String data = """
                {"claimId":"%s","weightCheckId":"%s","shopId":"%s","orderId":"%s","courier":"STO","trackingNumber":"773012345678",
                 "amountFen":2990,"currency":"CNY","verdict":"LOST_IN_TRANSIT","status":"%s","settledAmountFen":%s,
                 "evidence":["the parcel lost 100 g in transit"],"claimedAt":"%s","decidedAt":%s,"decisionReason":null}""".formatted(
                        claimId,
                        UUID.randomUUID(),
                        shop,
                        order,
                        status,
                        settledFen,
                        TestClock.minutesAgo(5),
                        decidedAt == null ? "null" : "\"" + decidedAt + "\"");
        KafkaTopics.publish(
                logistics.topic(), "/winback/logistics-service", order, data, ceId, LostParcelClaimedV1.TYPE);
    }

    @Test
    void courierClaimsCountAsFiledAndAsClaimedBackOncePerClaim() {
        String shop = TestData.uniqueShop();
        TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        ReviewReceivedV1 bad = review(shop, Rating.BAD, "SKU-SOCK");
        sendReview(bad, "MISSING_ITEM");
        ticketOf(shop, bad.orderId());
        UUID claim = UUID.randomUUID();
        String filedCe = UUID.randomUUID().toString();
        sendClaim(filedCe, claim, shop, bad.orderId(), "OPEN", null, null);
        sendClaim(filedCe, claim, shop, bad.orderId(), "OPEN", null, null); // redelivered
        // a scan on the same topic is read past
        KafkaTopics.publish(
                logistics.topic(),
                "/winback/logistics-service",
                bad.orderId(),
                "{}",
                UUID.randomUUID().toString(),
                "parcel.scanned.v1");
        Instant settled = TestClock.now();
        sendClaim(UUID.randomUUID().toString(), claim, shop, bad.orderId(), "SETTLED", 2500L, settled);
        // the settlement again under another event id (a producer retry): the claim row has it already
        sendClaim(UUID.randomUUID().toString(), claim, shop, bad.orderId(), "SETTLED", 2500L, settled);

        // another claim of the order behind them (same key, same partition): once it counts, the copies were handled
        sendClaim(UUID.randomUUID().toString(), UUID.randomUUID(), shop, bad.orderId(), "OPEN", null, null);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(economics(shop, "shop").getMap("total"))
                        .containsEntry("courierClaimedFen", 2 * 2990));
        assertThat(economics(shop, "shop").getMap("total")).containsEntry("courierSettledFen", 2500);
        assertThat(totalOf(economics(shop, "product"), "SKU-SOCK"))
                .containsEntry("courierClaimedFen", 2 * 2990)
                .containsEntry("courierSettledFen", 2500);
        assertThat(totalOf(economics(shop, "reason"), "MISSING_ITEM")).containsEntry("courierSettledFen", 2500);
        assertThat(economics(shop, "shop").getMap("total"))
                .containsEntry("compensationPaidFen", 0)
                .as("what the courier pays is not the shop's cost")
                .containsEntry("costPerRecoveryFen", null);
    }

    @Test
    void ourCopyOfTheClaimMatchesLogisticsServicesSchema() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(
                java.nio.file.Path.of("../logistics-service/src/main/resources/META-INF/resources/asyncapi.yaml"));
        assertThat(ConsumerContract.mismatches(producer, LostParcelClaimedV1.TYPE, LostParcelClaimedV1.class))
                .isEmpty();
    }

    @Test
    void aTicketOpenedBeforeTheCountersIsCountedWhenResolvedButNeverAsStillOpen() {
        String shop = TestData.uniqueShop();
        // as V1–V12 left it: no complaint reasons, nothing counted when it opened
        UUID old = new PerformanceTests.Seed(dataSource)
                .ticket(shop, null, "BAD", TestClock.hoursAgo(3).toString(), null, null, null, null, 0);
        TestData.close(shop, old);
        JsonPath report = economics(shop, "shop");
        assertThat(report.getMap("total"))
                .containsEntry("unrecovered", 1)
                .containsEntry("ticketsOpened", 0)
                .containsEntry("stillOpen", 0);
        assertThat(report.getInt("total.toResolution.count")).isEqualTo(1);
    }
}
