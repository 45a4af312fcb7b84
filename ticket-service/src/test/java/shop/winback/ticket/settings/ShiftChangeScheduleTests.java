package shop.winback.ticket.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When the shift-change timer next fires: the first start or end of a shift after now. Pure computation. */
class ShiftChangeScheduleTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static TicketSettings shifts(String dayStart, String dayEnd, String nightStart, String nightEnd) {
        return new TicketSettings(
                "Asia/Shanghai",
                LocalTime.parse(dayStart),
                LocalTime.parse(dayEnd),
                LocalTime.parse(nightStart),
                LocalTime.parse(nightEnd),
                30,
                48,
                LocalTime.NOON,
                2,
                300L,
                500L,
                3000L,
                5,
                3000L,
                0L);
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    static final TicketSettings DEFAULTS = shifts("09:00", "18:00", "18:00", "00:00");

    @Test
    void atNightTheNextChangeIsTheMorningsDayShift() {
        assertThat(DEFAULTS.nextShiftChange(local("2026-11-24T03:00"))).isEqualTo(local("2026-11-24T09:00"));
    }

    @Test
    void duringTheDayItIsTheNightShiftAndThenMidnight() {
        assertThat(DEFAULTS.nextShiftChange(local("2026-11-24T10:00"))).isEqualTo(local("2026-11-24T18:00"));
        assertThat(DEFAULTS.nextShiftChange(local("2026-11-24T18:00")))
                .as("strictly after")
                .isEqualTo(local("2026-11-25T00:00"));
        assertThat(DEFAULTS.nextShiftChange(local("2026-11-24T23:59:59"))).isEqualTo(local("2026-11-25T00:00"));
    }

    @Test
    void aGapBetweenShiftsHasBothTheEndAndTheStart() {
        TicketSettings gap = shifts("08:30", "17:30", "19:00", "01:00");
        assertThat(gap.nextShiftChange(local("2026-11-24T17:00"))).isEqualTo(local("2026-11-24T17:30"));
        assertThat(gap.nextShiftChange(local("2026-11-24T17:30"))).isEqualTo(local("2026-11-24T19:00"));
        assertThat(gap.nextShiftChange(local("2026-11-24T19:00")))
                .as("the night ends after midnight")
                .isEqualTo(local("2026-11-25T01:00"));
        assertThat(gap.nextShiftChange(local("2026-11-25T01:00"))).isEqualTo(local("2026-11-25T08:30"));
    }

    @Test
    void secondsAreKept() {
        TicketSettings exact = shifts("09:00:30", "18:00", "18:00", "09:00:30");
        assertThat(exact.nextShiftChange(local("2026-11-24T09:00:10"))).isEqualTo(local("2026-11-24T09:00:30"));
    }
}
