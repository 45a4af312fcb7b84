package shop.winback.loadgen.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads Linux's /proc: a process's CPU ticks and start time ({@code /proc/<pid>/stat}), its resident set
 * ({@code /proc/<pid>/status}), the machine's uptime and the clock tick. An interface so that the arithmetic on top
 * (CPU over a window, children that come and go) can be tested against a made-up process table.
 */
public interface ProcFs {

    /** The text of {@code /proc/<pid>/stat}, or empty when there is no such process (any more). */
    Optional<String> stat(long pid);

    /** The text of {@code /proc/<pid>/status}, or empty when there is no such process. */
    Optional<String> status(long pid);

    /** Every pid in /proc at this moment. */
    List<Long> pids();

    /** The threads of a process ({@code /proc/<pid>/task}); empty when there is no such process. */
    default List<Long> threads(long pid) {
        return List.of();
    }

    /** The text of {@code /proc/<pid>/task/<tid>/stat}, or empty when there is no such thread (any more). */
    default Optional<String> threadStat(long pid, long tid) {
        return Optional.empty();
    }

    /** Seconds since boot, the first number of /proc/uptime (the clock process start times count from). */
    double uptimeSeconds();

    /** Clock ticks per second of the tick counts in stat ({@code getconf CLK_TCK}, almost always 100). */
    long ticksPerSecond();

    /** The real /proc of this machine. */
    static ProcFs system() {
        return System.INSTANCE;
    }

    final class System implements ProcFs {

        static final System INSTANCE = new System();
        private static final Path PROC = Path.of("/proc");
        private volatile long ticks;

        private System() {}

        @Override
        public Optional<String> stat(long pid) {
            return read(PROC.resolve(Long.toString(pid)).resolve("stat"));
        }

        @Override
        public Optional<String> status(long pid) {
            return read(PROC.resolve(Long.toString(pid)).resolve("status"));
        }

        @Override
        public List<Long> pids() {
            return numbered(PROC);
        }

        @Override
        public List<Long> threads(long pid) {
            return numbered(PROC.resolve(Long.toString(pid)).resolve("task"));
        }

        @Override
        public Optional<String> threadStat(long pid, long tid) {
            return read(PROC.resolve(Long.toString(pid))
                    .resolve("task")
                    .resolve(Long.toString(tid))
                    .resolve("stat"));
        }

        private static List<Long> numbered(Path directory) {
            List<Long> pids = new ArrayList<>();
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory)) {
                for (Path p : dir) {
                    String name = p.getFileName().toString();
                    if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                        pids.add(Long.parseLong(name));
                    }
                }
            } catch (IOException e) {
                return List.of();
            }
            return pids;
        }

        @Override
        public double uptimeSeconds() {
            return read(PROC.resolve("uptime")).map(ProcStat::parseUptime).orElse(Double.NaN);
        }

        @Override
        public long ticksPerSecond() {
            long t = ticks;
            if (t == 0) {
                t = ProcStat.parseTicks(getconf()).orElse(100L);
                ticks = t;
            }
            return t;
        }

        private static String getconf() {
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK")
                        .redirectErrorStream(true)
                        .start();
                byte[] out = p.getInputStream().readAllBytes();
                p.waitFor(5, TimeUnit.SECONDS);
                return new String(out, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }

        private static Optional<String> read(Path p) {
            try {
                return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) { // a process that exits while we read, or one we may not read
                return Optional.empty();
            }
        }
    }
}
