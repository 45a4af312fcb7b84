package shop.winback.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import shop.winback.loadgen.proc.CpuMeter;
import shop.winback.loadgen.proc.ProcFs;

/**
 * deploy/bench --backlog N: how fast a freshly started ticket-service works off N negative reviews that queued up
 * while it was down. Stops ticket-service, queues the reviews for a fresh shop whose agents can take them all, starts
 * it again (deploy/run start-service) and times it from its process start to the last ticket.assigned.v1.
 */
final class BacklogMode {

    /** Agents of the backlog shop, at least; each takes up to {@link ServiceClient#AGENT_CAPACITY}. */
    static final int MIN_AGENTS = 20;

    static final String TICKET_SERVICE = "ticket-service";

    private final Options options;

    BacklogMode(Options options) {
        this.options = options;
    }

    /** Enough agents that every ticket of the backlog can be assigned (none has to wait for room). */
    static int agentsFor(long tickets) {
        return (int) Math.max(MIN_AGENTS, (tickets + ServiceClient.AGENT_CAPACITY - 1) / ServiceClient.AGENT_CAPACITY);
    }

    void run() throws SetupException, InterruptedException {
        int n = options.modes().backlog();
        Control control = Control.require(options, "--backlog");
        String shop = Bench.shopId(options);
        ReviewIds ids = new ReviewIds(shop);
        ReviewFactory factory = new ReviewFactory(ids, 1.0); // every review NEUTRAL or BAD
        int agents = agentsFor(n);
        say(
                "backlog: shop=%s reviews=%d (all negative, BAD/NEUTRAL 70/30) agents=%d (capacity %d each) give-up=%ss",
                shop,
                n,
                agents,
                ServiceClient.AGENT_CAPACITY,
                options.modes().giveUp().toSeconds());
        boolean ticketStopped = false;
        try (ServiceClient client = new ServiceClient(options.reviewUrl(), options.ticketUrl(), options.token());
                Admin admin = Admin.create(KafkaSettings.admin(options.bootstrap()))) {
            client.awaitReady(Duration.ofSeconds(30));
            for (int i = 1; i <= agents; i++) {
                client.createAgent(shop, "agent-" + i);
            }
            long earlier = Backlog.awaitDrained(
                    admin,
                    Bench.BACKLOG_PATIENCE,
                    lag -> say("backlog: waiting for %s to work off %d older reviews first ...", Backlog.GROUP, lag));
            say(
                    "backlog: %d agents ONLINE; %s had %d unconsumed reviews before, now 0",
                    agents, Backlog.GROUP, earlier);

            control.stop(TICKET_SERVICE);
            ticketStopped = true;
            List<BulkPoster.Job> jobs = new ArrayList<>();
            BulkPoster.jobs(jobs, factory, n, Queueing.BATCH, ServiceClient.bearer(options.token()));
            Queueing.queue(options, client, jobs, Set.of(shop), shop, n);

            ShopEvents assigned = new ShopEvents(Set.of(shop), shop, ShopEvents.ASSIGNED);
            try (TopicTail tail =
                    new TopicTail(options.bootstrap(), options.ticketsTopic(), shop + "-assigned", assigned)) {
                tail.start(Duration.ofSeconds(30));
                say("backlog: starting %s (deploy/run start-service) ...", TICKET_SERVICE);
                Control.Started started = control.start(TICKET_SERVICE);
                ticketStopped = false;
                long startNanos =
                        CpuMeter.startNanos(ProcFs.system(), started.pid()).orElse(started.invokedNanos());
                say("backlog: %s pid %d ready after %.2f s", TICKET_SERVICE, started.pid(), started.readySeconds());
                long deadline = startNanos + options.modes().giveUp().toNanos();
                long done = Queueing.await(assigned, n, deadline, "assigned");
                if (done < n) {
                    say(
                            "backlog: gave up after %d s with %d of %d reviews assigned",
                            options.modes().giveUp().toSeconds(), done, n);
                } else {
                    Thread.sleep(Queueing.GRACE.toMillis());
                }
                tail.close();
                List<ShopEvents.Event> events = assigned.events();
                Map<String, Long> first = Queueing.firstSeen(events);
                Double seconds = first.isEmpty() ? null : (max(first) - startNanos) / 1e9;
                Double firstSeconds = first.isEmpty() ? null : (min(first) - startNanos) / 1e9;
                long distinctCeIds =
                        events.stream().map(ShopEvents.Event::ceId).distinct().count();
                long doubles = ScaleMode.doubleAssigned(events);
                say(
                        "backlog: %d of %d assigned; first %s s, last %s s after the process started; %d extra assigned "
                                + "events (same ce_id redelivered=%d, double assigned=%d)",
                        first.size(),
                        n,
                        BenchLines.orNa(firstSeconds, 2),
                        BenchLines.orNa(seconds, 2),
                        events.size() - first.size(),
                        events.size() - distinctCeIds,
                        doubles);
                System.out.println(BenchLines.backlog(new BenchLines.BacklogResult(
                        n,
                        first.size(),
                        seconds,
                        started.readySeconds(),
                        firstSeconds,
                        events.size() - first.size(),
                        doubles)));
            }
        } finally {
            if (ticketStopped) { // whatever failed, the stack gets its ticket-service back
                say("backlog: starting %s again after the failure", TICKET_SERVICE);
                try {
                    control.start(TICKET_SERVICE);
                } catch (SetupException e) {
                    System.err.println("bench: could not start " + TICKET_SERVICE + " again: " + e.getMessage());
                }
            }
        }
    }

    static long max(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    static long min(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static void say(String format, Object... args) {
        Queueing.say(format, args);
    }
}
