package shop.winback.loadgen.proc;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * CPU time of the bench's processes over a window, from /proc/&lt;pid&gt;/stat (utime + stime, clock ticks):
 * {@link #snapshot()} at the start and at the end, then {@link #cpuMillis}.
 *
 * <p>A role whose process is missing at either end (not running, exited, or a new process under the old pid) has no
 * figure: a partial sum would look like a real one. PostgreSQL is one postmaster and backends that come and go: its
 * figure is the postmaster's own CPU, plus every child's CPU inside the window — a child alive at the end counts from
 * its value at the start (zero when it is new), and a child that was reaped during the window reaches the postmaster's
 * cutime + cstime with its whole life, from which its value at the start is taken back off.
 */
public final class CpuMeter {

    /** A process, told apart from a later one with the same pid by its start time. */
    public record ProcKey(long pid, long startTicks) {}

    /**
     * One process at one moment; {@code compilerTicks} is the CPU of each of its JIT compiler threads by thread id (a
     * JVM's "C1 CompilerThread…" and "C2 CompilerThread…", cut to 15 characters in /proc), none for other processes.
     */
    record Proc(ProcKey key, long ownTicks, long reapedTicks, Map<Long, Long> compilerTicks) {}

    /** Every measured role at one moment. */
    public record Snapshot(
            long nanos,
            Map<Pids.Role, List<Proc>> plain,
            Optional<Proc> postmaster,
            Map<ProcKey, Long> postgresChildren) {}

    private final ProcFs proc;
    private final Pids pids;

    public CpuMeter(ProcFs proc, Pids pids) {
        this.proc = proc;
        this.pids = pids;
    }

    public Pids pids() {
        return pids;
    }

    public Snapshot snapshot() {
        long now = System.nanoTime();
        Map<Pids.Role, List<Proc>> plain = new EnumMap<>(Pids.Role.class);
        for (Pids.Role role : Pids.Role.values()) {
            if (role == Pids.Role.POSTGRES || !pids.has(role)) {
                continue;
            }
            java.util.ArrayList<Proc> procs = new java.util.ArrayList<>();
            for (long pid : pids.of(role)) {
                read(pid).map(p -> withCompilerTicks(p, pid)).ifPresentOrElse(procs::add, () -> procs.add(null));
            }
            plain.put(role, procs);
        }
        Optional<Proc> postmaster = Optional.empty();
        Map<ProcKey, Long> children = new HashMap<>();
        if (pids.has(Pids.Role.POSTGRES)) {
            long pm = pids.of(Pids.Role.POSTGRES).get(0);
            postmaster = read(pm);
            if (postmaster.isPresent()) {
                for (long pid : proc.pids()) {
                    if (pid == pm) {
                        continue;
                    }
                    Optional<ProcStat> s = statOf(pid);
                    if (s.isPresent() && s.get().ppid() == pm) {
                        children.put(
                                new ProcKey(pid, s.get().startTicks()), s.get().ownTicks());
                    }
                }
            }
        }
        return new Snapshot(now, plain, postmaster, children);
    }

    /**
     * CPU milliseconds of each role between two snapshots; a role without a figure is absent from the map.
     * Roles with several processes (ticket-service instances) are summed.
     */
    public Map<Pids.Role, Double> cpuMillis(Snapshot start, Snapshot end) {
        return cpuMillis(start, end, proc.ticksPerSecond());
    }

    /**
     * CPU milliseconds of each JVM's JIT compiler threads between two snapshots (part of its {@link #cpuMillis}),
     * with the same rules; not PostgreSQL's. Each compiler thread counts from its value at the start (0 for a new
     * one); one that ends inside the window takes its CPU with it, so the figure is a lower bound where the JVM adds
     * and removes compiler threads (on 2 cores it keeps one C1 and one C2 thread, which never end).
     */
    public Map<Pids.Role, Double> jitMillis(Snapshot start, Snapshot end) {
        return perPlainRole(start, end, CpuMeter::compilerTicksBetween, proc.ticksPerSecond());
    }

    static long compilerTicksBetween(Proc start, Proc end) {
        long ticks = 0;
        for (Map.Entry<Long, Long> thread : end.compilerTicks().entrySet()) {
            ticks += Math.max(0, thread.getValue() - start.compilerTicks().getOrDefault(thread.getKey(), 0L));
        }
        return ticks;
    }

    static Map<Pids.Role, Double> cpuMillis(Snapshot start, Snapshot end, long ticksPerSecond) {
        Map<Pids.Role, Double> result = perPlainRole(start, end, (a, b) -> b.ownTicks() - a.ownTicks(), ticksPerSecond);
        postgresTicks(start, end)
                .ifPresent(t -> result.put(Pids.Role.POSTGRES, ticksToMillis((long) t, ticksPerSecond)));
        return result;
    }

    private static Map<Pids.Role, Double> perPlainRole(
            Snapshot start,
            Snapshot end,
            java.util.function.ToLongBiFunction<Proc, Proc> ticksBetween,
            long ticksPerSecond) {
        Map<Pids.Role, Double> result = new EnumMap<>(Pids.Role.class);
        for (Map.Entry<Pids.Role, List<Proc>> e : start.plain().entrySet()) {
            List<Proc> before = e.getValue();
            List<Proc> after = end.plain().get(e.getKey());
            if (after == null || after.size() != before.size()) {
                continue;
            }
            long ticks = 0;
            boolean complete = true;
            for (int i = 0; i < before.size(); i++) {
                Proc a = before.get(i);
                Proc b = after.get(i);
                if (a == null || b == null || !a.key().equals(b.key())) {
                    complete = false;
                    break;
                }
                ticks += ticksBetween.applyAsLong(a, b);
            }
            if (complete) {
                result.put(e.getKey(), ticksToMillis(ticks, ticksPerSecond));
            }
        }
        return result;
    }

    static OptionalDouble postgresTicks(Snapshot start, Snapshot end) {
        if (start.postmaster().isEmpty()
                || end.postmaster().isEmpty()
                || !start.postmaster().get().key().equals(end.postmaster().get().key())) {
            return OptionalDouble.empty();
        }
        Proc a = start.postmaster().get();
        Proc b = end.postmaster().get();
        long ticks = (b.ownTicks() - a.ownTicks()) + (b.reapedTicks() - a.reapedTicks());
        for (Map.Entry<ProcKey, Long> child : end.postgresChildren().entrySet()) {
            ticks += child.getValue() - start.postgresChildren().getOrDefault(child.getKey(), 0L);
        }
        for (Map.Entry<ProcKey, Long> child : start.postgresChildren().entrySet()) {
            if (!end.postgresChildren().containsKey(child.getKey())) {
                ticks -= child.getValue(); // reaped in the window: its whole life is in the postmaster's cutime now
            }
        }
        return OptionalDouble.of(Math.max(0, ticks));
    }

    static double ticksToMillis(long ticks, long ticksPerSecond) {
        return ticks * 1000d / ticksPerSecond;
    }

    private Optional<Proc> read(long pid) {
        return statOf(pid)
                .map(s -> new Proc(new ProcKey(pid, s.startTicks()), s.ownTicks(), s.reapedChildrenTicks(), Map.of()));
    }

    private Proc withCompilerTicks(Proc p, long pid) {
        Map<Long, Long> ticks = new HashMap<>();
        for (long tid : proc.threads(pid)) {
            Optional<ProcStat> thread;
            try {
                thread = proc.threadStat(pid, tid).map(ProcStat::parse);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (thread.isPresent() && isCompiler(thread.get().comm())) {
                ticks.put(tid, thread.get().ownTicks());
            }
        }
        return new Proc(p.key(), p.ownTicks(), p.reapedTicks(), ticks);
    }

    static boolean isCompiler(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    private Optional<ProcStat> statOf(long pid) {
        try {
            return proc.stat(pid).map(ProcStat::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Resident set of a process in MB (VmRSS / 1024), or empty. */
    public static Optional<Double> rssMb(ProcFs proc, long pid) {
        return proc.status(pid).flatMap(ProcStat::rssKb).map(kb -> kb / 1024d);
    }

    /**
     * When the process started, on the {@link System#nanoTime()} clock: "now" minus its age, its age being the
     * machine's uptime minus its start time after boot (both from /proc, 1/CLK_TCK precision).
     */
    public static Optional<Long> startNanos(ProcFs proc, long pid) {
        long now = System.nanoTime();
        double uptime = proc.uptimeSeconds();
        Optional<ProcStat> s;
        try {
            s = proc.stat(pid).map(ProcStat::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (s.isEmpty() || Double.isNaN(uptime)) {
            return Optional.empty();
        }
        return Optional.of(now - ageNanos(uptime, s.get().startTicks(), proc.ticksPerSecond()));
    }

    static long ageNanos(double uptimeSeconds, long startTicks, long ticksPerSecond) {
        double age = uptimeSeconds - (double) startTicks / ticksPerSecond;
        return Math.max(0, Math.round(age * 1e9));
    }
}
