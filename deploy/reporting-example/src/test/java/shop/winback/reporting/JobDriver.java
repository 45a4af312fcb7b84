package shop.winback.reporting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The job's topology on a {@link TopologyTestDriver}: pipe public events in, read the latest report per shop-day. */
final class JobDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private final TestOutputTopic<String, DailyReport> output;
    private final Map<String, DailyReport> latest = new HashMap<>();

    JobDriver(ShopSettings settings) {
        this(settings, Retention.defaults());
    }

    JobDriver(ShopSettings settings, Retention retention) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reporting-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0); // a report per event, to read at once
        try { // under target/, not the OS temp directory (Kafka Streams warns of that)
            Path states = Files.createDirectories(Path.of("target", "streams-state"));
            props.put(
                    StreamsConfig.STATE_DIR_CONFIG,
                    Files.createTempDirectory(states, "reporting-test").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        driver = new TopologyTestDriver(ReportingTopology.build(PublicEvents.TOPICS, settings, retention, null), props);
        for (String topic : PublicEvents.TOPICS.sources()) {
            inputs.put(
                    topic,
                    driver.createInputTopic(
                            topic,
                            Serdes.String().serializer(),
                            Serdes.ByteArray().serializer()));
        }
        output = driver.createOutputTopic(
                PublicEvents.TOPICS.dailyFigures(),
                Serdes.String().deserializer(),
                new JsonSerde<>(DailyReport.class).deserializer());
    }

    JobDriver() {
        this(ShopSettings.defaults());
    }

    JobDriver pipe(PublicEvents.Event... events) {
        for (PublicEvents.Event e : events) {
            inputs.get(e.topic()).pipeInput(e.record());
        }
        return this;
    }

    /** The latest report of the shop-day; empty figures (no report) when nothing was counted on it. */
    DailyReport day(String shop, LocalDate date) {
        latest.putAll(output.readKeyValuesToMap());
        return latest.get(new DayKey(shop, date).toString());
    }

    FiguresView total(LocalDate date) {
        DailyReport report = day(PublicEvents.SHOP, date);
        return report == null ? null : report.total();
    }

    /** Every report key written so far. */
    java.util.Set<String> keys() {
        latest.putAll(output.readKeyValuesToMap());
        return latest.keySet();
    }

    @Override
    public void close() {
        driver.close();
    }
}
