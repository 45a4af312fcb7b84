package shop.winback.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import shop.winback.loadgen.proc.Pids;

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
        int batchSize,
        boolean rampWarmup,
        Modes modes) {

    /** What a run measures: the normal run, or one of the modes of issue 14. */
    public enum Mode {
        NORMAL,
        FOOTPRINT,
        BACKLOG,
        HISTORY,
        SCALE
    }

    /**
     * The settings of the modes (and what a normal run needs to measure CPU and memory).
     *
     * @param pids          --pids: the processes whose CPU and RSS are measured
     * @param control       --control: deploy/run, to stop and start services (footprint, backlog, scale)
     * @param backlog       reviews of --backlog
     * @param historyReviews --history-reviews
     * @param historyOpenTickets --history-open-tickets
     * @param shops         --shops (scale)
     * @param instances     --instances (scale)
     * @param scaleReviews  --scale-reviews: negative reviews queued for each measurement of scale
     * @param jwtKey        --jwt-key: the local signing key, to mint one token per shop (scale)
     * @param jdbcUrl       --jdbc: jdbc:postgresql://host:port/ of the services' databases (history)
     * @param giveUp        --give-up: longest wait for a backlog to be worked off (backlog, scale)
     * @param secondTicketPort --second-ticket-port: HTTP port of a second ticket-service instance (scale)
     */
    public record Modes(
            Mode mode,
            Pids pids,
            String control,
            int backlog,
            long historyReviews,
            long historyOpenTickets,
            int shops,
            int instances,
            int scaleReviews,
            String jwtKey,
            String jdbcUrl,
            String dbUser,
            String dbPassword,
            String reviewsDb,
            String ticketsDb,
            Duration giveUp,
            int secondTicketPort) {

        /** Keeps the database password out of any log line. */
        @Override
        public String toString() {
            return "Modes[mode=" + mode + ", pids=" + pids + ", control=" + control + ", backlog=" + backlog
                    + ", historyReviews=" + historyReviews + ", historyOpenTickets=" + historyOpenTickets + ", shops="
                    + shops
                    + ", instances=" + instances + ", scaleReviews=" + scaleReviews + ", jwtKey=" + jwtKey
                    + ", jdbcUrl="
                    + jdbcUrl + ", dbUser=" + dbUser + ", dbPassword=" + (dbPassword == null ? "none" : "***")
                    + ", reviewsDb=" + reviewsDb + ", ticketsDb=" + ticketsDb + ", giveUp=" + giveUp
                    + ", secondTicketPort=" + secondTicketPort + "]";
        }
    }

    /** Default of --backlog when given without a number: the goal's 100,000 reviews. */
    static final int DEFAULT_BACKLOG = 100_000;
    /** Most instances --instances starts (the extra ones on --second-ticket-port and the ports after it). */
    static final int MAX_INSTANCES = 4;

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
              --warmup D          unmeasured sending before measuring (default 30s: on 2 cores the JITs compile for
                                  tens of seconds): ramps linearly from 10% of --rate to --rate over its first half,
                                  then --rate for its second half; the backlog it leaves is worked off before measuring
              --no-ramp           warm up at the full --rate from the first second instead
              --drain D           how long to wait for outstanding ticket.assigned.v1 after sending (default 15s)
              --agents N          agents created for the bench shop (default 10, more when the run's tickets would
                                  fill them; capacity 10000 each)
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

            measuring CPU and memory (every normal run prints BENCH cost, jit and footprint after the lines above):
              --pids SPEC         the processes to measure, e.g. review=123,ticket=456,ticket2=789,postgres=42,kafka=77
                                  (compensation=, logistics= for the footprint; several of one role are summed);
                                  deploy/bench finds them. A role without a pid is printed n/a
              --control PATH      deploy/run, to stop and start services (footprint, backlog, scale; deploy/bench sets it)

            modes (one at a time; each prints its own BENCH line):
              --footprint         restart each service alone and time it to ready, the same for the bare app
                                  (deploy/bare-app), print RSS and start times (BENCH footprint)
              --backlog [N]       stop ticket-service, queue N negative reviews (default 100000) on reviews.v1, start it
                                  and time it until every one is assigned (BENCH backlog)
              --history           a fresh run, then load a history into the shop's databases, then the same run again
                                  (BENCH history), timing the recovery-economics report after each run (BENCH
                                  economics_query); with --history-reviews N (default 1000000) and
                                  --history-open-tickets N (default 100000, at most a tenth of the reviews)
              --shops N           scale: negative reviews over N shops (default 200) worked off at saturation by one and
                                  by --instances N ticket-service instances (default 2) (BENCH scale); with
                                  --scale-reviews N (default 50000 per measurement)
              --give-up D         longest wait for a queue to be worked off (backlog, scale; default 300s)
              --second-ticket-port P  HTTP port of the second ticket-service instance (default 8092)
              --jwt-key FILE      the local signing key (PKCS#8 PEM): scale mints one token per shop with it,
                                  history a manager's for the recovery-economics report (else it uses the token)
              --jdbc URL          jdbc:postgresql://HOST:PORT/ of the services' databases (history; default from
                                  $PGHOST/$PGPORT, else 127.0.0.1:5432); user --db-user (default $PGUSER or winback),
                                  password $PGPASSWORD; databases --reviews-db (reviews), --tickets-db (tickets)

            output ends with one line per scenario:
              BENCH review_to_assigned rate=... negative=... sent=... tickets=... p50_ms=... p99_ms=... max_ms=...
                    floor_p99_ms=... ratio_p99=... lost=... duplicated=...
              BENCH ingest reviews_per_s=... p99_ms=... errors=... shed=...                (single posts)
              BENCH ingest_batch batch=N reviews_per_s=... p50_ms=... p99_ms=... errors=... shed=...   (with --batch)
                    (shed: reviews answered 503 or 429, load shedding; errors: every other failure)
              BENCH cost rate=... review_cpu_ms_per_review=... ticket_cpu_ms_per_ticket=... postgres_cpu_ms_per_review=...
                    kafka_cpu_ms_per_review=... loadgen_cpu_ms_per_review=... compensation_cpu_ms_per_review=... logistics_cpu_ms_per_review=... window_s=... accepted=... tickets=...
              BENCH jit review_jit_share=... ticket_jit_share=... compensation_jit_share=... logistics_jit_share=...
                    kafka_jit_share=... loadgen_jit_share=... jit_cpu_ms_per_review=... window_s=...   (the JIT's part of it)
              BENCH footprint review_rss_mb=... ticket_rss_mb=... compensation_rss_mb=... logistics_rss_mb=... start_s=...
                    bare_start_s=... review_start_s=... ticket_start_s=... compensation_start_s=... logistics_start_s=...
                    bare_rss_mb=...
            the modes instead print one of
              BENCH backlog tickets=... seconds=... per_s=... ready_s=... first_s=... expected=... duplicated=...
                    double_assigned=...
              BENCH history reviews=... open_tickets=... p99_ms=... fresh_p99_ms=... ratio=... p50_ms=... fresh_p50_ms=...
                    load_s=... lost=...
                and then
              BENCH economics_query history_reviews=... history_rows=... calls=... month_p50_ms=... month_p99_ms=...
                    year_p50_ms=... year_p99_ms=... fresh_month_p99_ms=... fresh_year_p99_ms=... ratio_p99=... errors=...
              BENCH scale instances=... shops=... tickets_per_s=... single_instance_tickets_per_s=... speedup=...
                    double_assigned=... over_capacity=... tickets=... expected=...
            """;

    /** Thrown for a bad command line; the message is shown with the usage text. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** Result of parsing: either options to run with, or a request for help. */
    public sealed interface Parsed permits Run, Help {}

    public record Run(Options options) implements Parsed {}

    public record Help() implements Parsed {}

    public static Parsed parse(String[] args, Map<String, String> env) throws UsageException {
        double rate = 1000;
        double negative = 0.10;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(30);
        Duration drain = Duration.ofSeconds(15);
        int agents = 0; // 0: enough for the run (agentsFor)
        int maxInFlight = 256;
        Duration floor = Duration.ofSeconds(15);
        String reviewUrl = "http://127.0.0.1:8081";
        String ticketUrl = "http://127.0.0.1:8082";
        String bootstrap = nonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS"), "127.0.0.1:9092");
        String ticketsTopic = TicketWatcher.DEFAULT_TOPIC;
        String token = nonBlank(env.get("BENCH_TOKEN"), null);
        String shopId = null;
        int batchSize = 0;
        boolean rampWarmup = true;
        java.util.EnumSet<Mode> modes = java.util.EnumSet.noneOf(Mode.class);
        Pids pids = Pids.none();
        String control = null;
        int backlog = DEFAULT_BACKLOG;
        long historyReviews = 1_000_000;
        long historyOpenTickets = -1; // default: 100,000, at most a tenth of the history's reviews
        int shops = 200;
        int instances = 2;
        int scaleReviews = 50_000;
        String jwtKey = null;
        String pgHost = nonBlank(env.get("PGHOST"), "127.0.0.1");
        String jdbcUrl = "jdbc:postgresql://" + (pgHost.startsWith("/") ? "127.0.0.1" : pgHost) + ":"
                + nonBlank(env.get("PGPORT"), "5432") + "/";
        String dbUser = nonBlank(env.get("PGUSER"), "winback");
        String dbPassword = env.get("PGPASSWORD");
        String reviewsDb = "reviews";
        String ticketsDb = "tickets";
        Duration giveUp = Duration.ofSeconds(300);
        int secondTicketPort = 8092;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return new Help();
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument: " + arg);
            }
            // flags, without a value
            if (arg.equals("--footprint")) {
                modes.add(Mode.FOOTPRINT);
                continue;
            }
            if (arg.equals("--history")) {
                modes.add(Mode.HISTORY);
                continue;
            }
            if (arg.equals("--no-ramp")) {
                rampWarmup = false;
                continue;
            }
            if (arg.equals("--backlog") && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                modes.add(Mode.BACKLOG); // the goal's size
                continue;
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
                case "--footprint", "--history", "--no-ramp" -> throw new UsageException(name + " takes no value");
                case "--pids" -> pids = pids(name, value);
                case "--control" -> control = requireNonBlank(name, value);
                case "--backlog" -> {
                    modes.add(Mode.BACKLOG);
                    backlog = positiveInt(name, value);
                }
                case "--history-reviews" -> historyReviews = positiveInt(name, value);
                case "--history-open-tickets" -> historyOpenTickets = nonNegativeInt(name, value);
                case "--shops" -> {
                    modes.add(Mode.SCALE);
                    shops = positiveInt(name, value);
                }
                case "--instances" -> {
                    modes.add(Mode.SCALE);
                    instances = positiveInt(name, value);
                    if (instances > MAX_INSTANCES) {
                        throw new UsageException(name + " must be at most " + MAX_INSTANCES + ": " + value);
                    }
                }
                case "--scale-reviews" -> scaleReviews = positiveInt(name, value);
                case "--jwt-key" -> jwtKey = requireNonBlank(name, value);
                case "--jdbc" -> jdbcUrl = jdbcUrl(name, value);
                case "--db-user" -> dbUser = requireNonBlank(name, value);
                case "--reviews-db" -> reviewsDb = databaseName(name, value);
                case "--tickets-db" -> ticketsDb = databaseName(name, value);
                case "--give-up" -> giveUp = positiveDuration(name, value);
                case "--second-ticket-port" -> secondTicketPort = port(name, value);
                default -> throw new UsageException("unknown option: " + name);
            }
        }
        if (modes.size() > 1) {
            throw new UsageException("one mode at a time: "
                    + modes.stream()
                            .map(m -> "--" + m.name().toLowerCase(Locale.ROOT))
                            .toList() + " (--shops/--instances are the scale mode)");
        }
        Mode mode = modes.isEmpty() ? Mode.NORMAL : modes.iterator().next();
        if (historyOpenTickets < 0) {
            historyOpenTickets = Math.min(100_000, historyReviews / 10);
        }
        if (mode == Mode.HISTORY && shopId != null && shopId.length() > MAX_SHOP_ID_LENGTH - HISTORY_TAG_LENGTH) {
            throw new UsageException("--shop must be at most " + (MAX_SHOP_ID_LENGTH - HISTORY_TAG_LENGTH)
                    + " characters with --history (its second run tags the review ids)");
        }
        if (mode == Mode.HISTORY && historyOpenTickets > historyReviews) {
            throw new UsageException(
                    "--history-open-tickets (" + historyOpenTickets + ") cannot exceed --history-reviews ("
                            + historyReviews + "): each open ticket is one negative review's");
        }
        if (mode == Mode.SCALE && scaleReviews < shops) {
            throw new UsageException("--scale-reviews (" + scaleReviews + ") must be at least --shops (" + shops + ")");
        }
        Modes m = new Modes(
                mode,
                pids,
                control,
                backlog,
                historyReviews,
                historyOpenTickets,
                shops,
                instances,
                scaleReviews,
                jwtKey,
                jdbcUrl,
                dbUser,
                dbPassword,
                reviewsDb,
                ticketsDb,
                giveUp,
                secondTicketPort);
        Options options = new Options(
                rate,
                negative,
                duration,
                warmup,
                drain,
                agents,
                maxInFlight,
                floor,
                baseUrl("--review-url", reviewUrl),
                baseUrl("--ticket-url", ticketUrl),
                bootstrap,
                ticketsTopic,
                token,
                shopId,
                batchSize,
                rampWarmup,
                m);
        return new Run(agents > 0 ? options : options.withAgents(agentsFor(options.expectedTickets())));
    }

    /** Agents created when --agents is not given: 10, or more when the run's tickets would fill 10 (a long warm-up). */
    static final int DEFAULT_AGENTS = 10;

    /** Enough agents of {@link ServiceClient#AGENT_CAPACITY} for {@code tickets} and a fifth more. */
    static int agentsFor(long tickets) {
        long room = tickets + tickets / 5;
        return (int) Math.max(DEFAULT_AGENTS, (room + ServiceClient.AGENT_CAPACITY - 1) / ServiceClient.AGENT_CAPACITY);
    }

    /** Tickets the run should open: its warm-up's and measured negative reviews. */
    public long expectedTickets() {
        return (long) Math.floor((warmupReviews() + requestsIn(duration)) * negativeShare);
    }

    Options withAgents(int n) {
        return new Options(
                rate,
                negativeShare,
                duration,
                warmup,
                drain,
                n,
                maxInFlight,
                floorDuration,
                reviewUrl,
                ticketUrl,
                bootstrap,
                ticketsTopic,
                token,
                shopId,
                batchSize,
                rampWarmup,
                modes);
    }

    /** The second run of --history tags its review ids with "-H" after the shop id. */
    static final int HISTORY_TAG_LENGTH = 2;

    private static Pids pids(String name, String value) throws UsageException {
        try {
            return Pids.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    private static int nonNegativeInt(String name, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new UsageException(name + " must not be negative: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": not an integer: " + value);
        }
    }

    private static int port(String name, String value) throws UsageException {
        int p = positiveInt(name, value);
        if (p > 65535) {
            throw new UsageException(name + " must be a TCP port: " + value);
        }
        return p;
    }

    private static String jdbcUrl(String name, String value) throws UsageException {
        String v = value.trim();
        if (!v.startsWith("jdbc:postgresql://")) {
            throw new UsageException(name + " must look like jdbc:postgresql://HOST:PORT/: " + value);
        }
        return v.endsWith("/") ? v : v + "/";
    }

    private static String databaseName(String name, String value) throws UsageException {
        String v = value.trim();
        if (!v.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new UsageException(name + " must be a plain database name: " + value);
        }
        return v;
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
            double d =
                    v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100d : Double.parseDouble(v);
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
            throw new UsageException(
                    name + " must be at most " + MAX_BATCH + " (the most one batch call takes): " + value);
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
            throw new UsageException(
                    name + " must be letters, digits, '.', '_' or '-', starting with a letter or digit: " + value);
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
        return "Options[rate=" + rate + ", negativeShare=" + negativeShare + ", duration=" + duration + ", warmup="
                + warmup
                + ", drain=" + drain + ", agents=" + agents + ", maxInFlight=" + maxInFlight + ", floorDuration="
                + floorDuration
                + ", reviewUrl=" + reviewUrl + ", ticketUrl=" + ticketUrl + ", bootstrap=" + bootstrap
                + ", ticketsTopic=" + ticketsTopic
                + ", token=" + (token == null ? "none" : "***") + ", shopId=" + (shopId == null ? "fresh" : shopId)
                + ", batchSize=" + (batchSize == 0 ? "off" : batchSize) + ", rampWarmup=" + rampWarmup
                + ", modes=" + modes + "]";
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

    /** Where the warm-up's rate starts, as a share of {@link #rate}. */
    static final double RAMP_START_SHARE = 0.10;

    /**
     * The warm-up's schedule: from {@link #RAMP_START_SHARE} of the rate rising linearly to the full rate over the
     * first half of {@link #warmup}, the full rate in the second half; with --no-ramp the full rate throughout.
     */
    public SendSchedule warmupSchedule() {
        if (!rampWarmup || warmup.isZero()) {
            return SendSchedule.constant(rate);
        }
        return SendSchedule.ramp(rate * RAMP_START_SHARE, rate, warmup.dividedBy(2));
    }

    /** Reviews the warm-up sends ({@link #requestsIn} of it with --no-ramp; fewer with the ramp). */
    public long warmupReviews() {
        return warmupSchedule().reviewsIn(warmup);
    }
}
