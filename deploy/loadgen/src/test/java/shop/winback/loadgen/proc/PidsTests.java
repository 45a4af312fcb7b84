package shop.winback.loadgen.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PidsTests {

    @Test
    void rolesWithNumbersAddUp() {
        Pids p = Pids.parse("review=123, ticket=456,ticket2=789,postgres=42,kafka=77,compensation=,logistics=n/a");
        assertEquals(List.of(123L), p.of(Pids.Role.REVIEW));
        assertEquals(List.of(456L, 789L), p.of(Pids.Role.TICKET));
        assertEquals(List.of(42L), p.of(Pids.Role.POSTGRES));
        assertFalse(p.has(Pids.Role.COMPENSATION), "empty: not measured");
        assertFalse(p.has(Pids.Role.LOGISTICS), "n/a: not measured");
        assertEquals("review=123,ticket=456,ticket2=789,postgres=42,kafka=77", p.toString());
    }

    @Test
    void replacingARolesPids() {
        Pids p = Pids.parse("ticket=1,ticket2=2")
                .with(Pids.Role.TICKET, List.of(3L))
                .with(Pids.Role.BARE, List.of(9L));
        assertEquals(List.of(3L), p.of(Pids.Role.TICKET));
        assertTrue(p.has(Pids.Role.BARE));
        assertFalse(p.with(Pids.Role.BARE, List.of()).has(Pids.Role.BARE));
        assertFalse(Pids.parse("").has(Pids.Role.REVIEW));
        assertFalse(Pids.parse(null).has(Pids.Role.REVIEW));
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertThrows(IllegalArgumentException.class, () -> Pids.parse("review"));
        assertThrows(IllegalArgumentException.class, () -> Pids.parse("redis=1"));
        assertThrows(IllegalArgumentException.class, () -> Pids.parse("review=abc"));
        assertThrows(IllegalArgumentException.class, () -> Pids.parse("review=-4"));
    }
}
