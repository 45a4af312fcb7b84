package shop.winback.loadgen.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the system holds for one shop: the reviews, tickets and compensations databases over JDBC, and
 * reviews.v1 and tickets.v1 from the beginning with a plain consumer (assigned partitions, no group, nothing
 * committed). Records are told apart by their key (the order id, which starts with the shop id) and their
 * CloudEvents headers.
 */
final class Observer {

    static final String REVIEWS_TOPIC = "reviews.v1";
    static final String TICKETS_TOPIC = "tickets.v1";

    private final String shop;
    private final String jdbcBase;
    private final String dbUser;
    private final String dbPassword;
    private final String bootstrap;
    private final ObjectMapper json = new ObjectMapper();

    Observer(String shop, String jdbcBase, String dbUser, String dbPassword, String bootstrap) {
        this.shop = shop;
        this.jdbcBase = jdbcBase;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.bootstrap = bootstrap;
    }

    Observed observe() throws SQLException {
        Map<String, List<String>> storedReviews = new HashMap<>();
        Map<String, List<String>> ticketsOfReview = new HashMap<>();
        Map<String, Observed.Ticket> tickets = new HashMap<>();
        Map<String, List<String>> compensationsOfKey = new HashMap<>();
        Map<String, Observed.Compensation> compensations = new HashMap<>();
        query(
                "reviews",
                "SELECT platform_review_id, id::text FROM review WHERE shop_id = ?",
                rs -> storedReviews
                        .computeIfAbsent(str(rs, 1), k -> new ArrayList<>())
                        .add(str(rs, 2)));
        query(
                "tickets",
                "SELECT platform_review_id, ticket_id::text FROM ticket_review WHERE shop_id = ?",
                rs -> ticketsOfReview
                        .computeIfAbsent(str(rs, 1), k -> new ArrayList<>())
                        .add(str(rs, 2)));
        query(
                "tickets",
                "SELECT id::text, order_id, status, agent_id::text FROM ticket WHERE shop_id = ?",
                rs -> tickets.put(str(rs, 1), new Observed.Ticket(str(rs, 2), str(rs, 3), str(rs, 4))));
        query("compensations", "SELECT idem_key, compensation_id::text FROM idempotency_key WHERE shop_id = ?", rs -> {
            List<String> ids = compensationsOfKey.computeIfAbsent(str(rs, 1), k -> new ArrayList<>());
            if (str(rs, 2) != null) {
                ids.add(str(rs, 2));
            }
        });
        query(
                "compensations",
                """
                        SELECT c.id::text, c.status, count(l.id) FROM compensation c
                        LEFT JOIN ledger_entry l ON l.compensation_id = c.id
                        WHERE c.shop_id = ? GROUP BY c.id, c.status""",
                rs -> compensations.put(str(rs, 1), new Observed.Compensation(str(rs, 2), (int) num(rs, 3))));

        Map<String, Set<String>> reviewEvents = new HashMap<>();
        read(REVIEWS_TOPIC, r -> {
            if ("review.received.v1".equals(header(r, "ce_type")) && header(r, "ce_id") != null) {
                String reviewId = header(r, "ce_subject");
                if (reviewId == null) {
                    reviewId = field(r.value(), "reviewId");
                }
                reviewEvents.computeIfAbsent(reviewId, k -> new HashSet<>()).add(header(r, "ce_id"));
            }
        });
        Map<String, Map<String, String>> assignments = new HashMap<>();
        read(TICKETS_TOPIC, r -> {
            if ("ticket.assigned.v1".equals(header(r, "ce_type")) && header(r, "ce_id") != null) {
                String ticketId = header(r, "ce_subject");
                if (ticketId == null) {
                    ticketId = field(r.value(), "ticketId");
                }
                assignments
                        .computeIfAbsent(ticketId, k -> new HashMap<>())
                        .put(header(r, "ce_id"), String.valueOf(field(r.value(), "agentId")));
            }
        });
        return new Observed(
                storedReviews, reviewEvents, ticketsOfReview, tickets, assignments, compensationsOfKey, compensations);
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String database, String sql, Row row) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcBase + database, dbUser, dbPassword);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, shop);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    private static String str(ResultSet rs, int i) throws SQLException {
        return rs.getString(i);
    }

    private static long num(ResultSet rs, int i) throws SQLException {
        return rs.getLong(i);
    }

    /** Every record of the topic whose key starts with the shop id, from the beginning to the end as of now. */
    private void read(String topic, Consumer<ConsumerRecord<String, String>> each) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "winback-chaos-check");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        String prefix = shop + "-";
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 120 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        each.accept(r);
                    }
                }
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), Duration.ofSeconds(30)) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private String field(String value, String name) {
        try {
            JsonNode n = json.readTree(value == null ? "{}" : value).get(name);
            return n == null || n.isNull() ? null : n.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
