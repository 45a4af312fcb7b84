package shop.winback.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Command-line settings of one bench run. Parsing is pure (args + environment in, record out) so it can be unit tested.
 */
public record Options(
        double rate,
        double negativeShare,
        Duration duration,
        Duration warmup,
        Duration drain,
        int agents,
        int maxInFlight,
        Duration floorDuration,
        URI reviewUrl,
        URI ticketUrl,
        String bootstrap,
        String ticketsTopic,
        String token,
        String shopId,
        int batchSize) {

    /** Review ids are the shop id plus 14 characters ("-M-O-0000042-1") and may be at most 64 long. */
    static final int MAX_SHOP_ID_LENGTH = 50;
    /** The most reviews POST /api/v1/reviews:batch takes in one call. */
    static final int MAX_BATCH = 1000;
    /** What the services accept as a shop id. */
    private static final Pattern SHOP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public static final String USAGE = """
            usage: deploy/bench [options]

            Open-loop benchmark: POST reviews to review-service at a fixed rate and measure, per NEUTRAL/BAD
            review, the time from its intended send time until ticket.assigned.v1 for it is seen on tickets.v1.
            Also measures a Kafka floor (two produce->consume hops through the same broker) for comparison.

            options (durations accept 500ms, 15s, 2m or plain seconds):
              --rate N            reviews per second (default 1000)
              --negative X        share of NEUTRAL+BAD reviews, 0..1 or percent like 10% (default 0.10);
                                  negatives split BAD/NEUTRAL 70/30
              --duration D        measured sending time (default 60s; use at least 30s for the goal scenario)
              --warmup D          unmeasured sending at the same rate before measuring (default 30s: on 2 cores the
                                JITs compile for tens of seconds); the backlog it leaves is worked off before measuring
              --drain D           how long to wait for outstanding ticket.assigned.v1 after sending (default 15s)
              --agents N          agents created for the bench shop (default 10, capacity 10000 each)
              --max-inflight N    cap on concurrent HTTP requests (default 256)
              --batch N           send the reviews N at a time (1..1000) through POST /api/v1/reviews:batch
                                  instead of one POST each; --rate stays reviews per second (rate/N requests
                                  per second). Default off (single posts)
              --floor-duration D  measured time of the Kafka floor probe, 0 to skip (default 15s)
              --review-url URL    review-service base URL (default http://127.0.0.1:8081)
              --ticket-url URL    ticket-service base URL (default http://127.0.0.1:8082)
              --bootstrap HOSTS   Kafka bootstrap servers (default $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)
              --tickets-topic T   topic carrying the ticket events (default tickets.v1; for rehearsals)
              --token JWT         bearer token sent on every HTTP request (default $BENCH_TOKEN; none if unset);
                                  deploy/bench, given neither, mints one (roles integration, manager) for the
                                  bench shop with the local key in .local/secrets, if there is one
              --shop ID           the bench shop: the token's shop, owner of the agents and reviews (default a
                                  fresh bench-<6 hex> per run). Review ids derive from it, so a shop already
                                  benched gets its reviews answered as repeats: use a new one for every run
              -h, --help          print this help

            output ends with one line per scenario:
              BENCH review_to_assigned rate=... negative=... sent=... tickets=... p50_ms=... p99_ms=... max_ms=...
                    floor_p99_ms=... ratio_p99=... lost=... duplicated=...
              BENCH ingest reviews_per_s=... p99_ms=... errors=...           (single posts)
              BENCH ingest_batch batch=N reviews_per_s=... p50_ms=... p99_ms=... errors=...   (with --batch)
            """;

    /** Thrown for a bad command line; the message is shown with the usage text. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** Result of parsing: either options to run with, or a request for help. */
    public sealed interface Parsed permits Run, Help {
    }

    public record Run(Options options) implements Parsed {
    }

    public record Help() implements Parsed {
    }

    public static Parsed parse(String[] args, Map<String, String> env) throws UsageException {
        double rate = 1000;
        double negative = 0.10;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(30);
        Duration drain = Duration.ofSeconds(15);
        int agents = 10;
        int maxInFlight = 256;
        Duration floor = Duration.ofSeconds(15);
        String reviewUrl = "http://127.0.0.1:8081";
        String ticketUrl = "http://127.0.0.1:8082";
        String bootstrap = nonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS"), "127.0.0.1:9092");
        String ticketsTopic = TicketWatcher.DEFAULT_TOPIC;
        String token = nonBlank(env.get("BENCH_TOKEN"), null);
        String shopId = null;
        int batchSize = 0;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return new Help();
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument: " + arg);
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg;
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--rate" -> rate = positiveDouble(name, value);
                case "--negative" -> negative = share(name, value);
                case "--duration" -> duration = positiveDuration(name, value);
                case "--warmup" -> warmup = duration(name, value);
                case "--drain" -> drain = duration(name, value);
                case "--agents" -> agents = positiveInt(name, value);
                case "--max-inflight" -> maxInFlight = positiveInt(name, value);
                case "--floor-duration" -> floor = duration(name, value);
                case "--review-url" -> reviewUrl = value;
                case "--ticket-url" -> ticketUrl = value;
                case "--bootstrap" -> bootstrap = requireNonBlank(name, value);
                case "--tickets-topic" -> ticketsTopic = requireNonBlank(name, value);
                case "--token" -> token = nonBlank(value, null);
                case "--shop" -> shopId = shopId(name, value);
                case "--batch" -> batchSize = batchSize(name, value);
                default -> throw new UsageException("unknown option: " + name);
            }
        }
        return new Run(new Options(rate, negative, duration, warmup, drain, agents, maxInFlight, floor,
                baseUrl("--review-url", reviewUrl), baseUrl("--ticket-url", ticketUrl), bootstrap, ticketsTopic, token,
                shopId, batchSize));
    }

    /** Accepts "500ms", "15s", "2m" or a plain number of seconds (fractions allowed). */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        double factorMs;
        String number;
        if (t.endsWith("ms")) {
            factorMs = 1;
            number = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            factorMs = 1000;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factorMs = 60_000;
            number = t.substring(0, t.length() - 1);
        } else {
            factorMs = 1000;
            number = t;
        }
        double value = Double.parseDouble(number);
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            throw new NumberFormatException("negative or not finite: " + text);
        }
        return Duration.ofNanos(Math.round(value * factorMs * 1_000_000d));
    }

    private static Duration duration(String name, String value) throws UsageException {
        try {
            return parseDuration(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": not a duration: " + value);
        }
    }

    private static Duration positiveDuration(String name, String value) throws UsageException {
        Duration d = duration(name, value);
        if (d.isZero()) {
            throw new UsageException(name + " must be greater than zero");
        }
        return d;
    }

    private static double positiveDouble(String name, String value) throws UsageException {
        try {
            double d = Double.parseDouble(value);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new UsageException(name + " must be greater than zero: " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": not a number: " + value);
        }
    }

    /** "0.1", "10%" both mean ten percent. */
    private static double share(String name, String value) throws UsageException {
        try {
            String v = value.trim();
            double d = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100d : Double.parseDouble(v);
            if (!(d >= 0 && d <= 1)) {
                throw new UsageException(name + " must be between 0 and 1 (or 0%..100%): " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": not a number: " + value);
        }
    }

    private static int positiveInt(String name, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n <= 0) {
                throw new UsageException(name + " must be greater than zero: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": not an integer: " + value);
        }
    }

    private static int batchSize(String name, String value) throws UsageException {
        int n = positiveInt(name, value);
        if (n > MAX_BATCH) {
            throw new UsageException(name + " must be at most " + MAX_BATCH + " (the most one batch call takes): " + value);
        }
        return n;
    }

    private static URI baseUrl(String name, String value) throws UsageException {
        String v = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            URI uri = URI.create(v);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UsageException(name + ": not an http(s) URL: " + value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": not a URL: " + value);
        }
    }

    private static String shopId(String name, String value) throws UsageException {
        String v = value.trim();
        if (!SHOP_ID.matcher(v).matches()) {
            throw new UsageException(name + " must be letters, digits, '.', '_' or '-', starting with a letter or digit: " + value);
        }
        if (v.length() > MAX_SHOP_ID_LENGTH) {
            throw new UsageException(name + " must be at most " + MAX_SHOP_ID_LENGTH + " characters: " + value);
        }
        return v;
    }

    private static String requireNonBlank(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " must not be empty");
        }
        return value.trim();
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Keeps the bearer token out of any log line. */
    @Override
    public String toString() {
        return "Options[rate=" + rate + ", negativeShare=" + negativeShare + ", duration=" + duration + ", warmup=" + warmup
                + ", drain=" + drain + ", agents=" + agents + ", maxInFlight=" + maxInFlight + ", floorDuration=" + floorDuration
                + ", reviewUrl=" + reviewUrl + ", ticketUrl=" + ticketUrl + ", bootstrap=" + bootstrap + ", ticketsTopic=" + ticketsTopic
                + ", token=" + (token == null ? "none" : "***") + ", shopId=" + (shopId == null ? "fresh" : shopId)
                + ", batchSize=" + (batchSize == 0 ? "off" : batchSize) + "]";
    }

    /** True with --batch: reviews go through POST /api/v1/reviews:batch, {@link #batchSize} at a time. */
    public boolean batched() {
        return batchSize > 0;
    }

    /** Negative reviews per second: the rate the floor probe uses, at least one a second. */
    public double negativeRate() {
        return Math.max(1d, rate * negativeShare);
    }

    /** Number of reviews a phase of the given length sends at {@link #rate} (in batches of {@link #batchSize} with --batch). */
    public long requestsIn(Duration phase) {
        return (long) Math.floor(rate * phase.toNanos() / 1e9);
    }
}
