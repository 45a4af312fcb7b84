package shop.winback.loadgen.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import shop.winback.loadgen.ReviewIds;

/**
 * The load and the check of deploy/chaos. Creates ONLINE agents for the shop, sends a steady load of reviews and
 * a trickle of compensation requests (each retried with the same id or key until answered) while deploy/chaos
 * kills and restarts services and the broker, and stops when the stop file appears. Then it waits (bounded)
 * until every review the driver got a 2xx for is accounted for, checks the databases and topics
 * ({@link Verdict}) and prints
 * {@code CHAOS killed=… reviews=… negative=… compensations=… lost=… duplicated=…}.
 *
 * <p>Exit codes: 0 nothing lost or duplicated; 1 something lost, duplicated or unexpected, or the driver could not
 * get an answer for everything it sent; 2 bad options; 3 setup failed.
 */
public final class ChaosLoad {

    /** Requests under way at once (the rest queue in order): enough for the rate, bounded while a service is down. */
    static final int REVIEWS_IN_FLIGHT = 32;

    static final int COMPENSATIONS_IN_FLIGHT = 4;

    private ChaosLoad() {}

    public static void main(String[] args) throws Exception {
        ChaosOptions o;
        try {
            o = ChaosOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chaos: " + e.getMessage());
            System.err.println(ChaosOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(o, System.getenv("CHAOS_TOKEN")));
    }

    static void log(String s) {
        System.err.printf("[chaos-load %tT] %s%n", System.currentTimeMillis(), s);
    }

    static int run(ChaosOptions o, String token) throws Exception {
        HttpClient http = RetryingPoster.newClient();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "chaos-timer");
            t.setDaemon(true);
            return t;
        });
        try {
            for (String[] a : new String[][] {
                {"chaos-recovery-1", "REVIEW_RECOVERY"},
                {"chaos-recovery-2", "REVIEW_RECOVERY"},
                {"chaos-supervisor", "SUPERVISOR"}
            }) {
                createAgent(http, o, token, a[0], a[1]);
            }
        } catch (IOException | IllegalStateException e) {
            log("ERROR: setup failed: " + e.getMessage());
            return 3;
        }
        ReviewIds ids = new ReviewIds(o.shop());
        RetryingPoster reviewPoster = new RetryingPoster(http, timer, token, REVIEWS_IN_FLIGHT);
        RetryingPoster compensationPoster = new RetryingPoster(http, timer, token, COMPENSATIONS_IN_FLIGHT);
        ReviewDriver reviews = new ReviewDriver(reviewPoster, o.reviewUrl(), ids, o.negative(), timer, o.rate());
        CompensationDriver compensations = new CompensationDriver(
                compensationPoster, o.compensationUrl(), o.shop(), ids, timer, o.compensationRate());
        log(String.format(
                Locale.ROOT,
                "shop %s: %.0f reviews/s (%.0f%% negative), %.1f compensation requests/s until %s appears",
                o.shop(),
                o.rate(),
                o.negative() * 100,
                o.compensationRate(),
                o.stopFile()));
        long start = System.nanoTime();
        reviews.start();
        compensations.start();
        long lastProgress = System.nanoTime();
        while (!Files.exists(o.stopFile())) {
            if (System.nanoTime() - start > o.maxDuration().toNanos()) {
                log("no stop file after " + o.maxDuration().toSeconds() + " s: stopping the load");
                break;
            }
            if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
                lastProgress = System.nanoTime();
                progress(reviews, compensations, reviewPoster, compensationPoster);
            }
            Thread.sleep(200);
        }
        int sentReviews = reviews.stop();
        int sentCompensations = compensations.stop();
        String killed = Files.exists(o.stopFile())
                ? Files.readString(o.stopFile(), StandardCharsets.UTF_8).trim()
                : "";
        log("load stopped: " + sentReviews + " reviews and " + sentCompensations + " compensation requests sent; "
                + "waiting for the last answers (giving up if none comes for "
                + o.answerTimeout().toSeconds() + " s)");
        int answered = -1;
        long lastAnswer = System.nanoTime();
        while (reviews.pending() > 0 || compensations.pending() > 0) {
            int now = reviews.started() - reviews.pending() + compensations.started() - compensations.pending();
            if (now != answered) {
                answered = now;
                lastAnswer = System.nanoTime();
            } else if (System.nanoTime() - lastAnswer > o.answerTimeout().toNanos()) {
                log("no answer for " + o.answerTimeout().toSeconds() + " s: giving up on the rest");
                reviewPoster.giveUpAfter(Duration.ZERO);
                compensationPoster.giveUpAfter(Duration.ZERO);
                lastAnswer = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // time for them to give up
            }
            if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
                lastProgress = System.nanoTime();
                progress(reviews, compensations, reviewPoster, compensationPoster);
            }
            Thread.sleep(200);
        }
        progress(reviews, compensations, reviewPoster, compensationPoster);
        int unanswered = reviews.pending()
                + compensations.pending()
                + reviews.failed().size()
                + compensations.failed().size();
        reviews.failed().entrySet().stream()
                .limit(10)
                .forEach(e -> log("review without a 2xx: " + e.getKey() + " " + e.getValue()));
        compensations.failed().entrySet().stream()
                .limit(10)
                .forEach(e -> log("compensation without a 2xx: " + e.getKey() + " " + e.getValue()));

        Map<String, Boolean> accepted = Map.copyOf(reviews.accepted());
        Map<String, String> granted = Map.copyOf(compensations.accepted());
        long negative = accepted.values().stream().filter(b -> b).count();
        Observer observer = new Observer(o.shop(), o.jdbcBase(), o.dbUser(), o.dbPassword(), o.bootstrap());
        log("checking " + accepted.size() + " reviews (" + negative + " negative) and " + granted.size()
                + " compensations; waiting up to " + o.drainTimeout().toSeconds() + " s for the system to drain");
        long drainDeadline = System.nanoTime() + o.drainTimeout().toNanos();
        Verdict verdict;
        while (true) {
            verdict = check(observer, accepted, granted);
            if (verdict != null && verdict.lost() == 0) {
                break;
            }
            if (System.nanoTime() > drainDeadline) {
                log("drain time is up");
                break;
            }
            if (verdict != null) {
                log("not yet: lost=" + verdict.lost() + " " + verdict.counts());
            }
            Thread.sleep(3000);
        }
        if (verdict != null && verdict.lost() == 0) {
            // late duplicates (a redelivered event handled twice) would show after everything arrived
            Thread.sleep(o.settle().toMillis());
            Verdict again = check(observer, accepted, granted);
            if (again != null) {
                verdict = again;
            }
        }
        if (verdict == null) {
            log("ERROR: could not read the databases and topics");
            return 1;
        }
        verdict.counts().forEach((k, v) -> log(k + ": " + v));
        verdict.examples().forEach(e -> log("  e.g. " + e));
        log(String.format(
                Locale.ROOT,
                "reviews: %d sent, %d answered 201, %d answered 200 (a retry of a stored one), "
                        + "%d without a 2xx; compensations: %d sent, %d answered 2xx (%d after a retry), %d without a 2xx; "
                        + "%d retries in all %s; %.0f s",
                sentReviews,
                reviews.created(),
                reviews.repeated(),
                reviews.failed().size() + reviews.pending(),
                sentCompensations,
                granted.size(),
                compensations.retried(),
                compensations.failed().size() + compensations.pending(),
                reviewPoster.retries() + compensationPoster.retries(),
                reasons(reviewPoster, compensationPoster),
                (System.nanoTime() - start) / 1e9));
        String line = String.format(
                Locale.ROOT,
                "CHAOS killed=%s reviews=%d negative=%d compensations=%d lost=%d duplicated=%d",
                killed.isEmpty() ? "none" : killed,
                accepted.size(),
                negative,
                granted.size(),
                verdict.lost(),
                verdict.duplicated());
        if (verdict.unexpected() > 0) {
            line += " unexpected=" + verdict.unexpected();
        }
        if (unanswered > 0) {
            line += " unanswered=" + unanswered;
        }
        System.out.println(line);
        System.out.flush();
        return verdict.lost() == 0 && verdict.duplicated() == 0 && verdict.unexpected() == 0 && unanswered == 0 ? 0 : 1;
    }

    private static Verdict check(Observer observer, Map<String, Boolean> accepted, Map<String, String> granted) {
        try {
            Observed seen = observer.observe();
            log(seen.summary());
            return Verdict.of(accepted, granted, seen);
        } catch (Exception e) {
            log("reading the databases and topics failed (" + e + "); trying again");
            return null;
        }
    }

    private static void progress(
            ReviewDriver reviews,
            CompensationDriver compensations,
            RetryingPoster reviewPoster,
            RetryingPoster compensationPoster) {
        log(String.format(
                Locale.ROOT,
                "reviews sent=%d accepted=%d awaiting-answer=%d (queued %d) failed=%d retries=%d"
                        + " | compensations sent=%d accepted=%d awaiting-answer=%d failed=%d retries=%d",
                reviews.started(),
                reviews.accepted().size(),
                reviews.pending(),
                reviewPoster.queued(),
                reviews.failed().size(),
                reviewPoster.retries(),
                compensations.started(),
                compensations.accepted().size(),
                compensations.pending(),
                compensations.failed().size(),
                compensationPoster.retries()));
    }

    private static Map<String, Long> reasons(RetryingPoster... posters) {
        Map<String, Long> all = new TreeMap<>();
        for (RetryingPoster p : posters) {
            p.retryReasons().forEach((k, v) -> all.merge(k, v.get(), Long::sum));
        }
        return all;
    }

    private static void createAgent(HttpClient http, ChaosOptions o, String token, String name, String tier)
            throws IOException, InterruptedException {
        String body = String.format(
                "{\"shopId\":\"%s\",\"name\":\"%s\",\"tier\":\"%s\",\"capacity\":10000,\"status\":\"ONLINE\"}",
                o.shop(), name, tier);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(o.ticketUrl() + "/api/v1/agents"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException(
                    "creating agent " + name + ": HTTP " + r.statusCode() + " " + ReviewDriver.abbreviate(r.body()));
        }
        log("agent " + name + " (" + tier + ", ONLINE, capacity 10000) created");
    }
}
