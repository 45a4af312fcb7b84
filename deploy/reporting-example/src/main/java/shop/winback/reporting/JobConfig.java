package shop.winback.reporting;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The job's settings, from {@code --name value} arguments, else the environment, else the defaults. Per-shop
 * settings are written {@code DEFAULT,shop=VALUE,...} ({@link PerShop}).
 */
public record JobConfig(
        String bootstrapServers,
        String applicationId,
        Topics topics,
        ShopSettings shops,
        Retention retention,
        String processingGuarantee,
        String stateDir,
        boolean print) {

    /** option, environment variable, default, what it is */
    static final String[][] OPTIONS = {
        {"--bootstrap", "KAFKA_BOOTSTRAP", "127.0.0.1:9092", "Kafka bootstrap servers (also KAFKA_BOOTSTRAP_SERVERS)"},
        {
            "--application-id",
            "REPORTING_APPLICATION_ID",
            "winback-reporting-example",
            "Kafka Streams application id: consumer group, state and internal topic prefix"
        },
        {"--zones", "REPORTING_ZONES", "Asia/Shanghai", "each shop's time zone: DEFAULT,shop=ZONE,..."},
        {"--buyer-value-fen", "REPORTING_BUYER_VALUE_FEN", "3000", "a recovered buyer's value: DEFAULT,shop=FEN,..."},
        {
            "--avoided-bad-review-cost-fen",
            "REPORTING_AVOIDED_BAD_REVIEW_COST_FEN",
            "0",
            "the avoided cost of a bad review per recovery: DEFAULT,shop=FEN,..."
        },
        {"--incentive-neutral-fen", "REPORTING_INCENTIVE_NEUTRAL_FEN", "300", "incentive per recovered neutral ticket"},
        {"--incentive-bad-fen", "REPORTING_INCENTIVE_BAD_FEN", "500", "incentive per recovered bad ticket"},
        {
            "--processing-guarantee",
            "REPORTING_PROCESSING_GUARANTEE",
            StreamsConfig.EXACTLY_ONCE_V2,
            "exactly_once_v2 (a restart neither loses nor double counts) or at_least_once"
        },
        {"--state-dir", "REPORTING_STATE_DIR", "", "where the local state stores live (default: Kafka Streams')"},
        {"--reviews-topic", "REPORTING_REVIEWS_TOPIC", "reviews.v1", "review-service's events"},
        {"--tickets-topic", "REPORTING_TICKETS_TOPIC", "tickets.v1", "ticket-service's events"},
        {"--compensations-topic", "REPORTING_COMPENSATIONS_TOPIC", "compensations.v1", "compensation-service's events"},
        {"--output-topic", "REPORTING_OUTPUT_TOPIC", "reporting.daily-figures.v1", "where the daily reports go"},
        {"--print", "REPORTING_PRINT", "false", "true: also print each report as a JSON line on stdout"},
    };

    /**
     * @throws IllegalArgumentException for an unknown option or a bad value, naming it
     */
    static JobConfig from(String[] args, Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (option(name) == null) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (name.equals("--print")) {
                given.put(name, "true");
            } else if (i + 1 < args.length) {
                given.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        Function<String, String> value = name -> {
            String[] o = option(name);
            String v = given.getOrDefault(name, env.get(o[1]));
            if (v == null && name.equals("--bootstrap")) {
                v = env.get("KAFKA_BOOTSTRAP_SERVERS");
            }
            return v == null || v.isBlank() ? o[2] : v;
        };
        ShopSettings shops = new ShopSettings(
                PerShop.parse(value.apply("--zones"), ShopSettings.DEFAULT_ZONE, ZoneId::of),
                fen(value.apply("--buyer-value-fen"), ShopSettings.DEFAULT_BUYER_VALUE_FEN, "--buyer-value-fen"),
                fen(
                        value.apply("--avoided-bad-review-cost-fen"),
                        ShopSettings.DEFAULT_AVOIDED_BAD_REVIEW_COST_FEN,
                        "--avoided-bad-review-cost-fen"),
                fen(
                        value.apply("--incentive-neutral-fen"),
                        ShopSettings.DEFAULT_INCENTIVE_NEUTRAL_FEN,
                        "--incentive-neutral-fen"),
                fen(value.apply("--incentive-bad-fen"), ShopSettings.DEFAULT_INCENTIVE_BAD_FEN, "--incentive-bad-fen"));
        String guarantee = value.apply("--processing-guarantee");
        if (!guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) && !guarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new IllegalArgumentException(
                    "--processing-guarantee: exactly_once_v2 or at_least_once, not " + guarantee);
        }
        Topics topics = new Topics(
                value.apply("--reviews-topic"),
                value.apply("--tickets-topic"),
                value.apply("--compensations-topic"),
                value.apply("--output-topic"));
        return new JobConfig(
                value.apply("--bootstrap"),
                value.apply("--application-id"),
                topics,
                shops,
                Retention.defaults(),
                guarantee,
                value.apply("--state-dir"),
                Boolean.parseBoolean(value.apply("--print")));
    }

    Properties streamsProperties() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(
                StreamsConfig.consumerPrefix("auto.offset.reset"),
                "earliest"); // a new job counts the topics' whole history
        // Before taking the next event by timestamp across the three topics, wait (up to this) for a topic that lags
        // behind: a ticket's review should be read before the ticket, to break the ticket down by the review's
        // complaint reasons. Costs nothing when every partition is caught up.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 2_000L);
        if (!stateDir.isBlank()) {
            p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        }
        return p;
    }

    static String usage() {
        StringBuilder s = new StringBuilder("""
                Usage: reporting-example [options]
                Computes each shop's daily recovery figures from reviews.v1, tickets.v1 and compensations.v1 and writes
                them to reporting.daily-figures.v1 (key shopId|yyyy-MM-dd). Each option may come from the environment.
                """);
        for (String[] o : OPTIONS) {
            s.append(String.format(
                    "  %-32s %-40s default %s%n      %s%n", o[0], "(" + o[1] + ")", o[2].isEmpty() ? "-" : o[2], o[3]));
        }
        return s.toString();
    }

    private static PerShop<Long> fen(String spec, long fallback, String option) {
        try {
            return PerShop.parse(spec, fallback, v -> {
                long fen = Long.parseLong(v);
                if (fen < 0) {
                    throw new IllegalArgumentException("negative");
                }
                return fen;
            });
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static String[] option(String name) {
        for (String[] o : OPTIONS) {
            if (o[0].equals(name)) {
                return o;
            }
        }
        return null;
    }
}
