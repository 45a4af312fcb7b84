package shop.winback.loadgen.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChaosOptionsTests {

    private static final String[] REQUIRED = {
        "--shop",
        "chaos-1",
        "--review-url",
        "http://127.0.0.1:1/",
        "--ticket-url",
        "http://127.0.0.1:2",
        "--compensation-url",
        "http://127.0.0.1:3",
        "--bootstrap",
        "127.0.0.1:4",
        "--jdbc",
        "jdbc:postgresql://127.0.0.1:5/",
        "--stop-file",
        "/tmp/stop"
    };

    @Test
    void defaultsAndTrailingSlash() {
        ChaosOptions o = ChaosOptions.parse(REQUIRED);
        assertEquals("http://127.0.0.1:1", o.reviewUrl().toString());
        assertEquals(50, o.rate());
        assertEquals(0.15, o.negative());
        assertEquals(2, o.compensationRate());
        assertEquals(Duration.ofSeconds(180), o.drainTimeout());
        assertEquals("postgres", o.dbUser());
    }

    @Test
    void valuesWithEqualsAndDurations() {
        String[] args = new String[REQUIRED.length + 3];
        System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
        args[REQUIRED.length] = "--rate=80";
        args[REQUIRED.length + 1] = "--drain-timeout";
        args[REQUIRED.length + 2] = "2m";
        ChaosOptions o = ChaosOptions.parse(args);
        assertEquals(80, o.rate());
        assertEquals(Duration.ofMinutes(2), o.drainTimeout());
        assertEquals(Duration.ofMillis(500), ChaosOptions.parseDuration("500ms"));
        assertEquals(Duration.ofSeconds(7), ChaosOptions.parseDuration("7"));
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChaosOptions.parse(new String[] {"--shop", "x"}));
        assertThrows(IllegalArgumentException.class, () -> ChaosOptions.parse(new String[] {"--nope", "1"}));
        String[] badRate = REQUIRED.clone();
        String[] withRate = new String[badRate.length + 2];
        System.arraycopy(badRate, 0, withRate, 0, badRate.length);
        withRate[badRate.length] = "--negative";
        withRate[badRate.length + 1] = "1.5";
        assertThrows(IllegalArgumentException.class, () -> ChaosOptions.parse(withRate));
        assertThrows(IllegalArgumentException.class, () -> ChaosOptions.parseDuration("soon"));
    }
}
