package shop.winback.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static shop.winback.testing.KafkaTopics.awaitMatching;
import static shop.winback.testing.KafkaTopics.header;
import static shop.winback.testing.KafkaTopics.ofType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.Published;
import shop.winback.ticket.config.TicketConfig;

/** agents.v1: hiring an agent publishes agent.hired.v1 as documented, and agents hired before the topic existed are published once. */
@QuarkusTest
class AgentEventsTests {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String BACKFILL = "db/migration/V12__publish_agents_hired_before_agents_topic.sql";

    @Inject
    TicketConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    ConsumerTask<String, String> agents;

    @BeforeEach
    void watch() {
        agents = KafkaTopics.watch(config.agentsTopic());
    }

    @AfterEach
    void stopWatching() {
        agents.close();
    }

    @Test
    void hiringAnAgentPublishesAgentHiredKeyedByAgentIdWithoutTheirName() throws Exception {
        String shop = TestData.uniqueShop();
        String name = "小王-" + UUID.randomUUID().toString().substring(0, 6);
        String agentId = TestData.hire(shop, name, "AFTER_SALES", 5, "OFFLINE");

        ConsumerRecord<String, String> hired =
                awaitMatching(agents, r -> agentId.equals(r.key()), 1, WAIT).get(0);
        assertThat(ofType("agent.hired.v1").test(hired)).isTrue();
        assertThat(header(hired, "ce_subject")).isEqualTo(agentId);
        assertThat(header(hired, "ce_source")).isEqualTo("/winback/ticket-service");
        JsonNode data = json.readTree(hired.value());
        assertThat(AsyncApiContract.ofClasspath().violations("agent.hired.v1", data))
                .isEmpty();
        assertThat(data.get("agentId").asText()).isEqualTo(agentId);
        assertThat(data.get("shopId").asText()).isEqualTo(shop);
        assertThat(data.get("tier").asText()).isEqualTo("AFTER_SALES");
        assertThat(hired.value()).as("no names in events").doesNotContain(name);

        // a change of status or capacity is not a hire: still the one event
        TestData.setStatus(shop, agentId, "ONLINE");
        assertThat(Published.onTopic(config.agentsTopic(), () -> unsent(agentId), r -> agentId.equals(r.key())))
                .hasSize(1);
    }

    /**
     * The migration that publishes agents hired before agents.v1 existed, run again for one agent (a
     * temporary table named agent stands in for the real one): it writes what a hire writes.
     */
    @Test
    void theBackfillOfEarlierAgentsPublishesWhatAHirePublishes() throws Exception {
        String shop = TestData.uniqueShop();
        String agentId = TestData.hire(shop, "老李", "REVIEW_RECOVERY", 5, "OFFLINE");
        JsonNode hired = json.readTree(awaitMatching(agents, r -> agentId.equals(r.key()), 1, WAIT)
                .get(0)
                .value());

        String backfill = migration().replace("${agents_topic}", config.agentsTopic());
        QuarkusTransaction.requiringNew().run(() -> {
            Jdbc.update(
                    dataSource,
                    "CREATE TEMP TABLE agent ON COMMIT DROP AS SELECT * FROM agent WHERE id = '"
                            + UUID.fromString(agentId) + "'",
                    (s, c) -> {});
            Jdbc.update(dataSource, backfill, (s, c) -> {});
        });

        List<ConsumerRecord<String, String>> both = awaitMatching(agents, r -> agentId.equals(r.key()), 2, WAIT);
        assertThat(both).hasSize(2);
        ConsumerRecord<String, String> again = both.get(1);
        assertThat(ofType("agent.hired.v1").test(again)).isTrue();
        assertThat(header(again, "ce_subject")).isEqualTo(agentId);
        JsonNode data = json.readTree(again.value());
        assertThat(AsyncApiContract.ofClasspath().violations("agent.hired.v1", data))
                .isEmpty();
        assertThat(data.get("agentId")).isEqualTo(hired.get("agentId"));
        assertThat(data.get("shopId")).isEqualTo(hired.get("shopId"));
        assertThat(data.get("tier")).isEqualTo(hired.get("tier"));
        // the database keeps microseconds, rounded
        assertThat(Instant.parse(data.get("hiredAt").asText()))
                .isCloseTo(Instant.parse(hired.get("hiredAt").asText()), within(1, ChronoUnit.MICROS));
    }

    long unsent(String key) {
        return Jdbc.query(
                        dataSource,
                        "SELECT count(*) FROM outbox_event WHERE message_key = ?",
                        (s, c) -> s.setString(1, key),
                        row -> row.getLong(1))
                .get(0);
    }

    private static String migration() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BACKFILL)) {
            assertThat(in).as(BACKFILL).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
