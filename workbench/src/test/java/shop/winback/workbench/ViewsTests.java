package shop.winback.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.workbench.Views.Sla;
import shop.winback.workbench.Views.SlaClock;
import shop.winback.workbench.Views.Ticket;

class ViewsTests {

    static final Instant AT = Instant.parse("2026-01-05T02:00:00Z");

    static Ticket ticket(SlaClock firstContact, SlaClock resolution) {
        return new Ticket(
                UUID.randomUUID(),
                "s",
                "O-1",
                "R-1",
                null,
                null,
                "BAD",
                12900,
                2,
                "REVIEW_RECOVERY",
                "ASSIGNED",
                null,
                AT,
                null,
                null,
                null,
                null,
                null,
                new Sla(firstContact, resolution, null));
    }

    static SlaClock running(long secondsLeft) {
        return new SlaClock(AT, null, secondsLeft, secondsLeft < 0);
    }

    @Test
    void theMostUrgentRunningClockCountsAndMetClocksDoNot() {
        Ticket beforeContact = ticket(running(600), running(86_400));
        assertThat(beforeContact.secondsLeft()).isEqualTo(600);
        assertThat(beforeContact.urgentName()).isEqualTo("firstContact");

        Ticket contacted = ticket(new SlaClock(AT, AT, null, false), running(3_600));
        assertThat(contacted.secondsLeft()).isEqualTo(3_600);
        assertThat(contacted.urgentName()).isEqualTo("resolution");

        Ticket overdue = ticket(running(-120), running(1_000));
        assertThat(overdue.secondsLeft()).isEqualTo(-120);

        Ticket noClock = ticket(null, null);
        assertThat(noClock.urgent()).isNull();
        assertThat(noClock.secondsLeft()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void moneyAndClocksAreWrittenAsThePagesShowThem() {
        assertThat(Formats.yuan(12900)).isEqualTo("129.00 元");
        assertThat(Formats.yuan(5)).isEqualTo("0.05 元");
        assertThat(Formats.hms(3723)).isEqualTo("1:02:03");
        assertThat(Formats.hms(-300)).isEqualTo("−0:05:00");
    }
}
