package shop.winback.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.winback.system.TopicWatcher.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/**
 * Issue 17 item 4: one order the whole way through the packaged services — bad review → ticket →
 * quote → compensation → contact → revision → RECOVERED — and its effect on every figure of
 * ticket-service's recovery economics (spec-17), each on the local day of the event that counts it,
 * for the shop and by agent, product and complaint reason; then the same events once more on the
 * topics change nothing.
 */
class RecoveryEconomicsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String shop = Api.uniqueShop();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String order = "EC-O-" + run;
    private final String platformReviewId = "EC-R-" + run;

    @Test
    void oneOrderWonBackShowsInEveryFigureOnTheDayOfEachEvent() throws Exception {
        try (Stack stack = Stack.startAll();
                TopicWatcher reviews = new TopicWatcher(stack.reviewsTopic, 6);
                TopicWatcher tickets = new TopicWatcher(stack.ticketsTopic, 6);
                TopicWatcher compensations = new TopicWatcher(stack.compensationsTopic, 6)) {

            // the order won back, as in OrderWinBackIT (without the courier's weights)
            String agentId = Api.hire(stack.ticketUrl(0), shop, "核算-" + run, "REVIEW_RECOVERY", 10, "ONLINE");
            String agent = TestTokens.agent(shop, UUID.fromString(agentId), "REVIEW_RECOVERY");
            Api.postReview(stack.reviewUrl(), shop, badReview())
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201);
            JsonNode received =
                    value(reviews.await(byOrder("review.received.v1"), 1, WAIT).get(0));
            List<String> reasons = received.get("complaintReasons").findValuesAsText("reason");
            assertThat(reasons).contains("MISSING_ITEM");
            JsonNode opened =
                    value(tickets.await(byOrder("ticket.opened.v1"), 1, WAIT).get(0));
            JsonNode assigned =
                    value(tickets.await(byOrder("ticket.assigned.v1"), 1, WAIT).get(0));
            String ticketId = assigned.get("ticketId").asText();

            JsonPath quote = await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> given().baseUri(stack.compensationUrl())
                                    .auth()
                                    .oauth2(agent)
                                    .contentType(ContentType.JSON)
                                    .body("{\"orderId\": \"%s\", \"ticketId\": \"%s\"}".formatted(order, ticketId))
                                    .when()
                                    .post("/api/v1/quotes")
                                    .then()
                                    .extract(),
                            r -> r.statusCode() == 200 && "reviews.v1".equals(r.path("orderFacts.source")))
                    .jsonPath();
            Map<String, Object> offer = quote.getMap("recommended");
            String offerType = (String) offer.get("type");
            long offerFen = ((Number) offer.get("costFen")).longValue();
            given().baseUri(stack.compensationUrl())
                    .auth()
                    .oauth2(agent)
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", "economics-" + run)
                    .body("""
                            {"orderId": "%s", "ticketId": "%s", "type": "%s", "amountFen": %d, "reason": "MISSING_ITEM",
                             "note": "袜子未收到：为缺件补偿"}""".formatted(order, ticketId, offerType, offerFen))
                    .when()
                    .post("/api/v1/compensations")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201);
            JsonNode approved = value(compensations
                    .await(byOrder("compensation.approved.v1"), 1, WAIT)
                    .get(0));

            given().baseUri(stack.ticketUrl(0))
                    .auth()
                    .oauth2(agent)
                    .contentType(ContentType.JSON)
                    .body("{\"channel\": \"PHONE\", \"outcome\": \"REACHED\", \"note\": \"已为缺少的袜子补偿\"}")
                    .when()
                    .post("/api/v1/tickets/" + ticketId + "/contacts")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201);
            JsonNode contact = value(
                    tickets.await(byOrder("ticket.contact-logged.v1"), 1, WAIT).get(0));

            Api.revise(
                            stack.reviewUrl(),
                            shop,
                            platformReviewId,
                            "GOOD",
                            "客服很耐心，处理得很快，满意",
                            TestClock.china(TestClock.now()))
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201);
            JsonNode resolved =
                    value(tickets.await(byOrder("ticket.resolved.v1"), 1, WAIT).get(0));
            assertThat(resolved.get("outcome").asText()).isEqualTo("RECOVERED");

            // the figures: each on the local day (Shanghai, the shop's default zone) of the event that counts it
            LocalDate reviewDay = day(received.get("createdAt").asText());
            LocalDate openedDay = day(opened.get("openedAt").asText());
            LocalDate resolvedDay = day(resolved.get("resolvedAt").asText());
            LocalDate paidDay = day(approved.get("occurredAt").asText());
            JsonPath byShop = await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> economics(stack, "shop"),
                            r -> r.getInt("total.recovered") == 1
                                    && r.getLong("total.compensationPaidFen") == offerFen);
            Map<String, Object> total = byShop.getMap("total");
            assertThat(total)
                    .containsEntry("reviewsReceived", 1)
                    .containsEntry("goodReviews", 0)
                    .containsEntry("neutralReviews", 0)
                    .containsEntry("badReviews", 1)
                    .containsEntry("positiveRate", 0.0f)
                    .containsEntry("ticketsOpened", 1)
                    .containsEntry("stillOpen", 0)
                    .containsEntry("recovered", 1)
                    .containsEntry("recoveredNeutral", 0)
                    .containsEntry("recoveredBad", 1)
                    .containsEntry("unrecovered", 0)
                    .containsEntry("compensationPaidFen", (int) offerFen)
                    .containsEntry("compensationPaidFenByType", Map.of(offerType, (int) offerFen))
                    .containsEntry("incentiveFen", 500)
                    .containsEntry("costPerRecoveryFen", (int) offerFen)
                    .containsEntry("valueRecoveredFen", 3000);
            assertThat(figure(byShop, reviewDay, "badReviews")).isEqualTo(1);
            assertThat(figure(byShop, openedDay, "ticketsOpened")).isEqualTo(1);
            assertThat(figure(byShop, resolvedDay, "recoveredBad")).isEqualTo(1);
            assertThat(figure(byShop, paidDay, "compensationPaidFen")).isEqualTo((int) offerFen);

            Instant openedAt = Instant.parse(opened.get("openedAt").asText());
            assertTimes(
                    byShop,
                    "total.toAssignment",
                    seconds(openedAt, assigned.get("assignedAt").asText()));
            assertTimes(
                    byShop,
                    "total.toFirstContact",
                    seconds(openedAt, contact.get("attemptedAt").asText()));
            assertTimes(
                    byShop,
                    "total.toResolution",
                    resolved.get("secondsToResolution").asLong());

            JsonPath byAgent = economics(stack, "agent");
            assertThat(byAgent.getList("totals.key")).containsExactly(agentId);
            assertThat(figures(byAgent, agentId))
                    .containsEntry("reviewsReceived", 0)
                    .containsEntry("recoveredBad", 1)
                    .containsEntry("unrecovered", 0)
                    .containsEntry("compensationPaidFen", (int) offerFen)
                    .containsEntry("incentiveFen", 500)
                    .containsEntry("costPerRecoveryFen", (int) offerFen)
                    .containsEntry("valueRecoveredFen", 3000);
            assertTimes(
                    byAgent,
                    "totals[0].figures.toAssignment",
                    seconds(openedAt, assigned.get("assignedAt").asText()));

            JsonPath byProduct = economics(stack, "product");
            assertThat(byProduct.getList("totals.key")).containsExactly("SKU-SOCK-3P");
            assertThat(figures(byProduct, "SKU-SOCK-3P"))
                    .containsEntry("reviewsReceived", 1)
                    .containsEntry("badReviews", 1)
                    .containsEntry("ticketsOpened", 1)
                    .containsEntry("recoveredBad", 1)
                    .containsEntry("compensationPaidFen", (int) offerFen)
                    .containsEntry("valueRecoveredFen", 3000);

            JsonPath byReason = economics(stack, "reason");
            assertThat(byReason.getList("totals.key"))
                    .containsExactlyInAnyOrderElementsOf(
                            reasons.stream().distinct().toList());
            assertThat(figures(byReason, "MISSING_ITEM"))
                    .containsEntry("reviewsReceived", 1)
                    .containsEntry("ticketsOpened", 1)
                    .containsEntry("recoveredBad", 1)
                    .containsEntry("compensationPaidFen", (int) offerFen);

            String csv = given().baseUri(stack.ticketUrl(0))
                    .auth()
                    .oauth2(TestTokens.reporting(shop))
                    .accept("text/csv")
                    .queryParam("from", resolvedDay.toString())
                    .queryParam("to", resolvedDay.toString())
                    .when()
                    .get("/api/v1/recovery-economics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(csv.lines().toList()).hasSize(2).element(1).asString().startsWith(resolvedDay + ",shop,");

            // the order's events once more, as a producer retry would send them: the figures do not move
            String before = economics(stack, "shop").getMap("total").toString();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                for (TopicWatcher topic : List.of(reviews, tickets, compensations)) {
                    for (ConsumerRecord<String, String> r : topic.matching(x -> order.equals(x.key()))) {
                        producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers()))
                                .get();
                    }
                }
            }
            // a marker behind the copies on the reviews topic: once it is counted, the copies before it were handled
            Api.postReview(stack.reviewUrl(), shop, Api.review(shop, "EC-R2-" + run, order + "-2", "GOOD"))
                    .then()
                    .statusCode(201);
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> economics(stack, "shop").getInt("total.goodReviews") == 1);
            Map<String, Object> after = economics(stack, "shop").getMap("total");
            assertThat(after)
                    .containsEntry("reviewsReceived", 2)
                    .containsEntry("goodReviews", 1)
                    .containsEntry("badReviews", 1)
                    .containsEntry("ticketsOpened", 1)
                    .containsEntry("recovered", 1)
                    .containsEntry("compensationPaidFen", (int) offerFen);
            assertThat(before).isNotEmpty();
        }
    }

    private JsonPath economics(Stack stack, String by) {
        LocalDate today = TestClock.today(TestClock.SHANGHAI);
        return given().baseUri(stack.ticketUrl(0))
                .auth()
                .oauth2(TestTokens.reporting(shop))
                .queryParam("from", today.minusDays(3).toString())
                .queryParam("to", today.plusDays(1).toString())
                .queryParam("by", by)
                .when()
                .get("/api/v1/recovery-economics")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(JsonPath report, String key) {
        List<Map<String, Object>> totals = report.getList("totals");
        return totals.stream()
                .filter(t -> key.equals(t.get("key")))
                .findFirst()
                .map(t -> (Map<String, Object>) t.get("figures"))
                .orElseThrow(() -> new AssertionError("no " + key));
    }

    @SuppressWarnings("unchecked")
    private static Object figure(JsonPath report, LocalDate day, String name) {
        List<Map<String, Object>> rows = report.getList("rows");
        return rows.stream()
                .filter(r -> day.toString().equals(r.get("day")))
                .findFirst()
                .map(r -> ((Map<String, Object>) r.get("figures")).get(name))
                .orElseThrow(() -> new AssertionError("no " + day));
    }

    /** One ticket: median and p90 are its own time, exact below 128 s, else at most 2.2 % under (the fixed buckets). */
    private static void assertTimes(JsonPath report, String path, long expected) {
        assertThat(report.getInt(path + ".count")).as(path).isEqualTo(1);
        long median = report.getLong(path + ".medianSeconds");
        assertThat(report.getLong(path + ".p90Seconds")).as(path).isEqualTo(median);
        if (expected < 128) {
            assertThat(median).as(path).isEqualTo(expected);
        } else {
            assertThat(median).as(path).isLessThanOrEqualTo(expected).isGreaterThanOrEqualTo((long)
                    Math.floor(expected * 0.978));
        }
    }

    private static long seconds(Instant from, String to) {
        return Duration.between(from, Instant.parse(to)).toSeconds();
    }

    private static LocalDate day(String instant) {
        return Instant.parse(instant).atZone(TestClock.SHANGHAI).toLocalDate();
    }

    private String badReview() {
        return """
                {"shopId": "%s", "platformReviewId": "%s", "orderId": "%s",
                 "item": {"sku": "SKU-SOCK-3P", "title": "袜子三双装"},
                 "buyer": {"id": "buyer-%s", "province": "辽宁", "city": "沈阳"},
                 "orderAmountFen": 12900, "distinctItems": 2, "rating": "BAD",
                 "dsr": {"description": 2, "service": 3, "shipping": 3},
                 "text": "T恤收到了，袜子没收到，包裹里少了一样东西", "createdAt": "%s"}""".formatted(shop, platformReviewId, order, run, Api.writtenAtPlus(Duration.ZERO));
    }

    private Predicate<ConsumerRecord<String, String>> byOrder(String ceType) {
        return r -> order.equals(r.key()) && type(ceType).test(r);
    }

    private static JsonNode value(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + record.value(), e);
        }
    }
}
