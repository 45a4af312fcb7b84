package shop.winback.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;

/**
 * deploy/bench --shops N --instances K: tickets per second at saturation, with one ticket-service instance and then
 * with K (the others on --second-ticket-port and the ports after it, in the same consumer group).
 *
 * <p>Saturation: for each measurement ticket-service is stopped, --scale-reviews negative reviews of N fresh shops
 * are queued on reviews.v1, then the instances are started together and the rate is taken from the first to the last
 * ticket.assigned.v1 (the queue keeps every instance busy the whole time). Every fourth shop has agents for only 60 %
 * of its reviews, so capacity binds there and tickets wait; afterwards the events and the agents API must show no
 * ticket or review assigned twice and no agent holding more than its capacity.
 */
final class ScaleMode {

    static final String TICKET_SERVICE = "ticket-service";
    static final int AGENTS_PER_SHOP = 3;
    /** Every BINDING_EVERY-th shop (0, 4, 8, …) gets agents for BINDING_SHARE of its reviews. */
    static final int BINDING_EVERY = 4;

    static final double BINDING_SHARE = 0.6;
    static final long TOKEN_TTL_SECONDS = 86_400;

    /** A shop of one measurement: its reviews and its agents' capacities. */
    record ShopPlan(String shop, int reviews, List<Integer> capacities) {
        int capacity() {
            return capacities.stream().mapToInt(Integer::intValue).sum();
        }

        /** Tickets that can be assigned: the rest wait for room. */
        int expected() {
            return Math.min(reviews, capacity());
        }
    }

    /** What one measurement came to. */
    record Measured(
            int instances,
            Double ticketsPerSecond,
            long tickets,
            long expected,
            long doubleAssigned,
            long overCapacity) {}

    private final Options options;

    ScaleMode(Options options) {
        this.options = options;
    }

    /** The shops' plans: {@code total} reviews spread evenly; every fourth shop's agents hold only 60 % of its reviews. */
    static List<ShopPlan> plan(List<String> shops, int total) {
        List<ShopPlan> plans = new ArrayList<>();
        int n = shops.size();
        for (int i = 0; i < n; i++) {
            int reviews = total / n + (i < total % n ? 1 : 0);
            int capacity = i % BINDING_EVERY == 0 ? (int) Math.floor(reviews * BINDING_SHARE) : reviews;
            int agents = Math.max(
                    AGENTS_PER_SHOP, (capacity + ServiceClient.AGENT_CAPACITY - 1) / ServiceClient.AGENT_CAPACITY);
            List<Integer> caps = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                caps.add(capacity / agents + (a < capacity % agents ? 1 : 0));
            }
            plans.add(new ShopPlan(shops.get(i), reviews, List.copyOf(caps)));
        }
        return plans;
    }

    /**
     * Tickets assigned more than once (distinct ce_ids of ticket.assigned.v1 for one ticket: a redelivery repeats its
     * ce_id and is no second assignment) plus reviews that got more than one ticket.
     */
    static long doubleAssigned(List<ShopEvents.Event> events) {
        Map<String, Set<String>> ceIdsOfTicket = new HashMap<>();
        Map<String, Set<String>> ticketsOfReview = new HashMap<>();
        for (ShopEvents.Event e : events) {
            ceIdsOfTicket.computeIfAbsent(e.ticketId(), t -> new HashSet<>()).add(String.valueOf(e.ceId()));
            ticketsOfReview
                    .computeIfAbsent(e.shopId() + "\u0000" + e.platformReviewId(), r -> new HashSet<>())
                    .add(String.valueOf(e.ticketId()));
        }
        return ceIdsOfTicket.values().stream().filter(s -> s.size() > 1).count()
                + ticketsOfReview.values().stream().filter(s -> s.size() > 1).count();
    }

    /** Distinct tickets assigned to each agent, from the events. */
    static Map<String, Integer> ticketsPerAgent(List<ShopEvents.Event> events) {
        Map<String, Set<String>> tickets = new HashMap<>();
        for (ShopEvents.Event e : events) {
            tickets.computeIfAbsent(String.valueOf(e.agentId()), a -> new HashSet<>())
                    .add(String.valueOf(e.ticketId()));
        }
        Map<String, Integer> counts = new HashMap<>();
        tickets.forEach((agent, set) -> counts.put(agent, set.size()));
        return counts;
    }

    /**
     * Agents that held more than their capacity: by the events (tickets assigned to them; nothing is resolved during
     * the run, so that is what they hold) or by the agents API (openTickets).
     */
    static long overCapacity(
            Map<String, Integer> capacityOfAgent,
            Map<String, Integer> assignedByEvents,
            Map<String, Integer> openByApi) {
        Set<String> agents = new LinkedHashSet<>(capacityOfAgent.keySet());
        agents.addAll(assignedByEvents.keySet());
        long over = 0;
        for (String agent : agents) {
            Integer capacity = capacityOfAgent.get(agent);
            if (capacity == null) {
                over++; // a ticket went to an agent this run did not create: not one of the shop's
                continue;
            }
            if (assignedByEvents.getOrDefault(agent, 0) > capacity || openByApi.getOrDefault(agent, 0) > capacity) {
                over++;
            }
        }
        return over;
    }

    /** Assignments per second from the first to the last (n tickets span n − 1 intervals); null for fewer than two. */
    static Double ratePerSecond(java.util.Collection<Long> firstSeenNanos) {
        if (firstSeenNanos.size() < 2) {
            return null;
        }
        long min = firstSeenNanos.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = firstSeenNanos.stream().mapToLong(Long::longValue).max().orElseThrow();
        return max == min ? null : (firstSeenNanos.size() - 1) / ((max - min) / 1e9);
    }

    void run() throws SetupException, InterruptedException {
        Options.Modes m = options.modes();
        Control control = Control.require(options, "--shops/--instances");
        if (m.jwtKey() == null) {
            throw new SetupException(
                    "scale mints a token for each of its shops: give --jwt-key FILE (the local signing key, "
                            + ".local/secrets/jwt-private.pem; deploy/bench sets it when the key exists)");
        }
        TokenMinter minter = TokenMinter.fromPem(Path.of(m.jwtKey()));
        String base = Bench.shopId(options);
        List<Integer> extraPorts = new ArrayList<>();
        for (int i = 0; i < m.instances() - 1; i++) {
            extraPorts.add(m.secondTicketPort() + i);
        }
        say(
                "scale: shops=%d reviews=%d per measurement (all negative; every %dth shop has agents for %d%% of its reviews) "
                        + "instances=1%s give-up=%ss shops named %s-<measurement>s<n>",
                m.shops(),
                m.scaleReviews(),
                BINDING_EVERY,
                Math.round(BINDING_SHARE * 100),
                m.instances() > 1 ? " then " + m.instances() : "",
                m.giveUp().toSeconds(),
                base);
        List<Measured> results = new ArrayList<>();
        boolean primaryDown = false;
        try (ServiceClient client = new ServiceClient(options.reviewUrl(), options.ticketUrl(), options.token());
                Admin admin = Admin.create(KafkaSettings.admin(options.bootstrap()))) {
            client.awaitReady(Duration.ofSeconds(30));
            List<Integer> counts = m.instances() > 1 ? List.of(1, m.instances()) : List.of(1);
            for (int round = 0; round < counts.size(); round++) {
                int instances = counts.get(round);
                List<String> shops = new ArrayList<>();
                for (int i = 1; i <= m.shops(); i++) {
                    shops.add(String.format("%s-%ds%03d", base, round + 1, i));
                }
                List<ShopPlan> plans = plan(shops, m.scaleReviews());
                Map<String, String> bearer = new HashMap<>();
                for (String shop : shops) {
                    bearer.put(
                            shop,
                            ServiceClient.bearer(
                                    minter.mint(shop, "bench", List.of("integration", "manager"), TOKEN_TTL_SECONDS)));
                }
                Map<String, Integer> capacityOfAgent = new HashMap<>();
                for (ShopPlan p : plans) {
                    for (int a = 0; a < p.capacities().size(); a++) {
                        String id = client.createAgent(
                                p.shop(), "agent-" + (a + 1), p.capacities().get(a), bearer.get(p.shop()));
                        capacityOfAgent.put(id, p.capacities().get(a));
                    }
                }
                long expected = plans.stream().mapToLong(ShopPlan::expected).sum();
                say(
                        "scale [%d instance%s]: %d shops, %d agents, %d reviews, %d can be assigned (the rest wait for room)",
                        instances,
                        instances == 1 ? "" : "s",
                        shops.size(),
                        capacityOfAgent.size(),
                        m.scaleReviews(),
                        expected);
                Backlog.awaitDrained(
                        admin,
                        Bench.BACKLOG_PATIENCE,
                        lag -> say("scale: waiting for %s to work off %d older reviews first ...", Backlog.GROUP, lag));

                primaryDown = true;
                control.stop(TICKET_SERVICE);
                for (int port : extraPorts) {
                    control.stop(TICKET_SERVICE, port);
                }
                List<BulkPoster.Job> jobs = new ArrayList<>();
                for (ShopPlan p : plans) {
                    BulkPoster.jobs(
                            jobs,
                            new ReviewFactory(new ReviewIds(p.shop()), 1.0),
                            p.reviews(),
                            Queueing.BATCH,
                            bearer.get(p.shop()));
                }
                Queueing.queue(options, client, jobs, Set.copyOf(shops), base, m.scaleReviews());

                ShopEvents assigned = new ShopEvents(Set.copyOf(shops), base, ShopEvents.ASSIGNED);
                try (TopicTail tail = new TopicTail(
                        options.bootstrap(),
                        options.ticketsTopic(),
                        base + "-" + (round + 1) + "-assigned",
                        assigned)) {
                    tail.start(Duration.ofSeconds(30));
                    List<Integer> ports = new ArrayList<>();
                    ports.add(null); // the service's own port
                    ports.addAll(extraPorts.subList(0, instances - 1));
                    long started = System.nanoTime();
                    startTogether(control, ports);
                    primaryDown = false;
                    long done = Queueing.await(
                            assigned, expected, started + m.giveUp().toNanos(), "assigned");
                    if (done < expected) {
                        say(
                                "scale: gave up after %d s with %d of %d assignable tickets assigned",
                                m.giveUp().toSeconds(), done, expected);
                    }
                    Thread.sleep(Queueing.GRACE.toMillis());
                    tail.close();
                    List<ShopEvents.Event> events = assigned.events();
                    Map<String, Long> first = Queueing.firstSeen(events);
                    Double rate = ratePerSecond(first.values());
                    long doubles = doubleAssigned(events);
                    Map<String, Integer> byEvents = ticketsPerAgent(events);
                    Map<String, Integer> byApi = new HashMap<>();
                    long mismatched = 0;
                    for (String shop : shops) {
                        for (JsonNode agent : client.listAgents(shop, bearer.get(shop))) {
                            String id = agent.path("id").asText();
                            int open = agent.path("openTickets").asInt();
                            byApi.put(id, open);
                            if (open != byEvents.getOrDefault(id, 0)) {
                                mismatched++;
                            }
                        }
                    }
                    long over = overCapacity(capacityOfAgent, byEvents, byApi);
                    say(
                            "scale [%d instance%s]: %d of %d tickets assigned, %s tickets/s from the first to the last; "
                                    + "double assigned=%d, agents over capacity=%d, agents whose openTickets differ from "
                                    + "their assignments=%d, assigned events=%d",
                            instances,
                            instances == 1 ? "" : "s",
                            first.size(),
                            expected,
                            BenchLines.orNa(rate, 1),
                            doubles,
                            over,
                            mismatched,
                            events.size());
                    results.add(new Measured(instances, rate, first.size(), expected, doubles, over));
                }
            }
            for (int port : extraPorts) {
                control.stop(TICKET_SERVICE, port);
            }
        } finally {
            if (primaryDown) {
                say("scale: starting %s again after the failure", TICKET_SERVICE);
                try {
                    control.start(TICKET_SERVICE);
                } catch (SetupException e) {
                    System.err.println("bench: could not start " + TICKET_SERVICE + " again: " + e.getMessage());
                }
            }
        }
        Measured one = results.get(0);
        Measured last = results.get(results.size() - 1);
        System.out.println(BenchLines.scale(new BenchLines.Scale(
                last.instances(),
                m.shops(),
                last.ticketsPerSecond(),
                one.ticketsPerSecond(),
                results.stream().mapToLong(Measured::doubleAssigned).sum(),
                results.stream().mapToLong(Measured::overCapacity).sum(),
                results.stream().mapToLong(Measured::tickets).sum(),
                results.stream().mapToLong(Measured::expected).sum())));
    }

    /** Starts the instances at the same time (each deploy/run start-service waits for its own readiness). */
    private static void startTogether(Control control, List<Integer> ports)
            throws SetupException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(ports.size());
        try {
            List<Future<Control.Started>> starts = new ArrayList<>();
            for (Integer port : ports) {
                starts.add(pool.submit(() -> control.start(TICKET_SERVICE, port)));
            }
            for (Future<Control.Started> f : starts) {
                Control.Started s = f.get();
                say(
                        "scale: %s pid %d on port %d ready after %.2f s",
                        s.instance(), s.pid(), s.port(), s.readySeconds());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SetupException se) {
                throw se;
            }
            throw new SetupException("starting ticket-service failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static void say(String format, Object... args) {
        Queueing.say(format, args);
    }
}
