package shop.winback.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.winback.loadgen.history.HistoryLoader;
import shop.winback.loadgen.history.HistoryModel;

/**
 * deploy/bench --history: does a shop's history slow the review → assigned path down? The normal run on a fresh shop
 * (its p99 is fresh_p99_ms), then a history loaded into the services' databases for that very shop (so its indexes
 * are the big ones: --history-reviews reviews, --history-open-tickets open tickets), then the normal run again on the
 * same shop with review ids of their own; ratio = p99 / fresh p99. After each run, the recovery-economics report of
 * the shop (a month and a year, by shop, agent and product) is timed: its counters are per day, so a month should not
 * cost more with a year of history behind it (BENCH economics_query).
 */
final class HistoryMode {

    /** The second run's review ids: {@code <shop>-H-M-R-…}. */
    static final String TAG = "H";

    private final Options options;

    HistoryMode(Options options) {
        this.options = options;
    }

    void run() throws SetupException, InterruptedException {
        Options.Modes m = options.modes();
        String shop = Bench.shopId(options);
        say(
                "history: shop=%s history of %d reviews and %d open tickets, loaded into %s%s and %s%s between two runs",
                shop,
                m.historyReviews(),
                m.historyOpenTickets(),
                m.jdbcUrl(),
                m.reviewsDb(),
                m.jdbcUrl(),
                m.ticketsDb());
        HistoryLoader.Database db = new HistoryLoader.Database(m.jdbcUrl(), m.dbUser(), m.dbPassword());
        checkDatabases(db, m);
        EconomicsQueries economics = new EconomicsQueries(options.ticketUrl(), economicsBearer(shop));
        economics.yearTotal(); // fails now, not after the runs, when the token may not read the statistics

        say("history: --- the fresh run ---");
        Bench.Outcome fresh = new Bench(options, shop, null, true, false).run();
        say(
                "history: fresh run: p50=%s p99=%s ms over %d tickets, lost=%d",
                fresh.latency().p50Ms(), fresh.latency().p99Ms(), fresh.tickets(), fresh.lost());
        say(
                "history: --- the recovery-economics report of the fresh shop: %d calls a month and %d a year ---",
                EconomicsQueries.ROUNDS * EconomicsQueries.BREAKDOWNS.size(),
                EconomicsQueries.ROUNDS * EconomicsQueries.BREAKDOWNS.size());
        EconomicsQueries.Measured freshEconomics = economics.measure("fresh");

        HistoryModel model = new HistoryModel(shop, m.historyReviews(), m.historyOpenTickets(), Instant.now());
        say(
                "history: --- loading: %d reviews (%d negative), %d tickets (%d open) on %d OFFLINE agents ---",
                model.reviews(), model.negatives(), model.negatives(), model.openTickets(), model.agents());
        long t0 = System.nanoTime();
        HistoryLoader.Loaded loaded;
        try {
            loaded = new HistoryLoader(model, db, m.reviewsDb(), m.ticketsDb(), HistoryMode::say).load();
        } catch (SQLException e) {
            throw new SetupException(
                    "loading the history failed (does the loader still match the services' schema? "
                            + "see review-service and ticket-service db/migration): " + e.getMessage(),
                    e);
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        say("history: loaded in %.1f s: %s", loadSeconds, loaded);
        verifyThroughTheApis(model);
        verifyEconomics(economics, model);

        say("history: --- the run with the history ---");
        Bench.Outcome after = new Bench(options, shop, new ReviewIds(shop).withTag(TAG), false, false).run();
        say(
                "history: with history: p50=%s p99=%s ms over %d tickets (fresh: p50=%s p99=%s ms)",
                after.latency().p50Ms(),
                after.latency().p99Ms(),
                after.tickets(),
                fresh.latency().p50Ms(),
                fresh.latency().p99Ms());
        System.out.println(BenchLines.history(new BenchLines.History(
                m.historyReviews(),
                m.historyOpenTickets(),
                after.latency(),
                fresh.latency(),
                loadSeconds,
                fresh.lost() + after.lost())));

        say("history: --- the recovery-economics report with the history ---");
        EconomicsQueries.Measured historyEconomics = economics.measure("history");
        System.out.println(BenchLines.economicsQuery(new BenchLines.EconomicsQuery(
                m.historyReviews(),
                loaded.economicsRows(),
                EconomicsQueries.ROUNDS * EconomicsQueries.BREAKDOWNS.size(),
                historyEconomics.month(),
                historyEconomics.year(),
                freshEconomics.month(),
                freshEconomics.year(),
                freshEconomics.errors() + historyEconomics.errors())));
    }

    /**
     * The statistics need a supervisor's, manager's or reporting role: with the local signing key (--jwt-key) a manager's
     * token for the shop is minted; otherwise the run's token is used (deploy/bench mints it with manager).
     */
    private String economicsBearer(String shop) throws SetupException {
        String key = options.modes().jwtKey();
        if (key == null) {
            return ServiceClient.bearer(options.token());
        }
        return ServiceClient.bearer(TokenMinter.fromPem(Path.of(key))
                .mint(
                        shop,
                        "economics",
                        List.of("manager"),
                        Duration.ofHours(12).toSeconds()));
    }

    /** The year's report counts at least the history's reviews and tickets (the fresh run's come on top). */
    private static void verifyEconomics(EconomicsQueries economics, HistoryModel model)
            throws SetupException, InterruptedException {
        JsonNode total = economics.yearTotal();
        long reviews = total.path("reviewsReceived").asLong(-1);
        long opened = total.path("ticketsOpened").asLong(-1);
        if (reviews < model.reviews() || opened < model.negatives()) {
            throw new SetupException("the year's recovery economics count " + reviews + " reviews and " + opened
                    + " tickets opened, fewer than the history's " + model.reviews() + " and " + model.negatives()
                    + ": " + total);
        }
        say("history: the recovery economics read it back: %d reviews, %d tickets opened in the year", reviews, opened);
    }

    /** Fails before the fresh run when the databases cannot be reached (not after minutes of load). */
    private static void checkDatabases(HistoryLoader.Database db, Options.Modes m) throws SetupException {
        for (String name : new String[] {m.reviewsDb(), m.ticketsDb()}) {
            try (var c = java.sql.DriverManager.getConnection(
                    m.jdbcUrl() + name, m.dbUser(), m.dbPassword() == null ? "" : m.dbPassword())) {
                c.isValid(5);
            } catch (SQLException e) {
                throw new SetupException(
                        "cannot connect to " + m.jdbcUrl() + name + " as " + m.dbUser()
                                + " (--jdbc, --db-user, PGPASSWORD): " + e.getMessage(),
                        e);
            }
        }
    }

    /**
     * The services read what was loaded: the history agents with their open-ticket counts, an open history ticket and
     * a history review come back through the APIs (a row the services could not map would fail here, not silently).
     */
    private void verifyThroughTheApis(HistoryModel model) throws SetupException, InterruptedException {
        String bearer = ServiceClient.bearer(options.token());
        ObjectMapper json = new ObjectMapper();
        try (ServiceClient client = new ServiceClient(options.reviewUrl(), options.ticketUrl(), options.token())) {
            long[] open = model.openTicketsPerAgent();
            Map<String, Integer> expected = new HashMap<>();
            for (int a = 0; a < model.agents(); a++) {
                expected.put(model.agentId(a).toString(), (int) open[a]);
            }
            int found = 0;
            for (JsonNode agent : client.listAgents(model.shop(), bearer)) {
                Integer want = expected.get(agent.path("id").asText());
                if (want != null) {
                    found++;
                    if (agent.path("openTickets").asInt(-1) != want
                            || !"OFFLINE".equals(agent.path("status").asText())) {
                        throw new SetupException(
                                "history agent " + agent + " does not show " + want + " open tickets, OFFLINE");
                    }
                }
            }
            if (found != model.agents()) {
                throw new SetupException(
                        "ticket-service lists " + found + " of the " + model.agents() + " history agents");
            }
            long sample = newestOpenOrNegative(model);
            if (sample >= 0) {
                expectOk(
                        client.get(options.ticketUrl(), "/api/v1/tickets/" + model.ticketId(sample), bearer),
                        "ticket " + model.ticketId(sample));
                expectOk(
                        client.get(
                                options.ticketUrl(),
                                "/api/v1/tickets?shopId=" + model.shop() + "&status="
                                        + (model.open(sample) ? "ASSIGNED" : "CLOSED") + "&size=20",
                                bearer),
                        "the shop's history tickets");
            }
            HttpResponse<String> review =
                    client.get(options.reviewUrl(), "/api/v1/reviews/" + model.reviewId(model.reviews() - 1), bearer);
            expectOk(review, "review " + model.reviewId(model.reviews() - 1));
            try {
                String platformId =
                        json.readTree(review.body()).path("platformReviewId").asText();
                if (!model.platformReviewId(model.reviews() - 1).equals(platformId)) {
                    throw new SetupException(
                            "review-service returned another review: " + ServiceClient.abbreviate(review.body()));
                }
            } catch (IOException e) {
                throw new SetupException("unreadable review: " + ServiceClient.abbreviate(review.body()), e);
            }
            expectOk(
                    client.get(options.reviewUrl(), "/api/v1/reviews?shopId=" + model.shop() + "&size=20", bearer),
                    "the shop's reviews");
            say(
                    "history: the services read it back: %d history agents with their open tickets, a history ticket and review",
                    found);
        }
    }

    private static long newestOpenOrNegative(HistoryModel model) {
        for (long i = model.reviews() - 1; i >= 0; i--) {
            if (model.negative(i)) {
                return i;
            }
        }
        return -1;
    }

    private static void expectOk(HttpResponse<String> r, String what) throws SetupException {
        if (r.statusCode() != 200) {
            throw new SetupException("reading " + what + " back failed: HTTP " + r.statusCode() + " "
                    + ServiceClient.abbreviate(r.body()));
        }
    }

    private static void say(String format, Object... args) {
        Queueing.say(format, args);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
