package shop.winback.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/**
 * The reporting example (deploy/reporting-example), run by its one command on the real topics of the four packaged
 * services, computes from the public events alone the figures of what the services did: a few dozen orders'
 * reviews (good, neutral, bad), the tickets the neutral and bad ones opened, compensations granted, tickets recovered
 * by the buyer's revision, explained, unrecovered, and unrecovered then revised after all.
 * Then, for a few hundred reviews, every figure the job gives equals ticket-service's recovery economics
 * ({@link SharedFigures}), for each local day and the period, for the shop and by agent, product and reason.
 */
class ReportingJobIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai"); // the job's default zone
    private static final int ORDERS = 36;
    private static final List<String> SKUS = List.of("SKU-TS-WHITE-L", "SKU-JEANS-32", "SKU-SOCK-3P");

    private final String shop = Api.uniqueShop();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    /** What the test did, counted as the definitions count it (per local day only for reviews: their createdAt). */
    private final Map<LocalDate, Long> reviewsByDay = new TreeMap<>();

    private final Map<String, Long> expected = new HashMap<>();
    private final Map<String, Long> recoveredByAgent = new HashMap<>();

    /** One stack and one job for both tests (each test has a shop of its own). */
    private static Stack stack;

    private static ReportingJob job;

    @BeforeAll
    static void startStackAndJob() throws Exception {
        stack = Stack.startAll();
        job = ReportingJob.start(stack);
    }

    @AfterAll
    static void stopStackAndJob() {
        if (job != null) {
            job.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theJobsFiguresAreWhatTheServicesDid() {
        drive(stack);

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<LocalDate, JsonNode> days = jobFigures(job);
            for (String figure : expected.keySet()) {
                assertThat(ReportingJob.sum(days, "total." + figure)).as(figure).isEqualTo(expected.get(figure));
            }
            Map<LocalDate, Long> reviews = new TreeMap<>();
            days.forEach((day, report) -> {
                long received = report.path("total").path("reviewsReceived").asLong();
                if (received > 0) {
                    reviews.put(day, received);
                }
            });
            assertThat(reviews)
                    .as("reviews by the shop's local day of createdAt")
                    .isEqualTo(reviewsByDay);
            for (Map.Entry<String, Long> agent : recoveredByAgent.entrySet()) {
                assertThat(ReportingJob.sum(days, "byAgent." + agent.getKey() + ".recovered"))
                        .as("recovered by agent " + agent.getKey())
                        .isEqualTo(agent.getValue());
            }
        });
        SortedMap<LocalDate, JsonNode> days = jobFigures(job);
        long recovered = expected.get("recovered");
        long paid = expected.get("compensationPaidFen");
        assertThat(ReportingJob.sum(days, "total.incentiveFen"))
                .isEqualTo(300 * expected.get("recoveredNeutral") + 500 * expected.get("recoveredBad"));
        assertThat(ReportingJob.sum(days, "total.valueRecoveredFen")).isEqualTo(recovered * 3000);
        for (String sku : SKUS) {
            assertThat(ReportingJob.sum(days, "byProduct." + sku + ".reviewsReceived"))
                    .as(sku)
                    .isEqualTo(ORDERS / SKUS.size());
        }
        // what ticket-service already serves agrees: recoveries per local day, each agent's incentive
        JsonPath byDay = ticketStats(stack, "/api/v1/recoveries-by-day", days.firstKey(), days.lastKey());
        for (Map<String, Object> row : byDay.<Map<String, Object>>getList("days")) {
            JsonNode jobDay = days.get(LocalDate.parse((String) row.get("day")));
            long jobRecovered =
                    jobDay == null ? 0 : jobDay.path("total").path("recovered").asLong();
            assertThat(jobRecovered)
                    .as("recovered on " + row.get("day") + ": the job and ticket-service")
                    .isEqualTo(((Number) row.get("recoveredTickets")).longValue());
        }
        JsonPath incentives = ticketStats(stack, "/api/v1/incentives", days.firstKey(), days.lastKey());
        for (Map<String, Object> row : incentives.<Map<String, Object>>getList("rows")) {
            String agent = (String) row.get("agentId");
            assertThat(ReportingJob.sum(days, "byAgent." + agent + ".incentiveFen"))
                    .as("incentive of " + agent)
                    .isEqualTo(((Number) row.get("incentiveFen")).longValue());
        }
        System.out.printf(
                "REPORTING-JOB shop=%s days=%s recovered=%d paid=%d fen%n", shop, days.keySet(), recovered, paid);
    }

    /**
     * A few hundred reviews (two thirds good), the hundred tickets they open worked every way, and then every figure
     * both the job and ticket-service give is the same in both, for each local day and the period: for the shop and
     * by agent, product and complaint reason. Among them the two rules where they once differed: a compensation a
     * supervisor approved counts for the agent who offered it, and a ticket resolved unrecovered that the buyer
     * revised later (even twice) counts once, as recovered.
     */
    @Test
    void theJobsFiguresEqualTicketServicesForAFewHundredReviews() {
        List<Ticket> tickets = driveMany(300);
        List<Ticket> revisedTwice = new ArrayList<>();
        int approvedBySupervisor = 0;
        for (int j = 0; j < tickets.size(); j++) {
            Ticket t = tickets.get(j);
            switch (j % 10) {
                case 0, 1 -> {
                    compensate(stack, t);
                    reviseLater(t, TestClock.now());
                }
                case 2 -> {
                    approvedBySupervisor += compensateAboveAuthority(t) ? 1 : 0;
                    reviseLater(t, TestClock.now());
                }
                case 3 -> reviseLater(t, TestClock.now());
                case 4 -> resolve(stack.ticketUrl(0), t, "EXPLAINED", null);
                case 5 -> resolve(stack.ticketUrl(0), t, "UNRECOVERED", "买家坚持差评");
                case 6 -> {
                    resolve(stack.ticketUrl(0), t, "UNRECOVERED", "买家暂不回复");
                    reviseLater(t, TestClock.now());
                }
                case 7 -> {
                    resolve(stack.ticketUrl(0), t, "EXPLAINED", null);
                    // revised, then revised again: a second RECOVERED moves nothing
                    reviseLater(t, TestClock.now().minusSeconds(60));
                    reviseLater(t, TestClock.now());
                    revisedTwice.add(t);
                }
                case 8 -> compensateAboveAuthority(t); // left open
                default -> resolve(stack.ticketUrl(0), t, "CANCELLED", null);
            }
            switch (j % 10) {
                case 0, 1, 2, 3, 6, 7 -> count(t.rating().equals("BAD") ? "recoveredBad" : "recoveredNeutral", 1);
                case 4, 5, 9 -> count("unrecovered", 1);
                default -> {}
            }
        }
        assertThat(approvedBySupervisor)
                .as("compensations a supervisor or manager approved")
                .isPositive();
        // ticket-service has seen each second revision (the same order's events arrive in order)
        for (Ticket t : revisedTwice) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                JsonPath seen = ticket(t);
                String revisedAt = seen.getString("reviews[0].revisedAt");
                return "RECOVERED".equals(seen.getString("outcome"))
                        && revisedAt != null
                        && Instant.parse(revisedAt).equals(lastRevision.get(t.ticketId()));
            });
        }

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode shopReport = economics("shop");
            SortedMap<LocalDate, JsonNode> days = jobFigures(job);
            for (Map.Entry<String, Long> figure : expected.entrySet()) {
                assertThat(shopReport.path("total").path(figure.getKey()).asLong())
                        .as("ticket-service: " + figure.getKey())
                        .isEqualTo(figure.getValue());
            }
            assertThat(SharedFigures.rowsOfJob(days, "total"))
                    .as("by shop and day: the job and ticket-service")
                    .hasSizeGreaterThan(1)
                    .isEqualTo(SharedFigures.rowsOfTicketService(shopReport));
            assertThat(SharedFigures.figuresOfJob(sumOfDays(days)))
                    .as("the period: the job and ticket-service")
                    .isEqualTo(SharedFigures.figuresOfTicketService(shopReport.path("total")));
            for (String by : List.of("agent", "product", "reason")) {
                String part = "by" + Character.toUpperCase(by.charAt(0)) + by.substring(1);
                assertThat(SharedFigures.rowsOfJob(days, part))
                        .as(by + " and day: the job and ticket-service")
                        .hasSizeGreaterThanOrEqualTo(3)
                        .isEqualTo(SharedFigures.rowsOfTicketService(economics(by)));
            }
        });
        System.out.printf(
                "REPORTING-JOB compared shop=%s tickets=%d supervisor-approved=%d expected=%s%n",
                shop, tickets.size(), approvedBySupervisor, expected);
    }

    /** The buyer's last revision of each ticket's review, as sent. */
    private final Map<String, Instant> lastRevision = new HashMap<>();

    /**
     * {@code reviews} orders, one review each: every third neutral or bad (alternately), the others good, written
     * minutes apart over a day and more (several local days), three products, three kinds of complaint; returns the
     * tickets once assigned, in order.
     */
    private List<Ticket> driveMany(int reviews) {
        String ticketUrl = stack.ticketUrl(0);
        for (int a = 0; a < 4; a++) {
            Api.hire(ticketUrl, shop, "对账" + a + "-" + run, "REVIEW_RECOVERY", 30, "ONLINE");
        }
        List<String> complaints = List.of("衣服有破洞，质量太差了", "尺码偏小，穿着有点紧", "快递太慢了，等了一个星期");
        Map<String, String[]> reviewsOfTickets = new HashMap<>();
        for (int i = 0; i < reviews; i++) {
            String rating = i % 3 != 0 ? "GOOD" : i % 2 == 0 ? "NEUTRAL" : "BAD";
            String order = "RJC-O-" + run + "-" + i;
            String platformReviewId = "RJC-R-" + run + "-" + i;
            String createdAt = Api.writtenAtPlus(Duration.ofMinutes(5L * i - 24 * 60));
            String body = review(order, platformReviewId, rating, SKUS.get(i / 3 % SKUS.size()), createdAt);
            if (!rating.equals("GOOD")) {
                body = body.replace("衣服有破洞，质量太差了", complaints.get(i / 6 % complaints.size()))
                        .replace("尺码偏小，穿着有点紧", complaints.get(i / 6 % complaints.size()));
                reviewsOfTickets.put(order, new String[] {platformReviewId, rating});
                count("ticketsOpened", 1);
            }
            Api.postReview(stack.reviewUrl(), shop, body)
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201);
            count("reviewsReceived", 1);
            count(rating.toLowerCase() + "Reviews", 1);
        }
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> assigned(ticketUrl, reviewsOfTickets), list -> list.size() == reviewsOfTickets.size());
    }

    /**
     * The agent asks for more than their authority (a partial refund of 50 元): it waits for a supervisor, who approves
     * it (or the manager, when it waits for one); the event's agentId is still the agent, its decidedBy the approver.
     * True when someone other than the agent approved it.
     */
    private boolean compensateAboveAuthority(Ticket t) {
        String agent = TestTokens.agent(shop, UUID.fromString(t.agentId()), "REVIEW_RECOVERY");
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> given().baseUri(stack.compensationUrl())
                                .auth()
                                .oauth2(agent)
                                .contentType(ContentType.JSON)
                                .body("{\"orderId\": \"%s\", \"ticketId\": \"%s\"}"
                                        .formatted(t.orderId(), t.ticketId()))
                                .when()
                                .post("/api/v1/quotes")
                                .then()
                                .extract(),
                        r -> r.statusCode() == 200 && "reviews.v1".equals(r.path("orderFacts.source")));
        JsonPath requested = given().baseUri(stack.compensationUrl())
                .auth()
                .oauth2(agent)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "reporting-above-" + t.orderId())
                .body("""
                        {"orderId": "%s", "ticketId": "%s", "type": "PARTIAL_REFUND", "amountFen": 5000,
                         "reason": "QUALITY_DAMAGE", "note": "买家要求部分退款"}""".formatted(t.orderId(), t.ticketId()))
                .when()
                .post("/api/v1/compensations")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .jsonPath();
        boolean pending = "PENDING".equals(requested.getString("status"));
        String approver = "MANAGER".equals(requested.getString("requiredLevel"))
                ? TestTokens.manager(shop)
                : TestTokens.supervisor(shop);
        JsonPath approved = !pending
                ? requested
                : given().baseUri(stack.compensationUrl())
                        .auth()
                        .oauth2(approver)
                        .contentType(ContentType.JSON)
                        .body("{\"comment\": \"质量问题属实\"}")
                        .when()
                        .post("/api/v1/compensations/" + requested.getString("id") + "/approval")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        if ("APPROVED".equals(approved.getString("status"))) {
            count("compensationPaidFen", approved.getLong("amountFen"));
        }
        return pending;
    }

    /** The buyer revises the review to good; ticket-service and the job see it in their own time. */
    private void reviseLater(Ticket t, Instant at) {
        Api.revise(stack.reviewUrl(), shop, t.platformReviewId(), "GOOD", "客服很耐心，处理得很快，满意", TestClock.china(at))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
        lastRevision.put(t.ticketId(), at.truncatedTo(ChronoUnit.SECONDS)); // as the order system writes it
    }

    private JsonPath ticket(Ticket t) {
        return given().baseUri(stack.ticketUrl(0))
                .auth()
                .oauth2(TestTokens.supervisor(shop))
                .when()
                .get("/api/v1/tickets/" + t.ticketId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** ticket-service's recovery economics of this shop, from four days back (the oldest review) to tomorrow. */
    private JsonNode economics(String by) throws Exception {
        LocalDate today = TestClock.today(SHOP_ZONE);
        String body = given().baseUri(stack.ticketUrl(0))
                .auth()
                .oauth2(TestTokens.reporting(shop))
                .queryParam("from", today.minusDays(4).toString())
                .queryParam("to", today.plusDays(1).toString())
                .queryParam("by", by)
                .queryParam("format", "json")
                .when()
                .get("/api/v1/recovery-economics")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .asString();
        return JSON.readTree(body);
    }

    /** The job's day totals added up (counts and money by type; the derived figures again from those). */
    private static JsonNode sumOfDays(Map<LocalDate, JsonNode> days) {
        ObjectNode sum = JSON.createObjectNode();
        ObjectNode byType = sum.putObject("compensationPaidFenByType");
        for (JsonNode day : days.values()) {
            day.path("total").fields().forEachRemaining(e -> {
                if (e.getValue().isIntegralNumber() && !e.getKey().equals("costPerRecoveryFen")) {
                    sum.put(
                            e.getKey(),
                            sum.path(e.getKey()).asLong() + e.getValue().asLong());
                }
            });
            day.path("total")
                    .path("compensationPaidFenByType")
                    .fields()
                    .forEachRemaining(e -> byType.put(
                            e.getKey(),
                            byType.path(e.getKey()).asLong() + e.getValue().asLong()));
        }
        long received = sum.path("reviewsReceived").asLong();
        long recovered = sum.path("recovered").asLong();
        if (received == 0) {
            sum.putNull("positiveRate");
        } else {
            sum.put(
                    "positiveRate",
                    BigDecimal.valueOf(sum.path("good").asLong())
                            .divide(BigDecimal.valueOf(received), 4, RoundingMode.HALF_UP));
        }
        if (recovered == 0) {
            sum.putNull("costPerRecoveryFen");
        } else {
            sum.put(
                    "costPerRecoveryFen",
                    BigDecimal.valueOf(sum.path("compensationPaidFen").asLong())
                            .divide(BigDecimal.valueOf(recovered), 0, RoundingMode.HALF_UP)
                            .longValueExact());
        }
        return sum;
    }

    /** The job's figures of this test's shop per local day (a JSON report each, as on reporting.daily-figures.v1). */
    SortedMap<LocalDate, JsonNode> jobFigures(ReportingJob job) {
        return job.figures(shop);
    }

    private JsonPath ticketStats(Stack stack, String path, LocalDate from, LocalDate to) {
        return given().baseUri(stack.ticketUrl(0))
                .auth()
                .oauth2(TestTokens.reporting(shop))
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .when()
                .get(path)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    // ---------------------------------------------------------------------------------------------

    private record Ticket(String orderId, String platformReviewId, String rating, String ticketId, String agentId) {}

    /**
     * {@value #ORDERS} orders, one review each (a third good, neutral, bad); then, of the 24 tickets, in turn: a
     * compensation and the buyer's revision to good; a revision only; explained; unrecovered; unrecovered and then
     * revised after all (RECOVERED, published again); a compensation only, left open.
     */
    private void drive(Stack stack) {
        String ticketUrl = stack.ticketUrl(0);
        List<String> agents = List.of(
                Api.hire(ticketUrl, shop, "挽回甲-" + run, "REVIEW_RECOVERY", 30, "ONLINE"),
                Api.hire(ticketUrl, shop, "挽回乙-" + run, "REVIEW_RECOVERY", 30, "ONLINE"));
        Map<String, String[]> reviewsOfTickets = new HashMap<>(); // order -> platform review id, rating
        for (int i = 0; i < ORDERS; i++) {
            String rating = List.of("GOOD", "NEUTRAL", "BAD").get(i % 3);
            String order = "RJ-O-" + run + "-" + i;
            String platformReviewId = "RJ-R-" + run + "-" + i;
            String createdAt = Api.writtenAtPlus(Duration.ofMinutes(7L * i));
            Api.postReview(
                            stack.reviewUrl(),
                            shop,
                            review(order, platformReviewId, rating, SKUS.get(i % SKUS.size()), createdAt))
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201);
            reviewsByDay.merge(
                    OffsetDateTime.parse(createdAt).atZoneSameInstant(SHOP_ZONE).toLocalDate(), 1L, Long::sum);
            count("reviewsReceived", 1);
            count(rating.toLowerCase(), 1);
            if (!rating.equals("GOOD")) {
                reviewsOfTickets.put(order, new String[] {platformReviewId, rating});
                count("ticketsOpened", 1);
            }
        }
        List<Ticket> tickets = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> assigned(ticketUrl, reviewsOfTickets), list -> list.size() == reviewsOfTickets.size());

        for (int j = 0; j < tickets.size(); j++) {
            Ticket t = tickets.get(j);
            switch (j % 6) {
                case 0 -> {
                    compensate(stack, t);
                    revise(stack, t);
                }
                case 1 -> revise(stack, t);
                case 2 -> resolve(ticketUrl, t, "EXPLAINED", null);
                case 3 -> resolve(ticketUrl, t, "UNRECOVERED", "买家坚持差评");
                case 4 -> {
                    resolve(ticketUrl, t, "UNRECOVERED", "买家暂不回复");
                    revise(stack, t); // published again as RECOVERED: counted once, as recovered
                }
                default -> compensate(stack, t);
            }
            switch (j % 6) {
                case 0, 1, 4 -> {
                    count("recovered", 1);
                    count("recovered" + (t.rating().equals("BAD") ? "Bad" : "Neutral"), 1);
                    recoveredByAgent.merge(t.agentId(), 1L, Long::sum);
                }
                case 2, 3 -> count("unrecovered", 1);
                default -> {}
            }
        }
        expected.putIfAbsent("compensationPaidFen", 0L);
        System.out.printf(
                "REPORTING-JOB drove %d orders, %d tickets; expecting %s%n", ORDERS, tickets.size(), expected);
    }

    private void count(String figure, long n) {
        expected.merge(figure, n, Long::sum);
    }

    private List<Ticket> assigned(String ticketUrl, Map<String, String[]> reviewsOfTickets) {
        JsonPath page = Api.tickets(ticketUrl, shop, "ASSIGNED")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Ticket> tickets = new ArrayList<>();
        for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
            String order = (String) item.get("orderId");
            String[] review = reviewsOfTickets.get(order);
            if (review != null) {
                tickets.add(
                        new Ticket(order, review[0], review[1], (String) item.get("id"), (String) item.get("agentId")));
            }
        }
        tickets.sort((a, b) -> Integer.compare(index(a.orderId()), index(b.orderId())));
        return tickets;
    }

    private static int index(String order) {
        return Integer.parseInt(order.substring(order.lastIndexOf('-') + 1));
    }

    /** The agent quotes for the buyer's complaint and grants the recommended offer; counted when approved. */
    private void compensate(Stack stack, Ticket t) {
        String agent = TestTokens.agent(shop, UUID.fromString(t.agentId()), "REVIEW_RECOVERY");
        // compensation-service knows the order from reviews.v1 and the agent from agents.v1 once they arrive
        JsonPath quote = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> given().baseUri(stack.compensationUrl())
                                .auth()
                                .oauth2(agent)
                                .contentType(ContentType.JSON)
                                .body("{\"orderId\": \"%s\", \"ticketId\": \"%s\"}"
                                        .formatted(t.orderId(), t.ticketId()))
                                .when()
                                .post("/api/v1/quotes")
                                .then()
                                .extract(),
                        r -> r.statusCode() == 200 && "reviews.v1".equals(r.path("orderFacts.source")))
                .jsonPath();
        Map<String, Object> offer = quote.getMap("recommended");
        JsonPath granted = given().baseUri(stack.compensationUrl())
                .auth()
                .oauth2(agent)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "reporting-" + t.orderId())
                .body("""
                        {"orderId": "%s", "ticketId": "%s", "type": "%s", "amountFen": %d, "reason": "QUALITY_DAMAGE",
                         "note": "为质量问题补偿买家"}""".formatted(
                        t.orderId(), t.ticketId(), offer.get("type"), ((Number) offer.get("costFen")).longValue()))
                .when()
                .post("/api/v1/compensations")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .jsonPath();
        if ("APPROVED".equals(granted.getString("status"))) {
            count("compensationPaidFen", granted.getLong("amountFen"));
        }
    }

    /** The buyer, their complaint settled, revises the review to good. */
    private void revise(Stack stack, Ticket t) {
        Api.revise(
                        stack.reviewUrl(),
                        shop,
                        t.platformReviewId(),
                        "GOOD",
                        "客服很耐心，处理得很快，满意",
                        TestClock.china(TestClock.now()))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
        // the next step on the ticket waits for ticket-service to have seen the revision
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "RECOVERED"
                        .equals(given().baseUri(stack.ticketUrl(0))
                                .auth()
                                .oauth2(TestTokens.supervisor(shop))
                                .when()
                                .get("/api/v1/tickets/" + t.ticketId())
                                .then()
                                .extract()
                                .path("outcome")));
    }

    private void resolve(String ticketUrl, Ticket t, String outcome, String reason) {
        String body = reason == null
                ? "{\"outcome\": \"%s\"}".formatted(outcome)
                : "{\"outcome\": \"%s\", \"reason\": \"%s\"}".formatted(outcome, reason);
        given().baseUri(ticketUrl)
                .auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/tickets/" + t.ticketId() + "/resolution")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
    }

    private String review(String order, String platformReviewId, String rating, String sku, String createdAt) {
        String text = switch (rating) {
            case "GOOD" -> "质量很好，很满意";
            case "NEUTRAL" -> "尺码偏小，穿着有点紧";
            default -> "衣服有破洞，质量太差了";
        };
        return """
                {"shopId": "%s", "platformReviewId": "%s", "orderId": "%s",
                 "item": {"sku": "%s", "title": "商品 %s"},
                 "buyer": {"id": "buyer-%s", "province": "辽宁", "city": "沈阳"},
                 "orderAmountFen": 12900, "distinctItems": 1, "rating": "%s",
                 "dsr": {"description": 3, "service": 3, "shipping": 4},
                 "text": "%s", "createdAt": "%s"}""".formatted(shop, platformReviewId, order, sku, sku, order, rating, text, createdAt);
    }
}
