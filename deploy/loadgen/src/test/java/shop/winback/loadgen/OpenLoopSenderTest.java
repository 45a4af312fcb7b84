package shop.winback.loadgen;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the sender against a loopback stub: short (well under two seconds) but real HTTP. */
class OpenLoopSenderTest {

    private final java.util.List<ServiceClient> clients = new java.util.ArrayList<>();

    private ServiceClient closeLater(ServiceClient client) {
        clients.add(client);
        return client;
    }

    @org.junit.jupiter.api.AfterEach
    void closeClients() {
        clients.forEach(ServiceClient::close);
    }

    private static final long MS = 1_000_000L;
    private final ReviewIds ids = new ReviewIds("bench-abcdef");
    private final ReviewFactory factory = new ReviewFactory(ids, 0.10);

    @Test
    void sendsEveryReviewOnceOnScheduleAndCountsStatuses() throws Exception {
        try (StubServer stub = new StubServer(s -> s.body().contains("-M-R-0000007\"")
                ? new StubServer.Reply(500, "{\"title\":\"boom\"}")
                : new StubServer.Reply(201, "{\"id\":\"x\"}"))) {
            ServiceClient client = closeLater(new ServiceClient(stub.url(), stub.url(), "tok"));
            OpenLoopSender sender = new OpenLoopSender(client, factory, 64);
            long before = System.nanoTime();
            OpenLoopSender.PhaseResult r = sender.run(ReviewIds.Phase.MEASURED, 200, 400);
            long elapsed = System.nanoTime() - before;

            assertEquals(200, r.sent());
            assertEquals(199, r.okCount());
            assertEquals(1, r.errorCount());
            assertEquals(500, r.status()[7]);
            assertTrue(r.topFailures(1).get(0).getKey().startsWith("HTTP 500"), r.failureCounts().toString());
            assertTrue(elapsed >= 490 * MS, "200 requests at 400/s take about half a second, not " + elapsed / MS + " ms");
            assertEquals(r.intendedNanos(0) + 2_500_000L, r.intendedNanos(1));
            assertEquals(r.intendedNanos(0) + 497_500_000L, r.intendedNanos(199));
            assertTrue(r.okPerSecond() < 420, "never faster than the schedule: ok/s " + r.okPerSecond());

            Set<String> bodies = new HashSet<>();
            for (StubServer.Seen s : stub.seen) {
                assertEquals("POST", s.method());
                assertEquals("/api/v1/reviews", s.path());
                assertEquals("Bearer tok", s.authorization());
                bodies.add(s.body().replaceAll(".*\"platformReviewId\":\"([^\"]+)\".*", "$1"));
            }
            assertEquals(200, bodies.size(), "each review sent exactly once");
            assertTrue(bodies.contains("bench-abcdef-M-R-0000199"));
        }
    }

    /**
     * The stub stalls 300 ms on one request and serves one request at a time; with a single in-flight slot the
     * sender cannot send during the stall. The next request must carry the stall in its latency (measured from its
     * intended time), even though its own round trip after the stall is short: no coordinated omission.
     */
    @Test
    void latencyIsTakenFromTheIntendedTimeSoStallsAreNotHidden() throws Exception {
        try (StubServer stub = new StubServer(s -> {
            if (s.body().contains("-M-R-0000020\"")) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new StubServer.Reply(201, "{\"id\":\"x\"}");
        })) {
            OpenLoopSender sender = new OpenLoopSender(closeLater(new ServiceClient(stub.url(), stub.url(), null)), factory, 1);
            OpenLoopSender.PhaseResult r = sender.run(ReviewIds.Phase.MEASURED, 60, 200);

            assertEquals(60, r.okCount());
            assertTrue(r.behind() > 0, "the in-flight cap was hit during the stall");
            long next = r.httpLatencyNanos()[21];
            assertTrue(next >= 250 * MS, "request 21 was due 5 ms after the stalled one; latency " + next / MS + " ms");
            assertTrue(r.httpLatency().p99Nanos() >= 250 * MS);
            assertTrue(r.httpLatencyNanos()[5] < 250 * MS, "requests before the stall are fast");
            assertEquals(null, stub.seen.get(0).authorization(), "no Authorization header without a token");
        }
    }
}
