package shop.winback.loadgen.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcStatTests {

    /** A real line of /proc/<pid>/stat (a JVM), fields 14-17 = utime stime cutime cstime, 22 = starttime. */
    static final String JAVA = "21190 (java) S 1 21180 21180 0 -1 1077936192 166306 0 3 0 69542 2731 12 7 20 0 58 0 "
            + "214563 3191005184 81632 18446744073709551615 94208212680704 94208212681706 140723795950912 0 0 0 0 2 "
            + "16800972 0 0 0 17 0 0 0 0 0 0 94208212692400 94208212693000 94208244744192 140723795953599 "
            + "140723795953879 140723795953879 140723795955667 0\n";

    @Test
    void readsTheCpuTicksStartAndParent() {
        ProcStat s = ProcStat.parse(JAVA);
        assertEquals(21190, s.pid());
        assertEquals("java", s.comm());
        assertEquals('S', s.state());
        assertEquals(1, s.ppid());
        assertEquals(69542, s.utime());
        assertEquals(2731, s.stime());
        assertEquals(12, s.cutime());
        assertEquals(7, s.cstime());
        assertEquals(214563, s.startTicks());
        assertEquals(69542 + 2731, s.ownTicks());
        assertEquals(19, s.reapedChildrenTicks());
    }

    @Test
    void commandNamesMayHoldSpacesAndParentheses() {
        // PostgreSQL backends rename themselves; comm is what the kernel keeps (15 chars), e.g. "(postgres: wal)"
        String line = "4242 (post (gres) x) R 16159 16159 16159 0 -1 4194368 100 0 0 0 30 20 1 2 20 0 1 0 999 0 0 0";
        ProcStat s = ProcStat.parse(line);
        assertEquals("post (gres) x", s.comm());
        assertEquals('R', s.state());
        assertEquals(16159, s.ppid());
        assertEquals(50, s.ownTicks());
        assertEquals(3, s.reapedChildrenTicks());
        assertEquals(999, s.startTicks());
    }

    @Test
    void rejectsWhatIsNotAStatLine() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse(""));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("no parentheses here"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("12 (x) S 1 2 3"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ProcStat.parse("x (java) S 1 21180 21180 0 -1 1 1 0 3 0 1 2 3 4 20 0 58 0 5"));
    }

    @Test
    void residentSetFromStatus() {
        String status = "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nVmPeak:\t 3191005 kB\nVmRSS:\t  341760 kB\n"
                + "RssAnon:\t  300000 kB\nThreads:\t58\n";
        assertEquals(Optional.of(341760L), ProcStat.rssKb(status));
        assertEquals(Optional.empty(), ProcStat.rssKb("Name:\tzombie\nState:\tZ (zombie)\n"), "a zombie has no VmRSS");
        assertEquals(Optional.of(2048L), ProcStat.rssKb("VmRSS: 2 mB\n"));
    }

    @Test
    void uptimeAndClockTicks() {
        assertEquals(2400.53, ProcStat.parseUptime("2400.53 4580.12\n"));
        assertEquals(Double.NaN, ProcStat.parseUptime("garbage"));
        assertEquals(Optional.of(100L), ProcStat.parseTicks("100\n"));
        assertEquals(Optional.empty(), ProcStat.parseTicks("undefined"));
        assertEquals(Optional.empty(), ProcStat.parseTicks("0"));
    }
}
