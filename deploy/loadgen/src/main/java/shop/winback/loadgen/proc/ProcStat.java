package shop.winback.loadgen.proc;

import java.util.Optional;

/**
 * One line of {@code /proc/<pid>/stat}, the fields the bench uses (proc(5)): state, parent, CPU time in clock ticks
 * (utime, stime; cutime, cstime: children waited for) and the start time (ticks after boot), which tells a process
 * from a later one that got the same pid.
 */
public record ProcStat(
        long pid,
        String comm,
        char state,
        long ppid,
        long utime,
        long stime,
        long cutime,
        long cstime,
        long startTicks) {

    /** utime + stime: CPU the process itself used, in ticks. */
    public long ownTicks() {
        return utime + stime;
    }

    /** cutime + cstime: CPU of its children that it has waited for (reaped), in ticks. */
    public long reapedChildrenTicks() {
        return cutime + cstime;
    }

    /**
     * Parses a stat line. The command name (field 2) is in parentheses and may itself hold spaces and parentheses,
     * so the fields after it are counted from the last ')'.
     *
     * @throws IllegalArgumentException when the text is not a stat line
     */
    public static ProcStat parse(String line) {
        String text = line.strip();
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open <= 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(text));
        }
        try {
            long pid = Long.parseLong(text.substring(0, open).strip());
            String comm = text.substring(open + 1, close);
            String[] f = text.substring(close + 1).strip().split("\\s+");
            // f[0] is field 3 (state); field n is f[n - 3]
            if (f.length < 20 || f[0].length() != 1) {
                throw new IllegalArgumentException("too few fields in /proc/<pid>/stat line: " + abbreviate(text));
            }
            return new ProcStat(
                    pid,
                    comm,
                    f[0].charAt(0),
                    Long.parseLong(f[1]),
                    Long.parseLong(f[11]),
                    Long.parseLong(f[12]),
                    Long.parseLong(f[13]),
                    Long.parseLong(f[14]),
                    Long.parseLong(f[19]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(text), e);
        }
    }

    /** VmRSS of a /proc/<pid>/status text, in kB; empty when the line is missing (e.g. a zombie). */
    public static Optional<Long> rssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
                try {
                    long value = Long.parseLong(parts[0]);
                    String unit = parts.length > 1 ? parts[1] : "kB";
                    return Optional.of(
                            switch (unit) {
                                case "kB" -> value;
                                case "mB", "MB" -> value * 1024;
                                case "gB", "GB" -> value * 1024 * 1024;
                                default -> throw new IllegalArgumentException("unknown VmRSS unit " + unit);
                            });
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The first number of /proc/uptime. */
    static double parseUptime(String text) {
        String[] parts = text.strip().split("\\s+");
        try {
            return Double.parseDouble(parts[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The output of {@code getconf CLK_TCK}; empty when it is not a positive number. */
    static Optional<Long> parseTicks(String text) {
        try {
            long t = Long.parseLong(text.strip());
            return t > 0 ? Optional.of(t) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}
