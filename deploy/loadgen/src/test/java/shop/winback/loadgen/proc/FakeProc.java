package shop.winback.loadgen.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A made-up process table: pid → (ppid, utime, stime, cutime, cstime, start ticks, rss kB). */
final class FakeProc implements ProcFs {

    record P(long ppid, long utime, long stime, long cutime, long cstime, long start, long rssKb) {}

    final Map<Long, P> table = new TreeMap<>();
    /** pid → tid → the thread's name and CPU (utime, stime). */
    final Map<Long, Map<Long, T>> threads = new TreeMap<>();

    record T(String name, long utime, long stime) {}

    double uptime = 1000;
    long ticks = 100;

    FakeProc put(long pid, long ppid, long utime, long stime, long cutime, long cstime, long start) {
        table.put(pid, new P(ppid, utime, stime, cutime, cstime, start, 1024));
        return this;
    }

    @Override
    public Optional<String> stat(long pid) {
        P p = table.get(pid);
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(pid + " (proc " + pid + ") S " + p.ppid() + " 1 1 0 -1 0 0 0 0 0 " + p.utime() + " "
                + p.stime() + " " + p.cutime() + " " + p.cstime() + " 20 0 1 0 " + p.start() + " 0 0");
    }

    FakeProc thread(long pid, long tid, String name, long utime, long stime) {
        threads.computeIfAbsent(pid, p -> new TreeMap<>()).put(tid, new T(name, utime, stime));
        return this;
    }

    @Override
    public List<Long> threads(long pid) {
        return new ArrayList<>(threads.getOrDefault(pid, Map.of()).keySet());
    }

    @Override
    public Optional<String> threadStat(long pid, long tid) {
        T t = threads.getOrDefault(pid, Map.of()).get(tid);
        if (t == null) {
            return Optional.empty();
        }
        return Optional.of(tid + " (" + t.name() + ") S " + pid + " 1 1 0 -1 0 0 0 0 0 " + t.utime() + " " + t.stime()
                + " 0 0 20 0 1 0 " + tid + " 0 0");
    }

    @Override
    public Optional<String> status(long pid) {
        P p = table.get(pid);
        return p == null ? Optional.empty() : Optional.of("Name:\tx\nVmRSS:\t" + p.rssKb() + " kB\n");
    }

    @Override
    public List<Long> pids() {
        return new ArrayList<>(table.keySet());
    }

    @Override
    public double uptimeSeconds() {
        return uptime;
    }

    @Override
    public long ticksPerSecond() {
        return ticks;
    }
}
