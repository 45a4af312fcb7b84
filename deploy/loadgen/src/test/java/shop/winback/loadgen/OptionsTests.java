package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTests {

    private static Options parse(Map<String, String> env, String... args) throws Options.UsageException {
        return assertInstanceOf(Options.Run.class, Options.parse(args, env)).options();
    }

    @Test
    void aLongWarmUpGetsAgentsEnoughForItsTicketsUnlessAgentsAreGiven() throws Exception {
        Options o = parse(Map.of(), "--rate", "5000", "--warmup", "240s");
        assertTrue(o.expectedTickets() > 10 * ServiceClient.AGENT_CAPACITY, "the case: ten agents would fill up");
        assertTrue((long) o.agents() * ServiceClient.AGENT_CAPACITY >= o.expectedTickets(), "room for every ticket");
        assertEquals(
                2,
                parse(Map.of(), "--rate", "5000", "--warmup", "240s", "--agents", "2")
                        .agents());
    }

    @Test
    void defaults() throws Exception {
        Options o = parse(Map.of());
        assertEquals(1000, o.rate());
        assertEquals(0.10, o.negativeShare());
        assertEquals(Duration.ofSeconds(60), o.duration());
        assertEquals(Duration.ofSeconds(30), o.warmup());
        assertEquals(Duration.ofSeconds(15), o.drain());
        assertEquals(Duration.ofSeconds(15), o.floorDuration());
        assertEquals(10, o.agents());
        assertEquals(256, o.maxInFlight());
        assertEquals("http://127.0.0.1:8081", o.reviewUrl().toString());
        assertEquals("http://127.0.0.1:8082", o.ticketUrl().toString());
        assertEquals("127.0.0.1:9092", o.bootstrap());
        assertEquals("tickets.v1", o.ticketsTopic());
        assertNull(o.token());
        assertNull(o.shopId(), "a fresh bench shop per run unless --shop");
        assertEquals(60_000, o.requestsIn(o.duration()));
        assertEquals(100, o.negativeRate());
        assertEquals(0, o.batchSize(), "single posts unless --batch");
        assertFalse(o.batched());
    }

    @Test
    void batchSendsThroughTheBatchEndpointUpToItsLimit() throws Exception {
        Options o = parse(Map.of(), "--batch", "500", "--rate", "5000", "--duration", "30s");
        assertEquals(500, o.batchSize());
        assertTrue(o.batched());
        assertEquals(5000, o.rate(), "--rate stays reviews per second");
        assertEquals(150_000, o.requestsIn(o.duration()), "counted in reviews, not requests");
        assertEquals(1, parse(Map.of(), "--batch=1").batchSize(), "a batch of one is still a batch call");
        assertEquals(Options.MAX_BATCH, parse(Map.of(), "--batch", "1000").batchSize());
        assertTrue(parse(Map.of(), "--batch", "7").toString().contains("batchSize=7"));
        assertTrue(parse(Map.of()).toString().contains("batchSize=off"));
    }

    @Test
    void warmupRampsUpUnlessNoRamp() throws Exception {
        Options o = parse(Map.of());
        assertTrue(o.rampWarmup());
        assertEquals(
                SendSchedule.ramp(100, 1000, Duration.ofSeconds(15)),
                o.warmupSchedule(),
                "10% of the rate rising to the rate over the first half");
        assertEquals(23_250, o.warmupReviews(), "8250 in the ramp + 15000 at the full rate");

        Options flat = parse(Map.of(), "--no-ramp");
        assertFalse(flat.rampWarmup());
        assertEquals(SendSchedule.constant(1000), flat.warmupSchedule());
        assertEquals(flat.requestsIn(flat.warmup()), flat.warmupReviews(), "today's warm-up: the full rate throughout");
        assertEquals(30_000, flat.warmupReviews());
        assertTrue(flat.toString().contains("rampWarmup=false"), flat.toString());

        Options batched = parse(Map.of(), "--batch", "500", "--rate", "5000", "--warmup", "20s");
        assertEquals(SendSchedule.ramp(500, 5000, Duration.ofSeconds(10)), batched.warmupSchedule(), "in reviews");
        assertEquals(27_500 + 50_000, batched.warmupReviews());

        assertEquals(0, parse(Map.of(), "--warmup", "0").warmupReviews());
        assertEquals(
                SendSchedule.ramp(2, 20, Duration.ofSeconds(1)),
                parse(Map.of(), "--rate", "20", "--warmup", "2s").warmupSchedule());
        assertEquals(31, parse(Map.of(), "--rate", "20", "--warmup", "2s").warmupReviews());
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--no-ramp=yes"}, Map.of()));
        assertEquals(0, Main.run(new String[] {"--check-options", "--no-ramp", "--warmup", "10s"}));
    }

    @Test
    void rejectsBatchSizesTheApiWouldNot() {
        Map<String, String> env = Map.of();
        for (String bad : new String[] {"0", "-5", "1001", "100000", "ten", "2.5", ""}) {
            Options.UsageException e = assertThrows(
                    Options.UsageException.class, () -> Options.parse(new String[] {"--batch", bad}, env), bad);
            assertTrue(e.getMessage().startsWith("--batch"), e.getMessage());
        }
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--batch"}, env));
    }

    @Test
    void bothOptionStylesAndUnits() throws Exception {
        Options o = parse(
                Map.of(),
                "--rate",
                "250",
                "--negative=25%",
                "--duration",
                "2m",
                "--warmup=0",
                "--drain",
                "500ms",
                "--agents",
                "3",
                "--review-url",
                "http://localhost:9001/",
                "--floor-duration",
                "0");
        assertEquals(250, o.rate());
        assertEquals(0.25, o.negativeShare());
        assertEquals(Duration.ofMinutes(2), o.duration());
        assertEquals(Duration.ZERO, o.warmup());
        assertEquals(Duration.ofMillis(500), o.drain());
        assertEquals(Duration.ZERO, o.floorDuration());
        assertEquals(3, o.agents());
        assertEquals("http://localhost:9001", o.reviewUrl().toString(), "trailing slash dropped");
        assertEquals(30_000, o.requestsIn(o.duration()));
    }

    @Test
    void environmentSuppliesBootstrapAndTokenButOptionsWin() throws Exception {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:29092", "BENCH_TOKEN", "abc");
        Options fromEnv = parse(env);
        assertEquals("kafka:29092", fromEnv.bootstrap());
        assertEquals("abc", fromEnv.token());
        Options fromArgs = parse(env, "--bootstrap", "127.0.0.1:19092", "--token", "xyz");
        assertEquals("127.0.0.1:19092", fromArgs.bootstrap());
        assertEquals("xyz", fromArgs.token());
    }

    @Test
    void shopChoosesTheBenchShop() throws Exception {
        assertEquals("bench-0a1b2c", parse(Map.of(), "--shop", "bench-0a1b2c").shopId());
        assertEquals("Shop_1.x", parse(Map.of(), "--shop=Shop_1.x").shopId());
        assertEquals(
                "s".repeat(Options.MAX_SHOP_ID_LENGTH),
                parse(Map.of(), "--shop", "s".repeat(Options.MAX_SHOP_ID_LENGTH))
                        .shopId());
        Options withToken = parse(Map.of(), "--shop", "bench-abcdef", "--token", "jwt");
        assertEquals("bench-abcdef", withToken.shopId());
        assertEquals("jwt", withToken.token());
        assertEquals("bench-abcdef", Bench.shopId(withToken), "the bench posts as the chosen shop");
    }

    @Test
    void withoutShopEachRunGetsAFreshOne() throws Exception {
        Options o = parse(Map.of());
        String first = Bench.shopId(o);
        assertTrue(first.matches("bench-[0-9a-f]{6}"), first);
        // 2^24 possibilities: ten draws all alike would mean the id is not random
        assertTrue(java.util.stream.IntStream.range(0, 10)
                        .mapToObj(i -> Bench.shopId(o))
                        .distinct()
                        .count()
                > 1);
    }

    @Test
    void rejectsShopIdsTheServicesWouldNot() {
        Map<String, String> env = Map.of();
        for (String bad : new String[] {
            "", " ", "-bench", "bench shop", "bench/1", "商店", "s".repeat(Options.MAX_SHOP_ID_LENGTH + 1)
        }) {
            assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--shop", bad}, env), bad);
        }
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--shop"}, env));
    }

    @Test
    void toStringHidesTheToken() throws Exception {
        String s = parse(Map.of("BENCH_TOKEN", "secret-jwt"), "--shop", "bench-123456")
                .toString();
        assertEquals(-1, s.indexOf("secret-jwt"));
        assertTrue(s.contains("shopId=bench-123456"), s);
    }

    @Test
    void fractionalRateGivesWholeRequests() throws Exception {
        Options o = parse(Map.of(), "--rate", "0.5", "--duration", "30s");
        assertEquals(15, o.requestsIn(o.duration()));
        assertEquals(1, o.negativeRate(), "floor probe never drops under one message a second");
    }

    @Test
    void help() throws Exception {
        assertInstanceOf(Options.Help.class, Options.parse(new String[] {"--rate", "5", "--help"}, Map.of()));
        assertInstanceOf(Options.Help.class, Options.parse(new String[] {"-h"}, Map.of()));
    }

    @Test
    void rejectsNonsense() {
        Map<String, String> env = Map.of();
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--rate", "0"}, env));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--rate", "fast"}, env));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--negative", "1.5"}, env));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--negative", "-5%"}, env));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--duration", "0"}, env));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--drain", "-1"}, env));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--agents", "0"}, env));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--rate"}, env));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--colour", "red"}, env));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"fast"}, env));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--review-url", "ftp://x"}, env));
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(250), Options.parseDuration("250ms"));
        assertEquals(Duration.ofSeconds(30), Options.parseDuration("30"));
        assertEquals(Duration.ofMillis(1500), Options.parseDuration("1.5s"));
        assertEquals(Duration.ofMinutes(1), Options.parseDuration("1m"));
        assertThrows(NumberFormatException.class, () -> Options.parseDuration("soon"));
    }
}
