package shop.winback.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The reporting example (deploy/reporting-example) started as its README says, by its one command
 * {@code deploy/reporting-example/run} (which builds it when needed), on this stack's topics, its output read back
 * as an integrator would: JSON from the output topic, no class of the job's.
 */
final class ReportingJob implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String outputTopic;
    private final Process process;
    private final Path log;

    private ReportingJob(String outputTopic, Process process, Path log) {
        this.outputTopic = outputTopic;
        this.process = process;
        this.log = log;
    }

    static ReportingJob start(Stack stack) throws IOException {
        Path root = Path.of(System.getProperty("winback.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path logs = root.resolve("system-tests/target/service-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve("reporting-example-" + stack.runId + ".log");
        String output = "reporting.daily-figures.v1-e2e-" + stack.runId;
        ProcessBuilder builder = new ProcessBuilder(
                        root.resolve("deploy/reporting-example/run").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP", Stack.bootstrapServers());
        env.put("REPORTING_APPLICATION_ID", "reporting-e2e-" + stack.runId);
        env.put("REPORTING_REVIEWS_TOPIC", stack.reviewsTopic);
        env.put("REPORTING_TICKETS_TOPIC", stack.ticketsTopic);
        env.put("REPORTING_COMPENSATIONS_TOPIC", stack.compensationsTopic);
        env.put("REPORTING_OUTPUT_TOPIC", output);
        env.put(
                "REPORTING_STATE_DIR",
                root.resolve("system-tests/target/reporting-state/" + stack.runId)
                        .toString());
        env.put("REPORTING_PRINT", "false");
        return new ReportingJob(output, builder.start(), log);
    }

    /**
     * The job's figures of {@code shop}, by local day: the latest report of each {@code shop|date} key on the output
     * topic, read to its end.
     */
    SortedMap<LocalDate, JsonNode> figures(String shop) {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "the reporting job exited with " + process.exitValue() + "; log:\n" + tail());
        }
        SortedMap<LocalDate, JsonNode> days = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", // the job writes in transactions
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(outputTopic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(outputTopic, p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return days; // the job has not written yet
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    int bar = r.key().lastIndexOf('|');
                    if (r.key().substring(0, bar).equals(shop)) {
                        days.put(LocalDate.parse(r.key().substring(bar + 1)), JSON.readTree(r.value()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("a report that is not JSON", e);
        }
        return days;
    }

    /** A count of the job's figures (e.g. "total.recovered", "byAgent.<id>.recovered") summed over the days. */
    static long sum(Map<LocalDate, JsonNode> days, String path) {
        long sum = 0;
        for (JsonNode day : days.values()) {
            JsonNode node = day;
            for (String name : path.split("\\.")) {
                node = node.path(name);
            }
            sum += node.asLong(0);
        }
        return sum;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        // the run script execs the JVM: this is the job's own process, which closes its streams on SIGTERM
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
