package shop.winback.loadgen;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.winback.loadgen.proc.Pids;
import shop.winback.loadgen.proc.ProcFs;

/**
 * deploy/bench --footprint: how long each service takes from exec to ready when it has the box to itself, against a
 * bare Quarkus application with the same extensions (deploy/bare-app), and how much memory each holds.
 *
 * <p>One at a time: stop the service, start it again through deploy/run start-service (its command line, environment
 * and JVM options), which times it from just before the exec of java until /q/health/ready answers 200; the others keep
 * running, idle. Then the bare app the same way. The resident sets are read at the end, every process idle after its
 * own fresh start (the bare app after {@link #SETTLE}).
 */
final class FootprintMode {

    static final List<String> SERVICES = List.of("review", "ticket", "compensation", "logistics");
    static final String BARE = "bare-app";
    /** Pause after each start, so the next one does not share the CPU with the last one's after-start work. */
    static final Duration SETTLE = Duration.ofSeconds(3);

    private final Options options;

    FootprintMode(Options options) {
        this.options = options;
    }

    void run() throws SetupException, InterruptedException {
        Control control = Control.require(options, "--footprint");
        Map<String, Double> start = new HashMap<>();
        Pids pids = options.modes().pids();
        say("footprint: restarting each service alone (deploy/run stop-service, start-service), then the bare app");
        for (String s : SERVICES) {
            String service = s + "-service";
            control.stop(service);
            Control.Started started = control.start(service);
            start.put(s, started.readySeconds());
            pids = pids.with(Pids.Role.valueOf(s.toUpperCase(java.util.Locale.ROOT)), List.of(started.pid()));
            say("footprint: %s ready %.2f s after exec (pid %d)", service, started.readySeconds(), started.pid());
            Thread.sleep(SETTLE.toMillis());
        }
        control.stop(BARE);
        Control.Started bare = control.start(BARE);
        start.put("bare", bare.readySeconds());
        pids = pids.with(Pids.Role.BARE, List.of(bare.pid()));
        say("footprint: %s ready %.2f s after exec (pid %d)", BARE, bare.readySeconds(), bare.pid());
        Thread.sleep(SETTLE.toMillis());
        Map<String, Double> rss = Bench.rss(ProcFs.system(), pids);
        control.stop(BARE);
        say("footprint: resident sets (MB) %s", rss);
        System.out.println(BenchLines.footprint(new BenchLines.Footprint(rss, start)));
    }

    private static void say(String format, Object... args) {
        Queueing.say(format, args);
    }
}
