package shop.winback.loadgen;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MainTest {

    @Test
    void checkOptionsOnlyParses() {
        assertEquals(0, Main.run(new String[] {"--check-options", "--rate", "5", "--duration", "30s"}));
        assertEquals(2, Main.run(new String[] {"--check-options", "--rate", "0"}));
        assertEquals(2, Main.run(new String[] {"--check-options", "--nope"}));
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, Main.run(new String[] {"--help"}));
    }
}
