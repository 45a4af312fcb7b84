package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTests {

    @Test
    void checkOptionsOnlyParses() {
        assertEquals(0, Main.run(new String[] {"--check-options", "--rate", "5", "--duration", "30s"}));
        assertEquals(2, Main.run(new String[] {"--check-options", "--rate", "0"}));
        assertEquals(2, Main.run(new String[] {"--check-options", "--nope"}));
        assertEquals(0, Main.run(new String[] {"--check-options", "--shop", "bench-0a1b2c", "--token", "a.b.c"}));
        assertEquals(2, Main.run(new String[] {"--check-options", "--shop", "no spaces"}));
        assertEquals(0, Main.run(new String[] {"--check-options", "--batch", "500", "--rate", "5000"}));
        assertEquals(2, Main.run(new String[] {"--check-options", "--batch", "1001"}));
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, Main.run(new String[] {"--help"}));
    }
}
