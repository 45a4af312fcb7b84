package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs the sender against a loopback stub: short (well under two seconds) but real HTTP. */
class OpenLoopSenderTests {

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
            assertTrue(
                    r.topFailures(1).get(0).getKey().startsWith("HTTP 500"),
                    r.failureCounts().toString());
            assertTrue(
                    elapsed >= 490 * MS, "200 requests at 400/s take about half a second, not " + elapsed / MS + " ms");
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
                StubServer.respondSlowly(java.time.Duration.ofMillis(300));
            }
            return new StubServer.Reply(201, "{\"id\":\"x\"}");
        })) {
            OpenLoopSender sender =
                    new OpenLoopSender(closeLater(new ServiceClient(stub.url(), stub.url(), null)), factory, 1);
            OpenLoopSender.PhaseResult r = sender.run(ReviewIds.Phase.MEASURED, 60, 200);

            assertEquals(60, r.okCount());
            assertTrue(r.behind() > 0, "the in-flight cap was hit during the stall");
            long next = r.httpLatencyNanos()[21];
            assertTrue(next >= 250 * MS, "request 21 was due 5 ms after the stalled one; latency " + next / MS + " ms");
            assertTrue(r.httpLatency().p99Nanos() >= 250 * MS);
            // (no upper bound on the others: on a busy box a fresh JVM's first requests may be slow too; the lower
            // bounds
            // above are what shows that a stall is not hidden)
            assertEquals(null, stub.seen.get(0).authorization(), "no Authorization header without a token");
        }
    }

    /** review-service sheds with 503 (+ Retry-After) when its capture queue is full; 429 counts the same. */
    @Test
    void shedAnswersAreCountedApartFromErrors() throws Exception {
        try (StubServer stub = new StubServer(s -> {
            if (s.body().contains("-M-R-0000003\"") || s.body().contains("-M-R-0000004\"")) {
                return new StubServer.Reply(503, "{\"type\":\"urn:winback:problem:overloaded\",\"status\":503}");
            }
            if (s.body().contains("-M-R-0000005\"")) {
                return new StubServer.Reply(429, "");
            }
            return s.body().contains("-M-R-0000007\"")
                    ? new StubServer.Reply(500, "{\"title\":\"boom\"}")
                    : new StubServer.Reply(201, "{\"id\":\"x\"}");
        })) {
            OpenLoopSender sender =
                    new OpenLoopSender(closeLater(new ServiceClient(stub.url(), stub.url(), null)), factory, 8);
            OpenLoopSender.PhaseResult r = sender.run(ReviewIds.Phase.MEASURED, 40, 1000);

            assertEquals(40, stub.seen.size(), "a shed request is an outcome: not sent again");
            assertEquals(36, r.okCount());
            assertEquals(3, r.shedCount());
            assertEquals(1, r.errorCount(), "only the 500");
            assertEquals(2, r.count(503));
            assertEquals(1, r.count(429));
            assertTrue(r.shed(3) && r.shed(5) && !r.ok(3) && !r.shed(7) && !r.shed(0));
            assertEquals(
                    Map.of("HTTP 500 {\"title\":\"boom\"}", 1L), r.failureCounts(), "shedding is no failure reason");
            assertEquals(36, sender.progress().ok.sum());
            assertEquals(3, sender.progress().shed.sum());
            assertEquals(1, sender.progress().errors.sum());
        }
    }

    @Test
    void aShedBatchCountsEachOfItsReviewsAsShed() throws Exception {
        try (StubServer stub = new StubServer(s -> {
            if (s.body().contains("-M-R-0000010\"")) {
                return new StubServer.Reply(503, "{\"type\":\"urn:winback:problem:overloaded\"}");
            }
            return batchAnswer(s); // the batch with review 45 fails with 500, review 7 is rejected
        })) {
            OpenLoopSender sender =
                    new OpenLoopSender(closeLater(new ServiceClient(stub.url(), stub.url(), null)), factory, 8);
            OpenLoopSender.PhaseResult r = sender.run(ReviewIds.Phase.MEASURED, 50, 1000, 5);

            assertEquals(10, stub.seen.size());
            assertEquals(5, r.shedCount(), "reviews 10..14");
            assertEquals(5, r.count(503));
            assertEquals(503, r.requestStatus()[2]);
            assertEquals(6, r.errorCount(), "the rejected review and the 5 of the batch answered 500");
            assertEquals(39, r.okCount());
            assertEquals(50, r.okCount() + r.shedCount() + r.errorCount());
            assertEquals(
                    null,
                    r.failureCounts().keySet().stream()
                            .filter(k -> k.contains("503"))
                            .findAny()
                            .orElse(null),
                    r.failureCounts().toString());
            assertEquals(5, sender.progress().shed.sum());
            assertEquals(6, sender.progress().errors.sum());
        }
    }

    /** The warm-up's ramp: each request goes out at its review's time on the schedule, batches at their first review's. */
    @Test
    void aRampedScheduleSetsTheIntendedTimes() throws Exception {
        SendSchedule ramp =
                SendSchedule.ramp(100, 1000, java.time.Duration.ofMillis(100)); // 55 reviews, then 1 ms apart
        try (StubServer stub = new StubServer(
                s -> s.path().endsWith(":batch") ? batchAnswer(s) : new StubServer.Reply(201, "{\"id\":\"x\"}"))) {
            OpenLoopSender sender =
                    new OpenLoopSender(closeLater(new ServiceClient(stub.url(), stub.url(), null)), factory, 16);
            OpenLoopSender.PhaseResult single = sender.run(ReviewIds.Phase.WARMUP, 80, ramp, 0);
            assertEquals(80, single.okCount());
            assertEquals(ramp, single.schedule());
            for (int i = 0; i < 80; i++) {
                assertEquals(single.startNanos() + ramp.offsetNanos(i), single.intendedNanos(i), "review " + i);
            }
            assertTrue(single.intendedNanos(1) - single.intendedNanos(0) > 5 * MS, "starts slow");
            assertEquals(MS, single.intendedNanos(79) - single.intendedNanos(78), "ends at 1000/s");

            OpenLoopSender.PhaseResult batched = sender.run(ReviewIds.Phase.WARMUP, 80, ramp, 10);
            assertEquals(8, batched.requests());
            for (int i = 0; i < 80; i++) {
                assertEquals(
                        batched.startNanos() + ramp.offsetNanos(i / 10 * 10), batched.intendedNanos(i), "review " + i);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> reviewsOf(StubServer.Seen s) {
        try {
            List<JsonNode> reviews = new ArrayList<>();
            JSON.readTree(s.body()).path("reviews").forEach(reviews::add);
            return reviews;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Answers a batch as review-service does: review ...0000007 rejected, ...0000013 a duplicate, the rest created;
     * the batch holding review ...0000045 fails as a whole with HTTP 500.
     */
    private static StubServer.Reply batchAnswer(StubServer.Seen s) {
        List<JsonNode> reviews = reviewsOf(s);
        if (s.body().contains("-M-R-0000045\"")) {
            return new StubServer.Reply(500, "{\"title\":\"boom\"}");
        }
        ArrayNode results = JSON.createArrayNode();
        int created = 0;
        for (int i = 0; i < reviews.size(); i++) {
            String id = reviews.get(i).path("platformReviewId").asText();
            ObjectNode r = results.addObject().put("index", i).put("platformReviewId", id);
            if (id.endsWith("-0000007")) {
                r.put("outcome", "REJECTED").putNull("reviewId");
                r.putArray("violations")
                        .addObject()
                        .put("field", "rating")
                        .put("message", "must be one of GOOD, NEUTRAL, BAD");
            } else {
                r.put("outcome", id.endsWith("-0000013") ? "DUPLICATE" : "CREATED")
                        .put("reviewId", "r-" + i);
                r.putArray("violations");
                created += id.endsWith("-0000013") ? 0 : 1;
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("created", created);
        answer.set("results", results);
        return new StubServer.Reply(200, answer.toString());
    }

    @Test
    void batchesGoOutOnScheduleAndEveryReviewGetsItsOwnOutcome() throws Exception {
        try (StubServer stub = new StubServer(OpenLoopSenderTests::batchAnswer)) {
            OpenLoopSender sender =
                    new OpenLoopSender(closeLater(new ServiceClient(stub.url(), stub.url(), "tok")), factory, 64);
            long before = System.nanoTime();
            // 95 reviews at 200/s in tens: 10 requests 50 ms apart, the last with the 5 left over
            OpenLoopSender.PhaseResult r = sender.run(ReviewIds.Phase.MEASURED, 95, 200, 10);
            long elapsed = System.nanoTime() - before;

            assertEquals(95, r.sent());
            assertEquals(10, r.requests());
            assertEquals(10, stub.seen.size());
            assertTrue(
                    elapsed >= 440 * MS, "the 10th request is due 450 ms after the first, not " + elapsed / MS + " ms");
            assertEquals(
                    r.intendedNanos(0) + 50 * MS, r.intendedNanos(10), "a batch is due at first-review-index/rate");
            assertEquals(r.intendedNanos(10), r.intendedNanos(19), "every review of a batch shares its intended time");
            assertEquals(r.intendedNanos(0) + 450 * MS, r.intendedNanos(94));

            List<String> ids = new ArrayList<>();
            for (StubServer.Seen s : stub.seen) {
                assertEquals("POST", s.method());
                assertEquals("/api/v1/reviews:batch", s.path(), "the colon goes out unencoded");
                assertEquals("Bearer tok", s.authorization());
                List<JsonNode> reviews = reviewsOf(s);
                assertEquals(ids.size() == 90 ? 5 : 10, reviews.size());
                for (JsonNode review : reviews) {
                    // each item is the single-post body, field for field (createdAt is "now", to the second)
                    ObjectNode expected =
                            (ObjectNode) JSON.readTree(factory.body(ReviewIds.Phase.MEASURED, ids.size()));
                    ObjectNode actual = (ObjectNode) review.deepCopy();
                    assertTrue(actual.remove("createdAt").isTextual());
                    expected.remove("createdAt");
                    assertEquals(expected, actual);
                    ids.add(review.path("platformReviewId").asText());
                }
            }
            assertEquals(95, new HashSet<>(ids).size(), "each review sent exactly once");
            assertEquals("bench-abcdef-M-R-0000000", ids.get(0));
            assertEquals("bench-abcdef-M-R-0000094", ids.get(94), "in order, none left out");

            // per review: 83 created, 1 duplicate, 1 rejected, 10 in the failed batch
            assertEquals(201, r.status()[0]);
            assertEquals(400, r.status()[7]);
            assertEquals(200, r.status()[13]);
            assertEquals(500, r.status()[40]);
            assertEquals(500, r.status()[49]);
            assertEquals(83, r.count(201));
            assertEquals(1, r.count(200));
            assertEquals(84, r.okCount(), "created + duplicate");
            assertEquals(11, r.errorCount(), "the rejected review and the 10 of the failed batch");
            assertEquals(9, r.okRequests());
            assertEquals(500, r.requestStatus()[4]);
            assertEquals(10, r.httpLatency().count(), "one latency per HTTP request");
            assertEquals(
                    10L,
                    r.failureCounts().get("HTTP 500 {\"title\":\"boom\"}"),
                    r.failureCounts().toString());
            assertEquals(
                    1L,
                    r.failureCounts().get("REJECTED rating: must be one of GOOD, NEUTRAL, BAD"),
                    r.failureCounts().toString());
            assertTrue(
                    r.okPerSecond() <= 84 / 0.475,
                    "reviews/s over at least the whole schedule (95 at 200/s): " + r.okPerSecond());
        }
    }

    @Test
    void aBatchAnswerThatCannotBeReadCountsItsReviewsAsErrors() throws Exception {
        try (StubServer stub = new StubServer(s -> {
            if (s.body().contains("-W-R-0000000\"")) {
                return new StubServer.Reply(200, "{\"created\":4}"); // no results at all
            }
            // only index 0 answered, plus an index outside the batch and an unknown outcome
            return new StubServer.Reply(
                    200,
                    "{\"results\":[{\"index\":0,\"outcome\":\"CREATED\"},"
                            + "{\"index\":9,\"outcome\":\"CREATED\"},{\"index\":1,\"outcome\":\"MAYBE\"}]}");
        })) {
            OpenLoopSender sender =
                    new OpenLoopSender(closeLater(new ServiceClient(stub.url(), stub.url(), null)), factory, 8);
            OpenLoopSender.PhaseResult r = sender.run(ReviewIds.Phase.WARMUP, 8, 1000, 4);

            assertEquals(2, r.requests());
            assertEquals(2, r.okRequests(), "both answered 200");
            assertEquals(1, r.okCount(), "only review 4 (index 0 of the second batch) is known to be in");
            assertEquals(201, r.status()[4]);
            assertEquals(7, r.errorCount());
            assertEquals(2, r.httpLatency().count(), "answered requests still give latencies");
            assertTrue(
                    r.topFailures(1).get(0).getKey().startsWith("HTTP 200 batch answer without a results list"),
                    r.failureCounts().toString());
            assertEquals(
                    3L,
                    r.failureCounts().get("batch answer (HTTP 200) has no result for the review"),
                    r.failureCounts().toString());
        }
    }

    @Test
    void batchRefusedOrUnreachableFailsAllItsReviews() throws Exception {
        try (StubServer stub = new StubServer(s -> new StubServer.Reply(401, ""))) {
            OpenLoopSender sender =
                    new OpenLoopSender(closeLater(new ServiceClient(stub.url(), stub.url(), null)), factory, 8);
            OpenLoopSender.PhaseResult r = sender.run(ReviewIds.Phase.MEASURED, 25, 1000, 10);
            assertEquals(3, r.requests());
            assertEquals(0, r.okCount());
            assertEquals(25, r.errorCount());
            assertEquals(25, r.count(401));
            assertEquals(
                    25L, r.failureCounts().get("HTTP 401 "), r.failureCounts().toString());
        }
        java.net.URI nobody;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            nobody = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        OpenLoopSender sender = new OpenLoopSender(closeLater(new ServiceClient(nobody, nobody, null)), factory, 8);
        OpenLoopSender.PhaseResult r = sender.run(ReviewIds.Phase.MEASURED, 12, 1000, 5);
        assertEquals(12, r.errorCount());
        assertEquals(12, r.count(0), "transport failure");
        assertEquals(0, r.httpLatency().count(), "no HTTP answer, no latency sample");
    }

    /** As for single posts: a stalled batch holds up the next one, which carries the stall from its intended time. */
    @Test
    void batchLatencyIsTakenFromTheIntendedTime() throws Exception {
        try (StubServer stub = new StubServer(s -> {
            if (s.body().contains("-M-R-0000020\"")) {
                StubServer.respondSlowly(java.time.Duration.ofMillis(300));
            }
            return batchAnswer(s);
        })) {
            OpenLoopSender sender =
                    new OpenLoopSender(closeLater(new ServiceClient(stub.url(), stub.url(), null)), factory, 1);
            // batches of 5 at 100/s: one every 50 ms; the one holding review 20 (request 4) stalls 300 ms
            OpenLoopSender.PhaseResult r = sender.run(ReviewIds.Phase.MEASURED, 50, 100, 5);

            assertEquals(10, r.requests());
            assertTrue(r.behind() > 0, "the in-flight cap was hit during the stall");
            long next = r.httpLatencyNanos()[5];
            assertTrue(next >= 200 * MS, "request 5 was due 50 ms after the stalled one; latency " + next / MS + " ms");
            assertTrue(
                    r.httpLatencyNanos()[3] < next,
                    "the request before the stall does not carry it: " + r.httpLatencyNanos()[3] / MS + " ms vs "
                            + next / MS + " ms");
        }
    }
}
