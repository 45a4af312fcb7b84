package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm-up's human line, from the options alone. */
class BenchWarmupTests {

    private static Options parse(String... args) throws Options.UsageException {
        return assertInstanceOf(Options.Run.class, Options.parse(args, Map.of()))
                .options();
    }

    private static String plan(Options o) {
        return Bench.warmupPlan(o, o.warmupReviews());
    }

    @Test
    void theLineSaysHowTheWarmupRamps() throws Exception {
        assertEquals(
                "warmup: 23250 reviews, ramping 100/s → 1000/s over 15 s, then 1000/s for 15 s (not measured) ...",
                plan(parse()));
        assertEquals(
                "warmup: 77500 reviews in batches of 500, ramping 500/s → 5000/s over 10 s, then 5000/s for 10 s "
                        + "(not measured) ...",
                plan(parse("--batch", "500", "--rate", "5000", "--warmup", "20s")));
        assertEquals(
                "warmup: 1937 reviews, ramping 25/s → 250/s over 5 s, then 250/s for 5 s (not measured) ...",
                plan(parse("--rate", "250", "--warmup", "10s")));
        assertEquals(
                "warmup: 17 reviews, ramping 1.5/s → 15/s over 0.75 s, then 15/s for 0.75 s (not measured) ...",
                plan(parse("--rate", "15", "--warmup", "1.5s")));
    }

    @Test
    void withoutTheRampItIsTodaysLine() throws Exception {
        assertEquals("warmup: 30000 reviews at 1000/s (not measured) ...", plan(parse("--no-ramp")));
        assertEquals(
                "warmup: 100000 reviews at 5000/s in batches of 500 (not measured) ...",
                plan(parse("--no-ramp", "--batch", "500", "--rate", "5000", "--warmup", "20s")));
    }
}
