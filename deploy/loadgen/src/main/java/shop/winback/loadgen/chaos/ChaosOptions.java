package shop.winback.loadgen.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@link ChaosLoad}, all {@code --name value}. The bearer token comes from the environment
 * ({@code CHAOS_TOKEN}: roles integration and manager, scoped to {@code --shop}), never from the command line.
 */
public record ChaosOptions(
        String shop,
        URI reviewUrl,
        URI ticketUrl,
        URI compensationUrl,
        String bootstrap,
        String jdbcBase,
        String dbUser,
        String dbPassword,
        double rate,
        double negative,
        double compensationRate,
        Path stopFile,
        Duration maxDuration,
        Duration answerTimeout,
        Duration drainTimeout,
        Duration settle) {

    static final Set<String> NAMES = Set.of(
            "shop",
            "review-url",
            "ticket-url",
            "compensation-url",
            "bootstrap",
            "jdbc",
            "db-user",
            "db-password",
            "rate",
            "negative",
            "compensation-rate",
            "stop-file",
            "max-duration",
            "answer-timeout",
            "drain-timeout",
            "settle");

    public static final String USAGE = """
            ChaosLoad --shop SHOP --review-url URL --ticket-url URL --compensation-url URL --bootstrap HOST:PORT
                      --jdbc jdbc:postgresql://HOST:PORT/ --stop-file PATH
                      [--db-user postgres] [--db-password ''] [--rate 50] [--negative 0.15] [--compensation-rate 2]
                      [--max-duration 900s] [--answer-timeout 120s] [--drain-timeout 180s] [--settle 5s]
            Environment: CHAOS_TOKEN (roles integration,manager for SHOP).
            Sends reviews and compensation requests until STOP-FILE exists (its content: what was killed, e.g.
            review,ticket,compensation,logistics,kafka), then checks the databases and topics and prints
            CHAOS killed=… reviews=… negative=… compensations=… lost=… duplicated=…""";

    public static ChaosOptions parse(String[] args) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            v.put(name, value);
        }
        ChaosOptions o = new ChaosOptions(
                required(v, "shop"),
                uri(required(v, "review-url")),
                uri(required(v, "ticket-url")),
                uri(required(v, "compensation-url")),
                required(v, "bootstrap"),
                required(v, "jdbc"),
                v.getOrDefault("db-user", "postgres"),
                v.getOrDefault("db-password", ""),
                number(v, "rate", 50),
                number(v, "negative", 0.15),
                number(v, "compensation-rate", 2),
                Path.of(required(v, "stop-file")),
                duration(v, "max-duration", "900s"),
                duration(v, "answer-timeout", "120s"),
                duration(v, "drain-timeout", "180s"),
                duration(v, "settle", "5s"));
        if (o.rate <= 0 || o.rate > 1000) {
            throw new IllegalArgumentException("--rate must be in (0, 1000]");
        }
        if (o.negative < 0 || o.negative > 1) {
            throw new IllegalArgumentException("--negative must be a share in [0, 1]");
        }
        if (o.compensationRate < 0 || o.compensationRate > 100) {
            throw new IllegalArgumentException("--compensation-rate must be in [0, 100]");
        }
        if (!o.jdbcBase.startsWith("jdbc:postgresql://") || !o.jdbcBase.endsWith("/")) {
            throw new IllegalArgumentException("--jdbc must look like jdbc:postgresql://HOST:PORT/");
        }
        return o;
    }

    /** "90s", "2m", "500ms" or plain seconds. */
    static Duration parseDuration(String s) {
        String t = s.trim();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + s);
        }
    }

    private static String required(Map<String, String> v, String name) {
        String s = v.get(name);
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return s.trim();
    }

    private static URI uri(String s) {
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    private static double number(Map<String, String> v, String name, double dflt) {
        String s = v.get(name);
        if (s == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is not a number: " + s);
        }
    }

    private static Duration duration(Map<String, String> v, String name, String dflt) {
        return parseDuration(v.getOrDefault(name, dflt));
    }
}
