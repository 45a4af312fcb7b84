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
