package shop.winback.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TestClockTests {

    @Test
    void theOffsetIsAnIsoDurationFromThePropertyElseTheEnvironmentElseNone() {
        assertEquals(Duration.ZERO, TestClock.offsetFrom(null, null));
        assertEquals(Duration.ZERO, TestClock.offsetFrom(" ", ""));
        assertEquals(Duration.ofDays(137).plusHours(5).plusMinutes(12), TestClock.offsetFrom(null, "P137DT5H12M"));
        assertEquals(Duration.ofDays(-150).minusHours(3), TestClock.offsetFrom(null, "-P150DT3H"));
        assertEquals(Duration.ofHours(2), TestClock.offsetFrom("PT2H", "P137DT5H12M"));
        assertThrows(IllegalStateException.class, () -> TestClock.offsetFrom(null, "137 days"));
    }

    @Test
    void nowIsTheRealClockShiftedByTheOffset() {
        Instant before = Instant.now().plus(TestClock.offset());
        Instant now = TestClock.now();
        Instant after = Instant.now().plus(TestClock.offset());
        assertTrue(!now.isBefore(before) && !now.isAfter(after), now + " between " + before + " and " + after);
        assertTrue(TestClock.daysAgo(3).isBefore(TestClock.hoursAgo(71)));
    }

    @Test
    void chinaTimesAreWrittenAsTheOrderSystemWritesThem() {
        assertEquals("2026-11-23T09:30:00+08:00", TestClock.china(Instant.parse("2026-11-23T01:30:00.123Z")));
        assertEquals("2026-11-23T09:30:00+08:00", TestClock.china(LocalDate.of(2026, 11, 23), "09:30"));
    }
}
