package shop.winback.reporting;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs the reporting job until stopped (Ctrl-C). See README.md and {@code --help}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(JobConfig.usage());
            return;
        }
        JobConfig config;
        try {
            config = JobConfig.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(JobConfig.usage());
            System.exit(2);
            return;
        }
        prepareTopics(config.bootstrapServers(), config.topics());
        KafkaStreams streams = new KafkaStreams(
                ReportingTopology.build(
                        config.topics(), config.shops(), config.retention(), config.print() ? Main::print : null),
                config.streamsProperties());
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            streams.close();
                            stopped.countDown();
                        },
                        "reporting-shutdown"));
        streams.start();
        System.err.printf(
                "reporting job %s reading %s from %s, writing %s%n",
                config.applicationId(),
                config.topics().sources(),
                config.bootstrapServers(),
                config.topics().dailyFigures());
        stopped.await();
        if (streams.state() == KafkaStreams.State.ERROR) {
            System.exit(1);
        }
    }

    /**
     * Waits for the public topics (their services create them at startup: a job does not create another's topics) and
     * creates its output topic, compacted: the latest report of a shop-day is that day's figures.
     */
    private static void prepareTopics(String bootstrap, Topics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000))) {
            boolean told = false;
            while (true) {
                Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
                List<String> missing = topics.sources().stream()
                        .filter(t -> !existing.contains(t))
                        .toList();
                if (missing.isEmpty()) {
                    if (!existing.contains(topics.dailyFigures())) {
                        createOutput(admin, topics.dailyFigures());
                    }
                    return;
                }
                if (!told) {
                    System.err.println("waiting for the topics " + missing + " (start the services: deploy/run)");
                    told = true;
                }
                TimeUnit.SECONDS.sleep(2);
            }
        }
    }

    private static void createOutput(Admin admin, String name) throws Exception {
        NewTopic topic = new NewTopic(name, java.util.Optional.empty(), java.util.Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void print(DailyReport report) {
        try {
            System.out.println(JsonSerde.MAPPER.writeValueAsString(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
