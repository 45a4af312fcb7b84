package shop.winback.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static shop.winback.system.TopicWatcher.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/**
 * One order won back, through the four packaged services over HTTP and Kafka: the buyer's bad review
 * ("the socks never came") opens a ticket on the recovery agent's desk; the agent quotes and grants a
 * compensation within their authority for the missing socks; the courier's weights show the parcel
 * lost 100 g in transit (a claim against the courier, not the buyer's word against ours); the agent
 * reaches the buyer; the buyer, their complaint settled, revises the review to good of their own
 * accord, and the ticket is RECOVERED by itself. Every event of the order on every topic is keyed by
 * its order id.
 */
class OrderWinBackIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String shop = Api.uniqueShop();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String order = "WB-O-" + run;
    private final String platformReviewId = "WB-R-" + run;

    @Test
    void aBadReviewOfAMissingItemEndsRecoveredAfterCompensationWeightCheckAndRevision() throws Exception {
        try (Stack stack = Stack.startAll();
                TopicWatcher reviews = new TopicWatcher(stack.reviewsTopic, 6);
                TopicWatcher tickets = new TopicWatcher(stack.ticketsTopic, 6);
                TopicWatcher compensations = new TopicWatcher(stack.compensationsTopic, 6);
                TopicWatcher logistics = new TopicWatcher(stack.logisticsTopic, 6)) {

            // 1. an agent on duty; the order system registers the parcel and posts the buyer's bad review
            String agentId = Api.hire(stack.ticketUrl(0), shop, "挽回-" + run, "REVIEW_RECOVERY", 10, "ONLINE");
            String agent = TestTokens.agent(shop, UUID.fromString(agentId), "REVIEW_RECOVERY");
            String tracking = "78" + Math.abs((long) run.hashCode());
            registerShipment(stack, tracking);
            Api.postReview(stack.reviewUrl(), shop, badReview())
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201);

            JsonNode received =
                    value(reviews.await(byOrder("review.received.v1"), 1, WAIT).get(0));
            assertThat(received.get("rating").asText()).isEqualTo("BAD");
            assertThat(received.get("complaintReasons").findValuesAsText("reason"))
                    .as("what the buyer complains of")
                    .contains("MISSING_ITEM");

            // 2. the ticket is on the agent's desk within seconds
            JsonNode assigned =
                    value(tickets.await(byOrder("ticket.assigned.v1"), 1, WAIT).get(0));
            assertThat(assigned.get("agentId").asText()).isEqualTo(agentId);
            String ticketId = assigned.get("ticketId").asText();
            assertThat(tickets.matching(byOrder("ticket.opened.v1")))
                    .singleElement()
                    .satisfies(
                            r -> assertThat(value(r).get("ticketId").asText()).isEqualTo(ticketId));
            JsonPath ticket = ticket(stack, agent, ticketId);
            assertThat(ticket.getString("orderId")).isEqualTo(order);
            assertThat(ticket.getString("status")).isEqualTo("ASSIGNED");
            assertThat(ticket.getString("agentId")).isEqualTo(agentId);
            assertThat(ticket.getString("rating")).isEqualTo("BAD");
            assertThat(ticket.getString("platformReviewId")).isEqualTo(platformReviewId);
            JsonPath found = given().baseUri(stack.ticketUrl(0))
                    .auth()
                    .oauth2(agent)
                    .queryParam("orderId", order)
                    .when()
                    .get("/api/v1/tickets")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(found.getInt("total")).isEqualTo(1);
            assertThat(found.getString("items[0].id")).isEqualTo(ticketId);

            // 3. compensation-service learns the order from reviews.v1 and the agent from agents.v1 (its agent
            // registry: until
            // then the agent is refused, 403); the agent quotes and grants the recommended offer within their hired
            // tier
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
            assertThat(quote.getLong("orderFacts.orderAmountFen")).isEqualTo(12900);
            assertThat(quote.getString("orderFacts.rating")).isEqualTo("BAD");
            assertThat(quote.getList("options")).hasSizeGreaterThanOrEqualTo(2);
            Map<String, Object> offer = quote.getMap("recommended");
            assertThat(offer.get("withinAuthority"))
                    .as("the recommended offer is the agent's own to grant")
                    .isEqualTo(true);
            String offerType = (String) offer.get("type");
            long offerFen = ((Number) offer.get("costFen")).longValue();
            assertThat(offerFen).isPositive().isLessThanOrEqualTo(quote.getLong("authorityLimitFen"));
            System.out.printf(
                    "WIN-BACK order=%s recommended=%s %d fen (%s)%n",
                    order, offerType, offerFen, quote.getString("recommendedBecause"));

            JsonPath granted = given().baseUri(stack.compensationUrl())
                    .auth()
                    .oauth2(agent)
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", "win-back-" + run)
                    .body("""
                            {"orderId": "%s", "ticketId": "%s", "type": "%s", "amountFen": %d, "reason": "MISSING_ITEM",
                             "note": "袜子未收到：先为缺件补偿，包裹重量另向快递核实"}""".formatted(order, ticketId, offerType, offerFen))
                    .when()
                    .post("/api/v1/compensations")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            String compensationId = granted.getString("id");
            assertThat(granted.getString("status")).isEqualTo("APPROVED");
            assertThat(granted.getBoolean("withinAuthority")).isTrue();
            assertThat(granted.getString("approvalBecause")).isNull();
            assertThat(granted.getString("ticketId")).isEqualTo(ticketId);
            assertThat(granted.getLong("orderAmountFen"))
                    .as("the order's own amount, from reviews.v1")
                    .isEqualTo(12900);
            for (String type : List.of("compensation.requested.v1", "compensation.approved.v1")) {
                JsonNode event =
                        value(compensations.await(byOrder(type), 1, WAIT).get(0));
                assertThat(event.get("compensationId").asText()).as(type).isEqualTo(compensationId);
                assertThat(event.get("ticketId").asText()).as(type).isEqualTo(ticketId);
                assertThat(event.get("agentId").asText()).as(type).isEqualTo(agentId);
                assertThat(event.get("type").asText()).as(type).isEqualTo(offerType);
                assertThat(event.get("amountFen").asLong()).as(type).isEqualTo(offerFen);
                assertThat(event.get("status").asText()).as(type).isEqualTo("APPROVED");
            }
            // ticket-service keeps the ticket's compensations current from compensations.v1
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                JsonPath t = ticket(stack, agent, ticketId);
                assertThat(t.getList("compensations.compensationId")).containsExactly(compensationId);
                assertThat(t.getString("compensations[0].status")).isEqualTo("APPROVED");
            });

            // 4. the last station's weight arrives by signed push: 1000 g at origin, 900 g at the end; the socks were
            // lost
            String push = """
                    {"courier": "STO", "trackingNumber": "%s", "scans": [{"station": "沈阳转运中心", "scannedAt": "%s",
                     "status": "IN_TRANSIT", "weightGrams": 900}]}""".formatted(tracking, Api.writtenAtPlus(Duration.ofDays(-1)));
            Api.genericPush(stack.logisticsUrl(), stack.genericPushSecret, push)
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200)
                    .body("added", equalTo(1));
            assertThat(value(logistics
                                    .await(byOrder("parcel.scanned.v1"), 1, WAIT)
                                    .get(0))
                            .get("weightGrams")
                            .asInt())
                    .isEqualTo(900);
            JsonPath check = given().baseUri(stack.logisticsUrl())
                    .auth()
                    .oauth2(agent)
                    .contentType(ContentType.JSON)
                    .body("""
                            {"orderId": "%s", "ticketId": "%s", "missingItems": [{"sku": "SKU-SOCK-3P", "quantity": 1}],
                             "damaged": false}""".formatted(order, ticketId))
                    .when()
                    .post("/api/v1/weight-checks")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            assertThat(check.getString("verdict")).isEqualTo("LOST_IN_TRANSIT");
            assertThat(check.getInt("originWeightGrams")).isEqualTo(1000);
            assertThat(check.getInt("lastStationWeightGrams")).isEqualTo(900);
            assertThat(check.getInt("missingWeightGrams")).isEqualTo(100);
            assertThat(check.getBoolean("claimable")).isTrue();
            JsonNode checked = value(logistics
                    .await(byOrder("weight-check.completed.v1"), 1, WAIT)
                    .get(0));
            assertThat(checked.get("weightCheckId").asText()).isEqualTo(check.getString("id"));
            assertThat(checked.get("verdict").asText()).isEqualTo("LOST_IN_TRANSIT");
            assertThat(checked.get("ticketId").asText()).isEqualTo(ticketId);
            assertThat(checked.get("missingSkus").get(0).asText()).isEqualTo("SKU-SOCK-3P");

            // 5. the agent reaches the buyer
            given().baseUri(stack.ticketUrl(0))
                    .auth()
                    .oauth2(agent)
                    .contentType(ContentType.JSON)
                    .body("{\"channel\": \"PHONE\", \"outcome\": \"REACHED\", \"note\": \"已为缺少的袜子补偿，买家表示理解\"}")
                    .when()
                    .post("/api/v1/tickets/" + ticketId + "/contacts")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201)
                    .body("outcome", equalTo("REACHED"));
            JsonNode contact = value(
                    tickets.await(byOrder("ticket.contact-logged.v1"), 1, WAIT).get(0));
            assertThat(contact.get("outcome").asText()).isEqualTo("REACHED");
            assertThat(contact.get("agentId").asText()).isEqualTo(agentId);
            assertThat(contact.get("firstContact").asBoolean()).isTrue();

            // 6. the buyer, complaint settled, revises the review to good: the ticket is RECOVERED without anyone
            // closing it
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
            JsonNode revised =
                    value(reviews.await(byOrder("review.revised.v1"), 1, WAIT).get(0));
            assertThat(revised.get("ratingImproved").asBoolean()).isTrue();
            assertThat(revised.get("textStillNegative").asBoolean()).isFalse();
            JsonNode resolved =
                    value(tickets.await(byOrder("ticket.resolved.v1"), 1, WAIT).get(0));
            assertThat(resolved.get("ticketId").asText()).isEqualTo(ticketId);
            assertThat(resolved.get("outcome").asText()).isEqualTo("RECOVERED");
            assertThat(resolved.get("agentId").asText()).isEqualTo(agentId);
            assertThat(resolved.get("creditFen").asLong())
                    .as("the shop's incentive for a bad review recovered")
                    .isEqualTo(500);
            assertThat(tickets.matching(byOrder("ticket.review-revised.v1")))
                    .singleElement()
                    .satisfies(r -> assertThat(value(r).get("rating").asText()).isEqualTo("GOOD"));
            JsonPath recovered = ticket(stack, agent, ticketId);
            assertThat(recovered.getString("status")).isEqualTo("CLOSED");
            assertThat(recovered.getString("outcome")).isEqualTo("RECOVERED");
            assertThat(recovered.getLong("creditFen")).isEqualTo(500);
            assertThat(recovered.getString("pendingTask")).isNull();
            assertThat(recovered.getString("reviews[0].currentRating")).isEqualTo("GOOD");
            assertThat(recovered.getString("contacts[0].outcome")).isEqualTo("REACHED");

            // every record of the order on every topic is keyed by the order id (the watchers matched by key)
            for (TopicWatcher topic : List.of(reviews, tickets, compensations, logistics)) {
                assertThat(topic.matching(r -> r.value().contains("\"" + order + "\"")))
                        .allSatisfy(r -> assertThat(r.key()).isEqualTo(order));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The order system's parcel: two T-shirts and a pack of socks, 1000 g at origin. */
    private void registerShipment(Stack stack, String tracking) {
        given().baseUri(stack.logisticsUrl())
                .auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body("""
                        {"orderId": "%s", "courier": "STO", "trackingNumber": "%s", "origin": {"province": "广东", "city": "广州"},
                         "buyer": {"province": "辽宁", "city": "沈阳"}, "originWeightGrams": 1000, "shippedAt": "%s",
                         "packingSlip": [{"sku": "SKU-TS-WHITE-L", "title": "纯棉T恤", "quantity": 2, "unitWeightGrams": 300, "outOfStock": false},
                                         {"sku": "SKU-SOCK-3P", "title": "袜子三双装", "quantity": 1, "unitWeightGrams": 100, "outOfStock": false}]}""".formatted(order, tracking, Api.writtenAtPlus(Duration.ofDays(-3))))
                .when()
                .post("/api/v1/shipments")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
    }

    /** The buyer's bad review of the order: the T-shirts came, the socks did not. */
    private String badReview() {
        return """
                {"shopId": "%s", "platformReviewId": "%s", "orderId": "%s",
                 "item": {"sku": "SKU-SOCK-3P", "title": "袜子三双装"},
                 "buyer": {"id": "buyer-%s", "province": "辽宁", "city": "沈阳"},
                 "orderAmountFen": 12900, "distinctItems": 2, "rating": "BAD",
                 "dsr": {"description": 2, "service": 3, "shipping": 3},
                 "text": "T恤收到了，袜子没收到，包裹里少了一样东西", "createdAt": "%s"}""".formatted(shop, platformReviewId, order, run, Api.writtenAtPlus(Duration.ZERO));
    }

    private static JsonPath ticket(Stack stack, String token, String ticketId) {
        return given().baseUri(stack.ticketUrl(0))
                .auth()
                .oauth2(token)
                .when()
                .get("/api/v1/tickets/" + ticketId)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
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
