package shop.winback.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.TestTokens;

/**
 * The reporting-job view: the whole system (four packaged services) is driven so that the
 * documented event types appear on the four topics, then every topic is read with Kafka's own
 * console consumer ({@code org.apache.kafka.tools.consumer.ConsoleConsumer}, from the broker jars
 * deploy/lib/kafka.sh fetched; KAFKA_LIB, else .local/kafka/lib) with headers and keys printed, as a
 * reporting job or an operator would. Every record must carry the CloudEvents headers, have a JSON
 * value valid against its producer's asyncapi.yaml, and be keyed by the order id (agents.v1: the agent id).
 */
class ReportingViewIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CE_HEADERS = Set.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time");

    private final String shop = Api.uniqueShop();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void everyRecordOnEveryTopicIsDocumentedCloudEventsKeyedByOrder() throws Exception {
        try (Stack stack = Stack.startAll()) {
            List<String> orders = drive(stack);

            Map<String, Set<String>> expected = new LinkedHashMap<>();
            expected.put(
                    stack.reviewsTopic,
                    Set.of(
                            "review.received.v1",
                            "review.revised.v1",
                            "item.dsr-below-threshold.v1",
                            "product.problem-alert.v1"));
            expected.put(
                    stack.ticketsTopic,
                    Set.of(
                            "ticket.opened.v1",
                            "ticket.assigned.v1",
                            "ticket.review-added.v1",
                            "ticket.contact-logged.v1",
                            "ticket.review-revised.v1",
                            "ticket.resolved.v1",
                            "ticket.closed.v1"));
            expected.put(
                    stack.compensationsTopic,
                    Set.of(
                            "compensation.requested.v1",
                            "compensation.approved.v1",
                            "compensation.rejected.v1",
                            "compensation.paid.v1"));
            expected.put(
                    stack.logisticsTopic,
                    Set.of("parcel.scanned.v1", "weight-check.completed.v1", "lost-parcel.claimed.v1"));
            expected.put(stack.agentsTopic, Set.of("agent.hired.v1"));
            Map<String, String> producer = Map.of(
                    stack.reviewsTopic,
                    "review-service",
                    stack.ticketsTopic,
                    "ticket-service",
                    stack.agentsTopic,
                    "ticket-service",
                    stack.compensationsTopic,
                    "compensation-service",
                    stack.logisticsTopic,
                    "logistics-service");

            int records = 0;
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, Set<String>> topic : expected.entrySet()) {
                AsyncApiContract contract = AsyncApiContract.of(Path.of(System.getProperty("winback.root", ".."))
                        .resolve(producer.get(topic.getKey()))
                        .resolve("src/main/resources/META-INF/resources/asyncapi.yaml"));
                List<ConsoleRecord> read = new ArrayList<>();
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            read.clear();
                            read.addAll(consoleConsumer(topic.getKey()));
                            assertThat(read.stream()
                                            .map(r -> r.headers().get("ce_type"))
                                            .collect(Collectors.toSet()))
                                    .as("event types on " + topic.getKey())
                                    .containsAll(topic.getValue());
                        });
                for (ConsoleRecord r : read) {
                    records++;
                    problems.addAll(check(r, topic.getKey(), contract, orders));
                }
                System.out.printf(
                        "REPORTING-VIEW %s records=%d types=%s%n",
                        topic.getKey(),
                        read.size(),
                        new TreeSet<>(read.stream()
                                .map(r -> r.headers().get("ce_type"))
                                .toList()));
            }
            assertThat(problems)
                    .as("records that break their documented contract")
                    .isEmpty();
            assertThat(records).isGreaterThan(20);
        }
    }

    private List<String> check(ConsoleRecord r, String topic, AsyncApiContract contract, List<String> orders) {
        List<String> problems = new ArrayList<>();
        String where = topic + " " + r.headers().get("ce_type") + " key=" + r.key();
        for (String header : CE_HEADERS) {
            if (r.headers().getOrDefault(header, "").isBlank()) {
                problems.add(where + ": CloudEvents header " + header + " missing");
            }
        }
        if (!"1.0".equals(r.headers().get("ce_specversion"))) {
            problems.add(where + ": ce_specversion " + r.headers().get("ce_specversion"));
        }
        String type = r.headers().get("ce_type");
        JsonNode value;
        try {
            value = JSON.readTree(r.value());
        } catch (IOException e) {
            problems.add(where + ": value is not JSON: " + r.value());
            return problems;
        }
        try {
            contract.violations(type, value).forEach(v -> problems.add(where + ": " + v));
        } catch (IllegalArgumentException undocumented) {
            problems.add(where + ": " + undocumented.getMessage());
        }
        if (value.has("orderId")) {
            if (!value.get("orderId").asText().equals(r.key())) {
                problems.add(where + ": key is not the orderId " + value.get("orderId"));
            }
        } else if (value.has("agentId") && type.startsWith("agent.")) {
            // agents.v1 is keyed by agent id, not order
            if (!value.get("agentId").asText().equals(r.key())) {
                problems.add(where + ": key is not the agentId " + value.get("agentId"));
            }
        } else if (!orders.contains(r.key())) {
            // item signals carry no order: their key is the order of the review that tipped them
            problems.add(where + ": key is none of this run's orders");
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------

    /** Drives the four services through the flows that publish the documented events; the orders used. */
    private List<String> drive(Stack stack) throws Exception {
        String review = stack.reviewUrl();
        String ticket = stack.ticketUrl(0);
        List<String> orders = new ArrayList<>();

        // an agent online first, so tickets are assigned at once (agent.hired.v1: compensation-service's agent
        // registry)
        String agentId = Api.hire(ticket, shop, "报表-" + run, "REVIEW_RECOVERY", 20, "ONLINE");

        // five bad reviews of one item by five buyers: received, and the item signals (DSR watch: at
        // least 5 reviews below 4.8; product problem: one complaint reason from 3 buyers within 72 h)
        for (int i = 0; i < 5; i++) {
            String order = "RV-O-" + run + "-" + i;
            orders.add(order);
            Api.postReview(review, shop, Api.review(shop, "RV-R-" + run + "-" + i, order, "BAD"))
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201);
        }
        // a neutral review of the first order joins its ticket: ticket.review-added.v1
        Api.postReview(review, shop, Api.review(shop, "RV-R-" + run + "-0b", orders.get(0), "NEUTRAL"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
        // the buyer of the second order revises to good: review.revised.v1, ticket.review-revised.v1
        Api.revise(
                        review,
                        shop,
                        "RV-R-" + run + "-1",
                        "GOOD",
                        "客服很耐心，已经解决了",
                        Api.writtenAtPlus(Duration.ofHours(5).plusMinutes(40)))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);

        // the first order's ticket: a call logged, then resolved (ticket.resolved.v1 and ticket.closed.v1)
        String ticketId = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> Api.tickets(ticket, shop, "ASSIGNED")
                                .then()
                                .log()
                                .ifValidationFails()
                                .statusCode(200)
                                .extract()
                                .<String>path("items.find { it.orderId == '" + orders.get(0) + "' }.id"),
                        id -> id != null);
        given().baseUri(ticket)
                .auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"channel\": \"PHONE\", \"outcome\": \"REACHED\", \"note\": \"解释了尺码问题\"}")
                .when()
                .post("/api/v1/tickets/" + ticketId + "/contacts")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
        given().baseUri(ticket)
                .auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"EXPLAINED\"}")
                .when()
                .post("/api/v1/tickets/" + ticketId + "/resolution")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);

        driveLogistics(stack, orders.get(2));
        driveCompensations(stack, agentId, orders.get(3), orders.get(4));
        return orders;
    }

    /** A parcel short of its socks: parcel.scanned.v1, weight-check.completed.v1, lost-parcel.claimed.v1. */
    private void driveLogistics(Stack stack, String order) {
        String logistics = stack.logisticsUrl();
        String tracking = "77" + Math.abs(run.hashCode());
        given().baseUri(logistics)
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
        String push = """
                {"courier": "STO", "trackingNumber": "%s", "scans": [{"station": "沈阳转运中心", "scannedAt": "%s",
                 "status": "IN_TRANSIT", "weightGrams": 900}]}""".formatted(tracking, Api.writtenAtPlus(Duration.ofDays(-1)));
        Api.genericPush(logistics, stack.genericPushSecret, push)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        String agentToken = TestTokens.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY");
        String check = given().baseUri(logistics)
                .auth()
                .oauth2(agentToken)
                .contentType(ContentType.JSON)
                .body(
                        "{\"orderId\": \"%s\", \"missingItems\": [{\"sku\": \"SKU-SOCK-3P\", \"quantity\": 1}], \"damaged\": false}"
                                .formatted(order))
                .when()
                .post("/api/v1/weight-checks")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("id");
        given().baseUri(logistics)
                .auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"weightCheckId\": \"%s\", \"amountFen\": 1500}".formatted(check))
                .when()
                .post("/api/v1/claims")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
    }

    /** A coupon within authority, paid; a partial refund above the agent's limit, rejected: requested, approved, paid, rejected. */
    private void driveCompensations(Stack stack, String agentId, String couponOrder, String refundOrder) {
        String compensation = stack.compensationUrl();
        // the agent ticket-service hired: compensation-service takes their authority from its agent registry
        // (agents.v1)
        String agentToken = TestTokens.agent(shop, UUID.fromString(agentId), "REVIEW_RECOVERY");
        // compensation-service decides from the order's facts it learns from reviews.v1, and knows the agent from
        // agents.v1 (403 until then): wait until it has both orders and the agent
        for (String order : List.of(couponOrder, refundOrder)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> given().baseUri(compensation)
                                    .auth()
                                    .oauth2(agentToken)
                                    .contentType(ContentType.JSON)
                                    .body("{\"orderId\": \"" + order + "\"}")
                                    .when()
                                    .post("/api/v1/quotes")
                                    .then()
                                    .extract()
                                    .statusCode()
                            == 200);
        }
        given().baseUri(compensation)
                .auth()
                .oauth2(agentToken)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "coupon-" + run)
                .body(
                        "{\"orderId\": \"%s\", \"type\": \"COUPON\", \"amountFen\": 1000, \"orderAmountFen\": 12900, \"reason\": \"QUALITY_DAMAGE\"}"
                                .formatted(couponOrder))
                .when()
                .post("/api/v1/compensations")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
        String refund = given().baseUri(compensation)
                .auth()
                .oauth2(agentToken)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "refund-" + run)
                .body(
                        "{\"orderId\": \"%s\", \"type\": \"PARTIAL_REFUND\", \"amountFen\": 12900, \"orderAmountFen\": 12900, \"reason\": \"QUALITY_DAMAGE\"}"
                                .formatted(refundOrder))
                .when()
                .post("/api/v1/compensations")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("id");
        given().baseUri(compensation)
                .auth()
                .oauth2(TestTokens.supervisor(shop))
                .contentType(ContentType.JSON)
                .body("{\"comment\": \"赔付过高，先核实\"}")
                .when()
                .post("/api/v1/compensations/" + refund + "/rejection")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        String payout = given().baseUri(compensation)
                .auth()
                .oauth2(TestTokens.integration(shop))
                .queryParam("status", "PENDING")
                .when()
                .get("/api/v1/payouts")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .path("[0].id");
        given().baseUri(compensation)
                .auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"EXECUTED\", \"platformReference\": \"TB-REFUND-" + run + "\"}")
                .when()
                .post("/api/v1/payouts/" + payout + "/confirmation")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
    }

    // ---------------------------------------------------------------------------------------------

    record ConsoleRecord(Map<String, String> headers, String key, String value) {}

    /**
     * {@code kafka-console-consumer --from-beginning --property print.headers=true --property print.key=true},
     * run from the broker's own jars until the topic has been quiet for 3 s. Output lines are
     * {@code headers<TAB>key<TAB>value}, headers as {@code name:value} joined by commas.
     */
    static List<ConsoleRecord> consoleConsumer(String topic) throws IOException, InterruptedException {
        Path lib = kafkaLib();
        Path out = Files.createTempFile("console-consumer-", ".txt");
        Path err = Files.createTempFile("console-consumer-", ".err");
        // as Kafka's tools-log4j2 config does: the tool's own log to stderr, stdout only the records
        Path log4j = Files.createTempFile("console-consumer-log4j2-", ".properties");
        Files.writeString(log4j, """
                appender.err.type = Console
                appender.err.name = STDERR
                appender.err.target = SYSTEM_ERR
                appender.err.layout.type = PatternLayout
                appender.err.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = WARN
                rootLogger.appenderRef.err.ref = STDERR
                """);
        try {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx128m",
                            "-Dlog4j2.configurationFile=" + log4j,
                            "-cp",
                            lib.resolve("*").toString(),
                            "org.apache.kafka.tools.consumer.ConsoleConsumer",
                            "--bootstrap-server",
                            Stack.bootstrapServers(),
                            "--topic",
                            topic,
                            "--from-beginning",
                            "--property",
                            "print.headers=true",
                            "--property",
                            "print.key=true",
                            "--timeout-ms",
                            "3000")
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the console consumer did not finish on " + topic);
            }
            List<ConsoleRecord> records = new ArrayList<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t", 3);
                if (parts.length < 3) {
                    throw new IllegalStateException(
                            "unexpected console consumer line: " + line + "\nits stderr:\n" + Files.readString(err));
                }
                Map<String, String> headers = new LinkedHashMap<>();
                if (!parts[0].equals("NO_HEADERS")) {
                    for (String h : parts[0].split(",")) {
                        int colon = h.indexOf(':');
                        headers.put(colon < 0 ? h : h.substring(0, colon), colon < 0 ? "" : h.substring(colon + 1));
                    }
                }
                records.add(new ConsoleRecord(headers, parts[1], parts[2]));
            }
            return records;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(log4j);
        }
    }

    /** The broker jars: KAFKA_LIB (exported by deploy/test), else where deploy/lib/kafka.sh keeps them. */
    static Path kafkaLib() {
        String env = System.getenv("KAFKA_LIB");
        Path lib = env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("winback.root", "..")).resolve(".local/kafka/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(
                    lib + " is missing: deploy/test fetches the Kafka jars there (deploy/lib/kafka.sh)");
        }
        return lib;
    }
}
