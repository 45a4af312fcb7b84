package shop.winback.reporting;

import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * public topics → (once per ce_id) what each event adds to a shop-day → re-keyed by {@code shopId|date} → summed per
 * day → {@link DailyReport} on {@code reporting.daily-figures.v1} ({@link Topics}).
 */
public final class ReportingTopology {

    /** The per-day aggregates, queryable by {@code shopId|date}. */
    public static final String DAILY_STORE = "daily-figures";

    private ReportingTopology() {}

    /**
     * @param print called with each report as it is written (e.g. to print it); may be null
     */
    public static Topology build(
            Topics topics, ShopSettings settings, Retention retention, Consumer<DailyReport> print) {
        Serde<DayFigures> dayFigures = new JsonSerde<>(DayFigures.class);
        StreamsBuilder builder = new StreamsBuilder();
        // event ids in a window store: segments older than the retention are dropped whole, no scan
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                        EventCounter.SEEN_STORE, retention.eventIds().multipliedBy(2), retention.eventIds(), false),
                Serdes.String(),
                Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(EventCounter.ORDERS_STORE),
                Serdes.String(),
                new JsonSerde<>(OrderFacts.class)));
        var reports = builder.stream(
                        topics.sources(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("public-events"))
                .process(
                        () -> new EventCounter(settings, retention),
                        Named.as("count-events"),
                        EventCounter.SEEN_STORE,
                        EventCounter.ORDERS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), dayFigures).withName("by-shop-day"))
                .groupByKey(Grouped.with(Serdes.String(), dayFigures))
                .reduce(
                        DayFigures::plus,
                        Materialized.<String, DayFigures, KeyValueStore<Bytes, byte[]>>as(DAILY_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(dayFigures))
                .toStream(Named.as("days"))
                .mapValues((key, day) -> DailyReport.of(DayKey.parse(key), day, settings), Named.as("report"));
        if (print != null) {
            reports = reports.peek((key, report) -> print.accept(report), Named.as("print"));
        }
        reports.to(
                topics.dailyFigures(),
                Produced.with(Serdes.String(), new JsonSerde<>(DailyReport.class))
                        .withName("daily-figures-out"));
        return builder.build();
    }
}
