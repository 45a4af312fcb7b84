package shop.winback.loadgen.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTests {

    private static final long POSTMASTER = 500;

    @Test
    void cpuOfEachRoleOverTheWindowInMilliseconds() {
        FakeProc proc = new FakeProc()
                .put(10, 1, 1000, 200, 0, 0, 77) // review-service
                .put(20, 1, 500, 100, 0, 0, 78) // ticket-service
                .put(21, 1, 300, 50, 0, 0, 79); // a second ticket-service
        CpuMeter meter = new CpuMeter(proc, Pids.parse("review=10,ticket=20,ticket2=21"));
        CpuMeter.Snapshot start = meter.snapshot();
        proc.put(10, 1, 1300, 250, 0, 0, 77).put(20, 1, 560, 110, 0, 0, 78).put(21, 1, 330, 60, 0, 0, 79);
        Map<Pids.Role, Double> ms = meter.cpuMillis(start, meter.snapshot());
        assertEquals(3500.0, ms.get(Pids.Role.REVIEW), "350 ticks at 100 per second");
        assertEquals(1100.0, ms.get(Pids.Role.TICKET), "both instances: 70 + 40 ticks");
        assertFalse(ms.containsKey(Pids.Role.POSTGRES));
    }

    @Test
    void jitIsTheCpuOfTheCompilerThreadsOverTheWindow() {
        FakeProc proc = new FakeProc()
                .put(10, 1, 1000, 200, 0, 0, 77) // review-service
                .thread(10, 11, "C2 CompilerThre", 300, 20)
                .thread(10, 12, "C1 CompilerThre", 50, 5)
                .thread(10, 13, "vert.x-eventloo", 400, 100)
                .put(30, 1, 800, 100, 0, 0, 80) // the broker
                .thread(30, 31, "C2 CompilerThre", 100, 0);
        CpuMeter meter = new CpuMeter(proc, Pids.parse("review=10,kafka=30"));
        CpuMeter.Snapshot start = meter.snapshot();
        proc.put(10, 1, 1400, 250, 0, 0, 77)
                .thread(10, 11, "C2 CompilerThre", 500, 30) // +210
                .thread(10, 12, "C1 CompilerThre", 70, 5) // +20
                .thread(10, 13, "vert.x-eventloo", 600, 120) // not the JIT
                .put(30, 1, 850, 100, 0, 0, 80)
                .thread(30, 31, "C2 CompilerThre", 100, 0); // idle compiler
        CpuMeter.Snapshot end = meter.snapshot();
        Map<Pids.Role, Double> jit = meter.jitMillis(start, end);
        assertEquals(2300.0, jit.get(Pids.Role.REVIEW), "230 ticks of both compilers at 100 per second");
        assertEquals(0.0, jit.get(Pids.Role.KAFKA));
        assertEquals(4500.0, meter.cpuMillis(start, end).get(Pids.Role.REVIEW), "the JVM's whole CPU, JIT included");
    }

    @Test
    void aCompilerThreadThatEndsTakesItsCpuWithItAndANewOneCountsFromZero() {
        FakeProc proc = new FakeProc()
                .put(10, 1, 1000, 200, 0, 0, 77)
                .thread(10, 11, "C2 CompilerThre", 300, 0)
                .thread(10, 14, "C2 CompilerThre", 500, 0);
        CpuMeter meter = new CpuMeter(proc, Pids.parse("review=10"));
        CpuMeter.Snapshot start = meter.snapshot();
        proc.threads.get(10L).remove(14L); // the JVM removed its second C2 thread: what it did in the window is lost
        proc.put(10, 1, 1100, 200, 0, 0, 77)
                .thread(10, 11, "C2 CompilerThre", 350, 0) // +50
                .thread(10, 15, "C1 CompilerThre", 30, 0); // new: +30
        assertEquals(800.0, meter.jitMillis(start, meter.snapshot()).get(Pids.Role.REVIEW));
        assertTrue(CpuMeter.isCompiler("C1 CompilerThre"));
        assertFalse(CpuMeter.isCompiler("C2 CompilerThr"), "not a whole /proc name of a compiler thread");
    }

    @Test
    void aProcessThatIsGoneOrReplacedHasNoFigure() {
        FakeProc proc = new FakeProc().put(10, 1, 1000, 200, 0, 0, 77).put(20, 1, 500, 100, 0, 0, 78);
        CpuMeter meter = new CpuMeter(proc, Pids.parse("review=10,ticket=20,kafka=30"));
        CpuMeter.Snapshot start = meter.snapshot();
        proc.table.remove(10L);
        proc.put(20, 1, 10, 1, 0, 0, 999); // restarted under the same pid: another process
        Map<Pids.Role, Double> ms = meter.cpuMillis(start, meter.snapshot());
        assertFalse(ms.containsKey(Pids.Role.REVIEW), "exited during the window");
        assertFalse(ms.containsKey(Pids.Role.TICKET), "a new process with the old pid");
        assertFalse(ms.containsKey(Pids.Role.KAFKA), "never there");
    }

    @Test
    void postgresCountsThePostmasterAndEveryChildInsideTheWindow() {
        FakeProc proc = new FakeProc()
                .put(POSTMASTER, 1, 100, 50, 400, 100, 10)
                .put(501, POSTMASTER, 70, 30, 0, 0, 11) // checkpointer: lives on
                .put(502, POSTMASTER, 200, 0, 0, 0, 12) // a backend that exits in the window
                .put(900, 1, 5000, 0, 0, 0, 13); // not PostgreSQL's
        CpuMeter meter = new CpuMeter(proc, Pids.parse("postgres=" + POSTMASTER));
        CpuMeter.Snapshot start = meter.snapshot();
        // in the window: the postmaster +10; 501 +20; 502 used +40 more, then was reaped (its whole 240 into cutime);
        // 503 came and went (15, reaped); 504 is new and alive (+25)
        proc.table.remove(502L);
        proc.put(POSTMASTER, 1, 105, 55, 400 + 240 + 15, 100, 10)
                .put(501, POSTMASTER, 80, 40, 0, 0, 11)
                .put(504, POSTMASTER, 20, 5, 0, 0, 14)
                .put(900, 1, 9000, 0, 0, 0, 13);
        Map<Pids.Role, Double> ms = meter.cpuMillis(start, meter.snapshot());
        // 10 (postmaster) + 20 (501) + 40 (502 in the window) + 15 (503) + 25 (504) = 110 ticks
        assertEquals(1100.0, ms.get(Pids.Role.POSTGRES));
    }

    @Test
    void aChildPidReusedByANewBackendCountsFromZero() {
        FakeProc proc = new FakeProc().put(POSTMASTER, 1, 0, 0, 0, 0, 10).put(502, POSTMASTER, 100, 0, 0, 0, 12);
        CpuMeter meter = new CpuMeter(proc, Pids.parse("postgres=" + POSTMASTER));
        CpuMeter.Snapshot start = meter.snapshot();
        // 502 (100 ticks before, +5 in the window) was reaped; a new backend got pid 502 and used 7
        proc.put(POSTMASTER, 1, 0, 0, 105, 0, 10).put(502, POSTMASTER, 7, 0, 0, 0, 13);
        assertEquals(120.0, meter.cpuMillis(start, meter.snapshot()).get(Pids.Role.POSTGRES), "5 + 7 ticks");
    }

    @Test
    void aRestartedPostmasterHasNoFigure() {
        FakeProc proc = new FakeProc().put(POSTMASTER, 1, 0, 0, 0, 0, 10);
        CpuMeter meter = new CpuMeter(proc, Pids.parse("postgres=" + POSTMASTER));
        CpuMeter.Snapshot start = meter.snapshot();
        proc.put(POSTMASTER, 1, 0, 0, 0, 0, 11);
        assertFalse(meter.cpuMillis(start, meter.snapshot()).containsKey(Pids.Role.POSTGRES));
    }

    @Test
    void residentSetInMegabytes() {
        FakeProc proc = new FakeProc();
        proc.table.put(10L, new FakeProc.P(1, 0, 0, 0, 0, 1, 512_000));
        assertEquals(500.0, CpuMeter.rssMb(proc, 10).orElseThrow());
        assertTrue(CpuMeter.rssMb(proc, 11).isEmpty());
    }

    @Test
    void processAgeFromUptimeAndStartTicks() {
        assertEquals(2_500_000_000L, CpuMeter.ageNanos(1000.0, 99_750, 100), "started at 997.5 s after boot");
        assertEquals(0L, CpuMeter.ageNanos(10.0, 2000, 100), "never negative");
        FakeProc proc = new FakeProc().put(10, 1, 0, 0, 0, 0, 99_000);
        long before = System.nanoTime();
        long start = CpuMeter.startNanos(proc, 10).orElseThrow();
        long after = System.nanoTime();
        assertTrue(start >= before - 10_000_000_000L && start <= after - 10_000_000_000L, "ten seconds ago");
    }
}
