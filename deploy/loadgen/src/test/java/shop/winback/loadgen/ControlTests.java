package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControlTests {

    @Test
    void readsTheResultLineOfStartService() {
        Control.Started s = Control.parseStarted(
                        "noise\nstarted ticket-service-8092 pid=4242 port=8092 ready_s=6.37\n", 17)
                .orElseThrow();
        assertEquals("ticket-service-8092", s.instance());
        assertEquals(4242, s.pid());
        assertEquals(8092, s.port());
        assertEquals(6.37, s.readySeconds());
        assertEquals(17, s.invokedNanos());
        assertTrue(Control.parseStarted("stopped ticket-service\n", 0).isEmpty());
    }
}
