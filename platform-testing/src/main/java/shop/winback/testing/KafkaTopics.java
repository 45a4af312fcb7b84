package shop.winback.testing;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * KafkaCompanion pointed at whatever broker the application under test uses (the local one, or a
 * container of {@link TestInfra}). Tests share a broker with earlier runs, so they select records by a
 * marker of their own (a fresh shop or order id) instead of expecting exact counts.
 */
public final class KafkaTopics {

    private static KafkaCompanion companion;

    private KafkaTopics() {}

    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
            companion = new KafkaCompanion(bootstrap, Duration.ofSeconds(20));
        }
        return companion;
    }

    /** Consumes the topic from the beginning, in the background, until the test stops it. */
    public static ConsumerTask<String, String> watch(String topic) {
        return companion().consumeStrings().fromTopics(topic);
    }

    /** Waits until at least {@code count} records match, and returns all that do. */
    public static List<ConsumerRecord<String, String>> awaitMatching(
            ConsumerTask<String, String> task,
            Predicate<ConsumerRecord<String, String>> match,
            int count,
            Duration timeout) {
        await().atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> matching(task, match).size() >= count);
        return matching(task, match);
    }

    public static List<ConsumerRecord<String, String>> matching(
            ConsumerTask<String, String> task, Predicate<ConsumerRecord<String, String>> match) {
        return task.getRecords().stream().filter(match).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(String ceType) {
        return r -> ceType.equals(header(r, "ce_type"));
    }

    /**
     * Writes a record as another service publishes its events: CloudEvents in binary mode (the {@code ce_*}
     * headers, {@code ce_time} on the clock under test) and the JSON data as the value. {@code ceId} null writes no
     * CloudEvents headers at all, as a broken producer would.
     *
     * @param source the producing service, e.g. {@code /winback/review-service}
     * @param traceParent a W3C traceparent header, or null
     */
    public static void publish(
            String topic, String source, String key, String data, String ceId, String ceType, String traceParent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceParent != null) {
            headers.add("traceparent", traceParent.getBytes(StandardCharsets.UTF_8));
        }
        if (ceId != null) {
            headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            headers.add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
            headers.add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
            headers.add("ce_source", source.getBytes(StandardCharsets.UTF_8));
            headers.add("ce_time", TestClock.now().toString().getBytes(StandardCharsets.UTF_8));
        }
        companion()
                .produceStrings()
                .fromRecords(new ProducerRecord<>(topic, null, key, data, headers))
                .awaitCompletion();
    }

    public static void publish(String topic, String source, String key, String data, String ceId, String ceType) {
        publish(topic, source, key, data, ceId, ceType, null);
    }
}
