package shop.winback.loadgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts services through {@code deploy/run stop-service|start-service} (the --control path), so a
 * restarted service runs with exactly the command line, environment and JVM options of {@code deploy/run up}.
 * Their log lines go to the bench's stderr; start-service's result line is read from its stdout.
 */
final class Control {

    /** What {@code deploy/run start-service} printed: the new process, its port, seconds from exec to ready. */
    record Started(String instance, long pid, int port, double readySeconds, long invokedNanos) {}

    private static final Pattern STARTED =
            Pattern.compile("^started (\\S+) pid=(\\d+) port=(\\d+) ready_s=([0-9.]+)\\s*$", Pattern.MULTILINE);
    /** Longest a start may take (deploy/run itself gives up after 180 s). */
    private static final Duration START_PATIENCE = Duration.ofSeconds(240);

    private static final Duration STOP_PATIENCE = Duration.ofSeconds(60);

    private final String command;

    Control(String command) {
        this.command = command;
    }

    /** Fails with a clear message when a mode needs --control and it is missing. */
    static Control require(Options options, String mode) throws SetupException {
        String c = options.modes().control();
        if (c == null) {
            throw new SetupException(
                    mode + " stops and starts services: give --control PATH (deploy/run; deploy/bench sets it)");
        }
        return new Control(c);
    }

    void stop(String service) throws SetupException, InterruptedException {
        stop(service, null);
    }

    /** Stops one instance (the one on {@code port}, or the service's own when null); fine if it is not running. */
    void stop(String service, Integer port) throws SetupException, InterruptedException {
        run(args("stop-service", service, port), STOP_PATIENCE);
    }

    Started start(String service) throws SetupException, InterruptedException {
        return start(service, null);
    }

    /** Starts one instance and waits until it is ready. */
    Started start(String service, Integer port) throws SetupException, InterruptedException {
        long invoked = System.nanoTime();
        String out = run(args("start-service", service, port), START_PATIENCE);
        return parseStarted(out, invoked)
                .orElseThrow(() -> new SetupException("deploy/run start-service " + service
                        + " printed no 'started … pid=… port=… ready_s=…' line: " + out.strip()));
    }

    static Optional<Started> parseStarted(String out, long invokedNanos) {
        Matcher m = STARTED.matcher(out);
        Started last = null;
        while (m.find()) {
            last = new Started(
                    m.group(1),
                    Long.parseLong(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Double.parseDouble(m.group(4)),
                    invokedNanos);
        }
        return Optional.ofNullable(last);
    }

    private List<String> args(String verb, String service, Integer port) {
        List<String> args = new ArrayList<>(List.of(command, verb, service));
        if (port != null) {
            args.add("--port");
            args.add(port.toString());
        }
        return args;
    }

    private String run(List<String> args, Duration patience) throws SetupException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(args)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new SetupException("cannot run " + String.join(" ", args) + ": " + e.getMessage(), e);
        }
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes(); // ends when deploy/run exits (services' output goes to their logs)
        } catch (IOException e) {
            p.destroyForcibly();
            throw new SetupException(String.join(" ", args) + ": " + e.getMessage(), e);
        }
        if (!p.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new SetupException(String.join(" ", args) + " did not finish within " + patience.toSeconds() + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new SetupException(String.join(" ", args) + " failed (exit " + p.exitValue() + ")"
                    + (text.isBlank() ? "" : ": " + text.strip()));
        }
        return text;
    }
}
