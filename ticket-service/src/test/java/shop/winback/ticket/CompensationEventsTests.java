package shop.winback.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.ConsumerContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;
import shop.winback.ticket.config.CompensationsConfig;
import shop.winback.ticket.messaging.in.CompensationEventV1;

/**
 * compensations.v1 into ticket_compensation, on the real broker and database; and ticket-service's
 * copy of the event against what compensation-service documents (read from the producer's module).
 */
@QuarkusTest
class CompensationEventsTests {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    CompensationsConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    EventReader reader;

    PerformanceTests.Seed seed;
    ConsumerTask<String, String> deadLetters;

    @BeforeEach
    void watch() {
        seed = new PerformanceTests.Seed(dataSource);
        deadLetters = KafkaTopics.watch(config.deadLetterTopic());
    }

    @AfterEach
    void stopWatching() {
        deadLetters.close();
    }

    /** As compensation-service publishes it: every field present, nullable ones as null. */
    record Compensation(UUID id, String shop, String order, String ticketId, String agentId, long amountFen) {
        String json(String status, Instant occurredAt) {
            return """
                    {"compensationId":"%s","shopId":"%s","orderId":"%s","ticketId":%s,"agentId":%s,
                     "agentTier":"REVIEW_RECOVERY","type":"COUPON","amountFen":%d,"currency":"CNY","status":"%s",
                     "reason":"衣服有破洞","decidedBy":null,"comment":null,"requiredLevel":null,"withinAuthority":true,
                     "payoutId":null,"occurredAt":"%s"}""".formatted(id, shop, order, quoted(ticketId), quoted(agentId), amountFen, status, occurredAt);
        }

        Compensation costing(long fen) {
            return new Compensation(id, shop, order, ticketId, agentId, fen);
        }

        private static String quoted(String value) {
            return value == null ? "null" : "\"" + value + "\"";
        }
    }

    static Compensation compensation(String shop, String order, UUID ticket, UUID agent, long amountFen) {
        return new Compensation(
                UUID.randomUUID(),
                shop,
                order,
                ticket == null ? null : ticket.toString(),
                agent == null ? null : agent.toString(),
                amountFen);
    }

    void send(String key, String value, String ceId, String ceType) {
        KafkaTopics.publish(config.topic(), "/winback/compensation-service", key, value, ceId, ceType);
    }

    /** Sends the event with a fresh ce_id; returns the id. */
    String send(Compensation c, String type, Instant occurredAt) {
        String ceId = UUID.randomUUID().toString();
        send(c, type, occurredAt, ceId);
        return ceId;
    }

    void send(Compensation c, String type, Instant occurredAt, String ceId) {
        send(c.order(), c.json(WIRE_STATUS.get(type), occurredAt), ceId, type);
    }

    /** The status compensation-service puts in each type's payload (a requested one is PENDING). */
    static final Map<String, String> WIRE_STATUS = Map.of(
            CompensationEventV1.REQUESTED,
            "PENDING",
            CompensationEventV1.APPROVED,
            "APPROVED",
            CompensationEventV1.REJECTED,
            "REJECTED",
            CompensationEventV1.PAID,
            "PAID");

    Map<String, Object> stored(UUID compensationId) {
        List<Map<String, Object>> rows =
                select("SELECT * FROM ticket_compensation WHERE compensation_id = ?", compensationId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    Map<String, Object> awaitStatus(UUID compensationId, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<String, Object> row = stored(compensationId);
            return row != null && status.equals(row.get("status"));
        });
        return stored(compensationId);
    }

    List<Map<String, Object>> select(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Map<String, Object>> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(Object timestamptz) {
        return timestamptz == null ? null : ((java.sql.Timestamp) timestamptz).toInstant();
    }

    @Test
    void aPaidEventDeliveredTwiceLandsOnceAndCountsAsSpent() {
        String shop = TestData.uniqueShop();
        UUID agent = seed.agent(shop, "小王");
        String order = "O-" + UUID.randomUUID();
        UUID ticket = seed.openTicket(shop, order);
        Compensation c = compensation(shop, order, null, agent, 1000);
        Instant paidAt = TestClock.now().truncatedTo(ChronoUnit.MILLIS);
        send(c, CompensationEventV1.REQUESTED, paidAt.minusSeconds(120));
        send(c, CompensationEventV1.APPROVED, paidAt.minusSeconds(60));
        String paidEvent = send(c, CompensationEventV1.PAID, paidAt);

        Map<String, Object> row = awaitStatus(c.id(), "PAID");
        assertThat(row)
                .containsEntry("shop_id", shop)
                .containsEntry("order_id", order)
                .containsEntry("ticket_id", ticket)
                .containsEntry("agent_id", agent)
                .containsEntry("type", "COUPON")
                .containsEntry("amount_fen", 1000L);
        assertThat(instant(row.get("paid_at"))).isEqualTo(paidAt);
        Instant updatedAt = instant(row.get("updated_at"));

        // the same event again (as a redelivery would bring it, here with a tampered amount that would show),
        // then another compensation of the same order: same partition, so handled after the copy
        send(c.costing(99_999), CompensationEventV1.PAID, paidAt, paidEvent);
        Compensation marker = compensation(shop, order, null, agent, 500);
        send(marker, CompensationEventV1.REQUESTED, paidAt);
        awaitStatus(marker.id(), "REQUESTED");

        Map<String, Object> after = stored(c.id());
        assertThat(after).containsEntry("amount_fen", 1000L).containsEntry("status", "PAID");
        assertThat(instant(after.get("updated_at"))).isEqualTo(updatedAt);
        assertThat(select(
                                "SELECT count(*) AS n FROM inbox_message WHERE consumer = 'ticket-service/compensations' AND event_id = ?",
                                paidEvent)
                        .get(0))
                .containsEntry("n", 1L);
        assertThat(select("SELECT count(*) AS n FROM ticket_compensation WHERE shop_id = ?", shop)
                        .get(0))
                .containsEntry("n", 2L);

        // and it is what the agent spent
        given().auth()
                .oauth2(TestTokens.supervisor(shop))
                .get("/api/v1/incentives")
                .then()
                .statusCode(200)
                .body("rows.size()", equalTo(1))
                .body("rows[0].agentId", equalTo(agent.toString()))
                .body("rows[0].compensationSpentFen", equalTo(1000));
    }

    @Test
    void aStatusNeverMovesBack() {
        String shop = TestData.uniqueShop();
        String order = "O-" + UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        Compensation paid = compensation(shop, order, null, agent, 800);
        Compensation rejected = compensation(shop, order, null, agent, 3000);
        Instant at = TestClock.hoursAgo(1).truncatedTo(ChronoUnit.MILLIS);
        send(paid, CompensationEventV1.PAID, at);
        send(rejected, CompensationEventV1.REQUESTED, at);
        send(paid, CompensationEventV1.REQUESTED, at.minusSeconds(600)); // late: after paid
        send(paid, CompensationEventV1.APPROVED, at.minusSeconds(300)); // late too
        send(rejected, CompensationEventV1.REJECTED, at.plusSeconds(60));

        awaitStatus(rejected.id(), "REJECTED");
        assertThat(stored(rejected.id())).containsEntry("paid_at", null).containsEntry("amount_fen", 3000L);
        Map<String, Object> row = stored(paid.id());
        assertThat(row).containsEntry("status", "PAID").containsEntry("amount_fen", 800L);
        assertThat(instant(row.get("paid_at"))).isEqualTo(at);
    }

    @Test
    void aCompensationWithoutTicketJoinsTheOrdersOpenTicketOnly() {
        String shop = TestData.uniqueShop();
        String openOrder = "O-" + UUID.randomUUID();
        UUID open = seed.openTicket(shop, openOrder);
        String closedOrder = "O-" + UUID.randomUUID();
        seed.close(seed.openTicket(shop, closedOrder));
        UUID named = UUID.randomUUID();
        // another shop's open ticket of the same order id is not this shop's
        seed.openTicket(TestData.uniqueShop(), closedOrder);

        Compensation toOpen = compensation(shop, openOrder, null, null, 100);
        Compensation toClosed = compensation(shop, closedOrder, null, null, 200);
        Compensation explicit = compensation(shop, openOrder, named, null, 300);
        // a supervisor without an agent id is named by their principal: not one of our agents
        Compensation bySupervisor =
                new Compensation(UUID.randomUUID(), shop, openOrder, null, shop + "/supervisor", 400);
        Instant at = TestClock.now();
        send(toOpen, CompensationEventV1.REQUESTED, at);
        send(toClosed, CompensationEventV1.REQUESTED, at);
        send(explicit, CompensationEventV1.REQUESTED, at);
        send(bySupervisor, CompensationEventV1.REQUESTED, at);

        assertThat(awaitStatus(toOpen.id(), "REQUESTED"))
                .containsEntry("ticket_id", open)
                .containsEntry("agent_id", null);
        assertThat(awaitStatus(toClosed.id(), "REQUESTED")).containsEntry("ticket_id", null);
        assertThat(awaitStatus(explicit.id(), "REQUESTED")).containsEntry("ticket_id", named);
        assertThat(awaitStatus(bySupervisor.id(), "REQUESTED"))
                .containsEntry("ticket_id", open)
                .containsEntry("agent_id", null);
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicAndTheNextGoodOneIsProcessed() {
        String shop = TestData.uniqueShop();
        String key = "O-" + UUID.randomUUID();
        send(key, "{this is not json", UUID.randomUUID().toString(), CompensationEventV1.PAID);
        send(key, "{}", UUID.randomUUID().toString(), "compensation.exploded.v9");
        send(
                key,
                "{\"shopId\": \"" + shop + "\", \"orderId\": \"" + key + "\"}",
                UUID.randomUUID().toString(),
                CompensationEventV1.APPROVED);
        send(key, "{}", null, null);
        Compensation good = compensation(shop, key, null, null, 600);
        send(good, CompensationEventV1.APPROVED, TestClock.now());

        assertThat(awaitStatus(good.id(), "APPROVED")).containsEntry("amount_fen", 600L);
        List<ConsumerRecord<String, String>> dead = awaitMatching(deadLetters, r -> key.equals(r.key()), 4, WAIT);
        assertThat(dead).hasSize(4);
        assertThat(dead.get(0).value()).isEqualTo("{this is not json");
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("not readable");
        assertThat(header(dead.get(1), "dead-letter-reason")).contains("compensation.exploded.v9");
        assertThat(header(dead.get(2), "dead-letter-reason"))
                .contains("is invalid")
                .contains("compensationId");
        assertThat(header(dead.get(3), "dead-letter-reason")).contains("ce_id");
        assertThat(select("SELECT count(*) AS n FROM ticket_compensation WHERE order_id = ?", key)
                        .get(0))
                .containsEntry("n", 1L);
    }

    static final Path PRODUCER_CONTRACT =
            Path.of("../compensation-service/src/main/resources/META-INF/resources/asyncapi.yaml");
    static final List<String> TYPES = List.of(
            CompensationEventV1.REQUESTED,
            CompensationEventV1.APPROVED,
            CompensationEventV1.REJECTED,
            CompensationEventV1.PAID);

    @Test
    void everyFieldWeReadIsDocumentedAndEveryFieldWeRequireIsAlwaysSent() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(PRODUCER_CONTRACT);
        for (String type : TYPES) {
            assertThat(ConsumerContract.mismatches(producer, type, CompensationEventV1.class))
                    .as(type)
                    .isEmpty();
        }
    }

    @Test
    void theProducersDocumentedExamplesAreReadableAndOurTestEventsMatchItsSchema() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(PRODUCER_CONTRACT);
        Compensation ours = compensation("demo-shop", "O-1", UUID.randomUUID(), UUID.randomUUID(), 1000);
        for (String type : TYPES) {
            String example = producer.examplePayloadOf(type).toString();
            CompensationEventV1 read = reader.read(
                    new IncomingEvent("e-1", type, null, null, null, "k", example, "t", 0, 0),
                    CompensationEventV1.class);
            assertThat(read.amountFen()).as(type).isPositive();
            assertThat(read.occurredAt()).as(type).isNotNull();
            String json = ours.json(WIRE_STATUS.get(type), Instant.parse("2026-11-24T03:00:00Z"));
            assertThat(producer.violations(type, new ObjectMapper().readTree(json)))
                    .as(type)
                    .isEmpty();
        }
    }

    @Test
    void wireTimestampsAreReadAsUtcInstants() {
        // compensation-service writes occurredAt as an ISO-8601 instant; an offset form must mean the same moment
        String shop = TestData.uniqueShop();
        String order = "O-" + UUID.randomUUID();
        Compensation c = compensation(shop, order, null, null, 100);
        Instant paidAt = TestClock.hoursAgo(1).truncatedTo(ChronoUnit.SECONDS);
        String json = c.json(WIRE_STATUS.get(CompensationEventV1.PAID), Instant.EPOCH)
                .replace("1970-01-01T00:00:00Z", TestClock.china(paidAt)); // e.g. …T08:00:00+08:00 for …T00:00:00Z
        send(order, json, UUID.randomUUID().toString(), CompensationEventV1.PAID);
        Map<String, Object> row = awaitStatus(c.id(), "PAID");
        assertThat(instant(row.get("paid_at"))).isEqualTo(paidAt);
    }
}
