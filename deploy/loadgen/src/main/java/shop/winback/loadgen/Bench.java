package shop.winback.loadgen;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import shop.winback.loadgen.proc.CpuMeter;
import shop.winback.loadgen.proc.Pids;
import shop.winback.loadgen.proc.ProcFs;

/**
 * One bench run: setup, Kafka floor, warm-up, measured load, drain, report. Human lines go to stdout as the run
 * goes; the BENCH lines come last.
 */
public final class Bench {

    private static final Duration READY_PATIENCE = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** After the last expected ticket arrived, keep listening this long so late duplicates are still counted. */
    private static final Duration DUPLICATE_GRACE = Duration.ofSeconds(1);

    private final Options options;
    private final String shopId;
    private final ReviewIds ids;
    private final ReviewFactory factory;
    private final ServiceClient client;
    private volatile String drainLine; // progress text while draining, null otherwise

    /** How long an earlier load may take to drain before the run gives up. */
    static final Duration BACKLOG_PATIENCE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Agents to create before the run (false: the shop has them from an earlier run). */
    private final boolean createAgents;
    /** Print the BENCH lines (false: a mode runs this and prints its own line). */
    private final boolean benchLines;

    private final CpuMeter cpu;

    public Bench(Options options) {
        this(options, shopId(options), null, true, true);
    }

    /**
     * @param ids review ids (null: the shop's own, untagged)
     */
    Bench(Options options, String shopId, ReviewIds ids, boolean createAgents, boolean benchLines) {
        this.options = options;
        this.shopId = shopId;
        this.ids = ids != null ? ids : new ReviewIds(shopId);
        this.factory = new ReviewFactory(this.ids, options.negativeShare());
        this.client = new ServiceClient(options.reviewUrl(), options.ticketUrl(), options.token());
        this.createAgents = createAgents;
        this.benchLines = benchLines;
        this.cpu = new CpuMeter(ProcFs.system(), withLoadgen(options.modes().pids()));
    }

    /** The bench's own JVM is always measured. */
    static Pids withLoadgen(Pids pids) {
        return pids.has(Pids.Role.LOADGEN)
                ? pids
                : pids.with(Pids.Role.LOADGEN, List.of(ProcessHandle.current().pid()));
    }

    /** What a measured run came to, for the modes that run it more than once. */
    public record Outcome(LatencySummary latency, long acceptedNegatives, long tickets, long lost, long duplicated) {}

    String shop() {
        return shopId;
    }

    /** The shop of this run: --shop, or a fresh "bench-" + 6 hex digits, so no earlier run's reviews or agents interfere. */
    static String shopId(Options options) {
        return options.shopId() != null ? options.shopId() : "bench-" + randomHex();
    }

    private static String randomHex() {
        return String.format("%06x", RANDOM.nextInt(1 << 24));
    }

    public Outcome run() throws SetupException, InterruptedException {
        printSettings();
        try (client;
                Admin admin = Admin.create(KafkaSettings.admin(options.bootstrap()))) {
            client.awaitReady(READY_PATIENCE);
            checkTicketsTopic(admin);
            if (createAgents) {
                for (int i = 1; i <= options.agents(); i++) {
                    client.createAgent(shopId, "agent-" + i);
                }
                say(
                        "created %d agents (REVIEW_RECOVERY, ONLINE, capacity %d each) for shop %s",
                        options.agents(), ServiceClient.AGENT_CAPACITY, shopId);
            } else {
                say("using the agents shop %s already has", shopId);
            }
            long backlog = Backlog.awaitDrained(
                    admin,
                    BACKLOG_PATIENCE,
                    lag -> say("waiting for %s to work off %d older reviews before measuring ...", Backlog.GROUP, lag));
            say(
                    "backlog: %s had %d unconsumed reviews on %s before this run; now 0",
                    Backlog.GROUP, backlog, Backlog.TOPIC);
            FloorProbe.FloorResult floor = runFloor(admin);
            return runLoad(floor, admin);
        }
    }

    private void printSettings() {
        say(
                "bench: shop=%s rate=%s/s negative=%s (BAD/NEUTRAL 70/30) duration=%ss warmup=%ss drain=%ss agents=%d max-inflight=%d %s",
                shopId,
                BenchLines.number(options.rate()),
                BenchLines.percent(options.negativeShare()),
                seconds(options.duration()),
                seconds(options.warmup()),
                seconds(options.drain()),
                options.agents(),
                options.maxInFlight(),
                options.batched()
                        ? "batch=" + options.batchSize() + " (POST /api/v1/reviews:batch, "
                                + BenchLines.number(options.rate() / options.batchSize()) + " requests/s)"
                        : "batch=off (one POST /api/v1/reviews per review)");
        long tickets = (long) Math.floor(
                (options.warmupReviews() + options.requestsIn(options.duration())) * options.negativeShare());
        long capacity = (long) options.agents() * ServiceClient.AGENT_CAPACITY;
        if (tickets > capacity) {
            say(
                    "bench: warning: about %d tickets but %d agents hold only %d; later ones wait for an agent and look "
                            + "lost or slow (raise --agents)",
                    tickets, options.agents(), capacity);
        }
        say(
                "bench: review-service=%s ticket-service=%s kafka=%s token=%s",
                options.reviewUrl(),
                options.ticketUrl(),
                options.bootstrap(),
                options.token() == null ? "none" : "set");
    }

    private void checkTicketsTopic(Admin admin) throws SetupException, InterruptedException {
        try {
            admin.describeTopics(List.of(options.ticketsTopic()))
                    .allTopicNames()
                    .get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new SetupException("topic " + options.ticketsTopic() + " does not exist on " + options.bootstrap()
                        + " (is the stack fully up?)");
            }
            throw new SetupException("Kafka at " + options.bootstrap() + " failed: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new SetupException("Kafka not reachable at " + options.bootstrap() + " (no answer in 20 s)", e);
        }
    }

    /** The floor runs before the load, on a quiet broker, so the load's backlog cannot inflate it. */
    private FloorProbe.FloorResult runFloor(Admin admin) throws SetupException, InterruptedException {
        if (options.floorDuration().isZero()) {
            say("floor: skipped (--floor-duration 0)");
            return null;
        }
        double rate = options.negativeRate();
        say(
                "floor: two Kafka hops (produce→consume→produce→consume), %s msg/s of %d bytes for %ss (+%ss unmeasured) ...",
                BenchLines.number(rate),
                FloorProbe.VALUE_BYTES,
                seconds(options.floorDuration()),
                seconds(FloorProbe.WARMUP));
        try {
            FloorProbe.FloorResult f =
                    new FloorProbe(options.bootstrap(), admin, randomHex()).run(rate, options.floorDuration());
            LatencySummary l = f.latency();
            say(
                    "floor: p50=%s p99=%s max=%s ms over %d probes (%d missing); topics %s, %s deleted",
                    l.p50Ms(),
                    l.p99Ms(),
                    l.maxMs(),
                    f.measuredReceived(),
                    f.measuredSent() - f.measuredReceived(),
                    f.topicA(),
                    f.topicB());
            return f;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new SetupException("Kafka floor measurement failed: " + e, e);
        }
    }

    private Outcome runLoad(FloorProbe.FloorResult floor, Admin admin) throws SetupException, InterruptedException {
        OpenLoopSender sender = new OpenLoopSender(client, factory, options.maxInFlight());
        int batch = options.batchSize(); // 0: single posts
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        try (TicketWatcher watcher = new TicketWatcher(options.bootstrap(), options.ticketsTopic(), ids)) {
            watcher.start(Duration.ofSeconds(30));
            say(
                    "watching %s from its current end (all partitions assigned and positioned before the first review)",
                    options.ticketsTopic());
            ticker.scheduleAtFixedRate(
                    () -> printProgress(sender, watcher),
                    PROGRESS_EVERY.toMillis(),
                    PROGRESS_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);

            int warmupCount = (int) options.warmupReviews();
            if (warmupCount > 0) {
                say("%s", warmupPlan(options, warmupCount));
                OpenLoopSender.PhaseResult w =
                        sender.run(ReviewIds.Phase.WARMUP, warmupCount, options.warmupSchedule(), batch);
                say("warmup: sent=%d ok=%d errors=%d shed=%d", w.sent(), w.okCount(), w.errorCount(), w.shedCount());
                if (w.errorCount() > 0) {
                    say("warmup: most frequent errors: %s", describeFailures(w));
                }
                if (w.okCount() == 0) {
                    throw new SetupException("no warm-up review was accepted (" + w.errorCount() + " failed, "
                            + w.shedCount() + " shed with 503/429)"
                            + (w.errorCount() > 0 ? "; most frequent: " + describeFailures(w) : ""));
                }
                // the JITs were still compiling during warm-up; whatever queued up then is not this run's to carry
                long settleStart = System.nanoTime();
                long left = Backlog.awaitDrained(
                        admin,
                        BACKLOG_PATIENCE,
                        lag -> say("warmup: %s still working off %d warm-up reviews ...", Backlog.GROUP, lag));
                say(
                        "warmup: %d reviews were still queued at its end; worked off in %.1f s before measuring",
                        left, (System.nanoTime() - settleStart) / 1e9);
            }

            int count = (int) options.requestsIn(options.duration());
            say("measure: %d reviews at %s/s%s ...", count, BenchLines.number(options.rate()), inBatches());
            CpuMeter.Snapshot cpuStart = cpu.snapshot();
            OpenLoopSender.PhaseResult m = sender.run(ReviewIds.Phase.MEASURED, count, options.rate(), batch);
            drain(m, watcher);
            CpuMeter.Snapshot cpuEnd = cpu.snapshot();
            watcher.close();
            ticker.shutdownNow();
            if (watcher.failure() != null) {
                say("warning: the %s consumer failed during the run: %s", options.ticketsTopic(), watcher.failure());
            }
            Outcome outcome = report(m, watcher, floor);
            if (benchLines) {
                reportCost(cpuStart, cpuEnd, m.okCount(), outcome.tickets());
                reportFootprint();
            }
            return outcome;
        } finally {
            ticker.shutdownNow();
        }
    }

    private String inBatches() {
        return inBatches(options);
    }

    private static String inBatches(Options options) {
        return options.batched() ? " in batches of " + options.batchSize() : "";
    }

    /**
     * The warm-up's human line: "warmup: 23250 reviews, ramping 100/s → 1000/s over 15 s, then 1000/s for 15 s (not
     * measured) ...", or with --no-ramp "warmup: 30000 reviews at 1000/s (not measured) ...".
     */
    static String warmupPlan(Options options, long reviews) {
        SendSchedule s = options.warmupSchedule();
        if (!s.ramps()) {
            return String.format(
                    Locale.ROOT,
                    "warmup: %d reviews at %s/s%s (not measured) ...",
                    reviews,
                    BenchLines.number(options.rate()),
                    inBatches(options));
        }
        Duration ramp = Duration.ofNanos(s.rampNanos());
        return String.format(
                Locale.ROOT,
                "warmup: %d reviews%s, ramping %s/s → %s/s over %s s, then %s/s for %s s " + "(not measured) ...",
                reviews,
                inBatches(options),
                BenchLines.number(s.startRate()),
                BenchLines.number(s.rate()),
                seconds(ramp),
                BenchLines.number(s.rate()),
                seconds(options.warmup().minus(ramp)));
    }

    /** Waits until every accepted negative review has its ticket.assigned.v1, or until --drain after the last send. */
    private void drain(OpenLoopSender.PhaseResult m, TicketWatcher watcher) throws InterruptedException {
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < m.sent(); i++) {
            if (m.ok(i) && ReviewFactory.isNegative(factory.rating(i))) {
                pending.add(ids.platformReviewId(ReviewIds.Phase.MEASURED, i));
            }
        }
        int expected = pending.size();
        long deadline = m.sendEndNanos() + options.drain().toNanos();
        long drainStart = System.nanoTime();
        while (true) {
            pending.removeIf(key -> watcher.assignment(key) != null);
            drainLine = String.format(
                    Locale.ROOT,
                    "[drain   %3ds] assigned=%d/%d accepted negatives",
                    (System.nanoTime() - drainStart) / 1_000_000_000L,
                    expected - pending.size(),
                    expected);
            long now = System.nanoTime();
            if (pending.isEmpty()) {
                Thread.sleep(Math.max(0, Math.min(DUPLICATE_GRACE.toNanos(), deadline - now)) / 1_000_000L);
                break;
            }
            if (now >= deadline) {
                break;
            }
            Thread.sleep(100);
        }
        say(
                "drain: %d of %d accepted negative reviews assigned, %.1f s after the last send",
                expected - pending.size(), expected, (System.nanoTime() - m.sendEndNanos()) / 1e9);
        drainLine = null;
    }

    private Outcome report(OpenLoopSender.PhaseResult m, TicketWatcher watcher, FloorProbe.FloorResult floor) {
        Map<String, TicketWatcher.Assignment> seen = watcher.assignments();
        long acceptedNegatives = 0;
        long lost = 0;
        long tickets = 0;
        long duplicated = 0;
        long repeatedCeIds = 0;
        long goodWithTicket = 0;
        long failedButAssigned = 0; // with a ticket although not accepted: failed or shed
        long[] samples = new long[m.sent()];
        int n = 0;
        for (int i = 0; i < m.sent(); i++) {
            boolean negative = ReviewFactory.isNegative(factory.rating(i));
            TicketWatcher.Assignment a = seen.get(ids.platformReviewId(ReviewIds.Phase.MEASURED, i));
            if (a != null) {
                tickets++;
                duplicated += a.records() - 1;
                repeatedCeIds += a.repeatedCeIds();
                if (!negative) {
                    goodWithTicket++;
                } else {
                    samples[n++] = a.firstSeenNanos() - m.intendedNanos(i);
                    if (!m.ok(i)) {
                        failedButAssigned++;
                    }
                }
            }
            if (negative && m.ok(i)) {
                acceptedNegatives++;
                if (a == null) {
                    lost++;
                }
            }
        }
        long warmupDuplicated = seen.entrySet().stream()
                .filter(e -> ids.parse(e.getKey())
                        .map(r -> r.phase() == ReviewIds.Phase.WARMUP)
                        .orElse(false))
                .mapToLong(e -> e.getValue().records() - 1)
                .sum();

        LatencySummary latency = LatencySummary.of(java.util.Arrays.copyOf(samples, n));
        LatencySummary http = m.httpLatency();
        LatencySummary floorLatency = floor == null ? LatencySummary.EMPTY : floor.latency();

        if (options.batched()) {
            say(
                    "ingest: %d batch requests of up to %d (%d answered 2xx), behind=%d | reviews sent=%d created=%d "
                            + "duplicate=%d rejected=%d failed=%d shed=%d | http per request from intended time: p50=%s p99=%s max=%s ms | %.1f reviews/s",
                    m.requests(),
                    options.batchSize(),
                    m.okRequests(),
                    m.behind(),
                    m.sent(),
                    m.count(201),
                    m.count(200),
                    m.count(400),
                    m.errorCount() - m.count(400),
                    m.shedCount(),
                    http.p50Ms(),
                    http.p99Ms(),
                    http.maxMs(),
                    m.okPerSecond());
        } else {
            say(
                    "ingest: sent=%d ok=%d (201=%d, 200=%d) errors=%d shed=%d behind=%d | http from intended time: p50=%s p99=%s max=%s ms | %.1f ok/s",
                    m.sent(),
                    m.okCount(),
                    m.count(201),
                    m.count(200),
                    m.errorCount(),
                    m.shedCount(),
                    m.behind(),
                    http.p50Ms(),
                    http.p99Ms(),
                    http.maxMs(),
                    m.okPerSecond());
        }
        if (m.shedCount() > 0) {
            say(
                    "ingest: %d reviews shed (503=%d, 429=%d): review-service refused them as overloaded; not sent again, "
                            + "not accepted, not expected to become tickets",
                    m.shedCount(), m.count(503), m.count(429));
        }
        if (m.errorCount() > 0) {
            say("ingest: most frequent errors: %s", describeFailures(m));
        }
        say(
                "tickets: accepted negatives=%d assigned=%d lost=%d duplicated=%d (same ce_id redelivered=%d, new ce_id=%d)",
                acceptedNegatives, tickets, lost, duplicated, repeatedCeIds, duplicated - repeatedCeIds);
        if (goodWithTicket > 0 || failedButAssigned > 0 || warmupDuplicated > 0 || watcher.foreignAssigned() > 0) {
            say(
                    "tickets: unexpected: GOOD reviews with a ticket=%d, assigned although the POST failed or was shed=%d, "
                            + "warm-up duplicates=%d, assigned events with unknown ids=%d",
                    goodWithTicket, failedButAssigned, warmupDuplicated, watcher.foreignAssigned());
        }
        say(
                "review→assigned (from intended send time): p50=%s p99=%s max=%s ms over %d tickets; floor p50=%s p99=%s ms",
                latency.p50Ms(),
                latency.p99Ms(),
                latency.maxMs(),
                latency.count(),
                floorLatency.p50Ms(),
                floorLatency.p99Ms());
        if (benchLines) {
            System.out.println(BenchLines.reviewToAssigned(new BenchLines.ReviewToAssigned(
                    options.rate(),
                    options.negativeShare(),
                    m.sent(),
                    tickets,
                    latency,
                    floorLatency,
                    lost,
                    duplicated)));
            if (options.batched()) {
                System.out.println(BenchLines.ingestBatch(new BenchLines.IngestBatch(
                        options.batchSize(), m.okPerSecond(), http, m.errorCount(), m.shedCount())));
            } else {
                System.out.println(
                        BenchLines.ingest(new BenchLines.Ingest(m.okPerSecond(), http, m.errorCount(), m.shedCount())));
            }
        }
        return new Outcome(latency, acceptedNegatives, tickets, lost, duplicated);
    }

    /** CPU per accepted review (per assigned ticket for ticket-service) over the measured window: BENCH cost. */
    private void reportCost(CpuMeter.Snapshot start, CpuMeter.Snapshot end, long accepted, long tickets) {
        Map<Pids.Role, Double> ms = cpu.cpuMillis(start, end);
        double window = (end.nanos() - start.nanos()) / 1e9;
        say(
                "cost: CPU over the measured window (%.1f s, sending and drain): %s ms; pids %s",
                window,
                ms.entrySet().stream()
                        .map(e -> e.getKey().key() + "=" + Math.round(e.getValue()))
                        .toList(),
                cpu.pids());
        System.out.println(BenchLines.cost(new BenchLines.Cost(
                options.rate(),
                ms.get(Pids.Role.REVIEW),
                ms.get(Pids.Role.TICKET),
                ms.get(Pids.Role.POSTGRES),
                ms.get(Pids.Role.KAFKA),
                ms.get(Pids.Role.LOADGEN),
                ms.get(Pids.Role.COMPENSATION),
                ms.get(Pids.Role.LOGISTICS),
                window,
                accepted,
                tickets)));
        Map<String, Double> jvmCpu = new java.util.HashMap<>();
        Map<String, Double> compiler = new java.util.HashMap<>();
        cpu.jitMillis(start, end).forEach((role, jit) -> {
            if (ms.containsKey(role)) {
                compiler.put(role.key(), jit);
                jvmCpu.put(role.key(), ms.get(role));
            }
        });
        System.out.println(BenchLines.jit(new BenchLines.Jit(compiler, jvmCpu, window, accepted)));
    }

    /** Resident memory of the four services at the end of the run; start times are --footprint's. */
    private void reportFootprint() {
        System.out.println(BenchLines.footprint(new BenchLines.Footprint(rss(ProcFs.system(), cpu.pids()), Map.of())));
    }

    /** VmRSS in MB of each service (summed over instances) and of the bare app; a service without a pid is left out. */
    static Map<String, Double> rss(ProcFs proc, Pids pids) {
        Map<String, Double> rss = new java.util.HashMap<>();
        for (Pids.Role role : List.of(
                Pids.Role.REVIEW, Pids.Role.TICKET, Pids.Role.COMPENSATION, Pids.Role.LOGISTICS, Pids.Role.BARE)) {
            if (!pids.has(role)) {
                continue;
            }
            double sum = 0;
            boolean all = true;
            for (long pid : pids.of(role)) {
                java.util.Optional<Double> mb = CpuMeter.rssMb(proc, pid);
                if (mb.isEmpty()) {
                    all = false;
                    break;
                }
                sum += mb.get();
            }
            if (all) {
                rss.put(role.key(), sum);
            }
        }
        return rss;
    }

    private void printProgress(OpenLoopSender sender, TicketWatcher watcher) {
        String drain = drainLine;
        if (drain != null) {
            System.out.println(drain);
            return;
        }
        OpenLoopSender.Progress p = sender.progress();
        if (p == null) {
            return;
        }
        long elapsed = Math.max(0, System.nanoTime() - p.startNanos) / 1_000_000_000L;
        System.out.printf(
                Locale.ROOT,
                "[%-7s %3ds] sent=%d/%d ok=%d errors=%d shed=%d inflight=%d behind=%d assigned=%d%n",
                p.phase,
                elapsed,
                p.sent.sum(),
                p.planned,
                p.ok.sum(),
                p.errors.sum(),
                p.shed.sum(),
                sender.inFlight(),
                p.behind.sum(),
                watcher.measuredAssigned());
    }

    private static String describeFailures(OpenLoopSender.PhaseResult r) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<Map.Entry<String, Long>> it = r.topFailures(3).iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            sb.append(e.getValue()).append("× ").append(e.getKey());
            if (it.hasNext()) {
                sb.append(" | ");
            }
        }
        return sb.toString();
    }

    private static String seconds(Duration d) {
        return BenchLines.number(d.toMillis() / 1000d);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
