package shop.winback.ticket.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA clocks run only in business hours: the shop's day and night shifts, in its time zone. */
class BusinessHoursTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The defaults: day 09:00–18:00, night 18:00–24:00. */
    static final BusinessHours SHOP = new BusinessHours(
            SHANGHAI,
            List.of(
                    new ShiftHours(LocalTime.of(9, 0), LocalTime.of(18, 0)),
                    new ShiftHours(LocalTime.of(18, 0), LocalTime.MIDNIGHT)));

    static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void insideBusinessHoursTheClockRunsNormally() {
        assertThat(SHOP.plus(local("2026-11-23T10:00"), Duration.ofMinutes(30))).isEqualTo(local("2026-11-23T10:30"));
    }

    @Test
    void theClockPausesAtMidnightAndResumesWhenTheDayShiftStarts() {
        // 23:50 + 30 min: 10 min tonight, 20 min from 09:00 tomorrow
        assertThat(SHOP.plus(local("2026-11-23T23:50"), Duration.ofMinutes(30))).isEqualTo(local("2026-11-24T09:20"));
    }

    @Test
    void aReviewArrivingAtNightWaitsForTheMorning() {
        assertThat(SHOP.plus(local("2026-11-24T03:00"), Duration.ofMinutes(30))).isEqualTo(local("2026-11-24T09:30"));
    }

    @Test
    void fortyEightBusinessHoursSpanMoreThanThreeDays() {
        // 15 business hours a day: 10:00 Mon + 48 h = 14 h Mon + 15 Tue + 15 Wed + 4 h Thu = 13:00 Thu
        assertThat(SHOP.plus(local("2026-11-23T10:00"), Duration.ofHours(48))).isEqualTo(local("2026-11-26T13:00"));
    }

    @Test
    void betweenCountsOnlyBusinessTimeAndIsNegativeWhenOverdue() {
        assertThat(SHOP.between(local("2026-11-23T23:00"), local("2026-11-24T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(SHOP.between(local("2026-11-24T10:00"), local("2026-11-23T23:00")))
                .isEqualTo(Duration.ofHours(-2));
        assertThat(SHOP.between(local("2026-11-24T01:00"), local("2026-11-24T08:00")))
                .isZero();
    }

    @Test
    void plusAndBetweenAgree() {
        Instant from = local("2026-11-23T17:45");
        for (int minutes : new int[] {1, 15, 30, 60 * 7, 60 * 48}) {
            Instant due = SHOP.plus(from, Duration.ofMinutes(minutes));
            assertThat(SHOP.between(from, due)).as("%d min", minutes).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void aNightShiftPastMidnightKeepsTheClockRunning() {
        BusinessHours late = new BusinessHours(
                SHANGHAI,
                List.of(
                        new ShiftHours(LocalTime.of(9, 0), LocalTime.of(18, 0)),
                        new ShiftHours(LocalTime.of(18, 0), LocalTime.of(2, 0))));
        assertThat(late.plus(local("2026-11-23T23:50"), Duration.ofMinutes(30))).isEqualTo(local("2026-11-24T00:20"));
        assertThat(late.isOpen(local("2026-11-24T01:30"))).isTrue();
        assertThat(late.isOpen(local("2026-11-24T03:00"))).isFalse();
    }

    @Test
    void shiftsContainTheirStartButNotTheirEnd() {
        ShiftHours night = new ShiftHours(LocalTime.of(22, 0), LocalTime.of(6, 0));
        assertThat(night.contains(LocalTime.of(22, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(3, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(6, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(new ShiftHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).contains(LocalTime.of(4, 0)))
                .as("round the clock")
                .isTrue();
    }
}
