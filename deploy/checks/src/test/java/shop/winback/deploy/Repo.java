package shop.winback.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository as the deployment files see it: services, their ports, databases, config keys and topics. */
final class Repo {

    static final Path ROOT = Paths.get(System.getProperty("winback.root", "../.."))
            .toAbsolutePath()
            .normalize();
    static final ObjectMapper YAML = new YAMLMapper();

    private Repo() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** Every document of a multi-document YAML file (empty documents left out). */
    static List<JsonNode> yamlDocuments(Path file) {
        try (MappingIterator<JsonNode> docs =
                YAML.readerFor(JsonNode.class).readValues(new YAMLFactory().createParser(file.toFile()))) {
            List<JsonNode> out = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    out.add(doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** The service modules: every directory of the root named *-service. */
    static List<String> services() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("-service"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's application.properties (profiles kept in the keys, e.g. %prod.kafka.bootstrap.servers). */
    static Properties applicationProperties(String service) {
        return properties(path(service + "/src/main/resources/application.properties"));
    }

    static Properties properties(Path file) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A property with ${...} expanded from the same file (profile-less keys only). */
    static String resolved(Properties props, String key) {
        String value = props.getProperty(key);
        if (value == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\$\\{([^}:]+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = resolved(props, m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(inner == null ? m.group() : inner));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The HTTP port of each service: its {@code quarkus.http.port} (DESIGN's default ports, review
     * 8081, ticket 8082, compensation 8083, logistics 8084, live in the services' own configuration).
     */
    static Map<String, Integer> designPorts() {
        Map<String, Integer> ports = new TreeMap<>();
        Pattern port = Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d{2,5})\\s*$");
        for (String service : services()) {
            Matcher m = port.matcher(read(path(service + "/src/main/resources/application.properties")));
            if (m.find()) {
                ports.put(service, Integer.parseInt(m.group(1)));
            }
        }
        return ports;
    }

    /** The service's database: the winback.database property of its pom.xml. */
    static String database(String service) {
        Matcher m = Pattern.compile("<winback.database>([^<]+)</winback.database>")
                .matcher(read(path(service + "/pom.xml")));
        if (!m.find()) {
            throw new AssertionError(service + "/pom.xml has no winback.database property");
        }
        return m.group(1).trim();
    }

    /** Channel addresses of the service's asyncapi.yaml (its own topics and, for a consumer, its DLQs). */
    static Set<String> asyncApiTopics(String service) {
        Path file = path(service + "/src/main/resources/META-INF/resources/asyncapi.yaml");
        Set<String> topics = new TreeSet<>();
        if (!Files.isRegularFile(file)) {
            return topics;
        }
        yaml(file).path("channels").forEach(ch -> {
            if (ch.hasNonNull("address")) {
                topics.add(ch.get("address").asText());
            }
        });
        return topics;
    }

    static Set<String> allAsyncApiTopics() {
        Set<String> all = new TreeSet<>();
        services().forEach(s -> all.addAll(asyncApiTopics(s)));
        return all;
    }

    /** Dead-letter topics a service writes: the values of its *dead-letter-topic properties. */
    static Set<String> deadLetterTopics(String service) {
        Properties props = applicationProperties(service);
        Set<String> dlqs = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith("%") && key.endsWith("dead-letter-topic")) {
                dlqs.add(resolved(props, key));
            }
        }
        return dlqs;
    }

    // --- config keys a service reads, and the environment variables that set them ---------------------------

    /** Keys every Quarkus service here reads that no file of the repository names (extension config). */
    static final Set<String> STANDARD_KEYS = Set.of(
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "quarkus.http.host",
            "quarkus.http.port",
            "quarkus.log.level",
            "mp.jwt.verify.publickey",
            "mp.jwt.verify.publickey.location",
            "kafka.bootstrap.servers",
            "quarkus.otel.exporter.otlp.traces.endpoint",
            "quarkus.otel.traces.sampler.arg");

    /** Environment variables a deployment may set that are not configuration (JVM options, the pod's namespace). */
    static final Set<String> NOT_CONFIG = Set.of("JAVA_OPTS", "MALLOC_ARENA_MAX", "KUBERNETES_NAMESPACE");

    /**
     * The configuration keys the service reads, as patterns ("*" for a map key): its application.properties, the
     * platform's defaults, every {@code @ConfigProperty(name=...)} and {@code @ConfigMapping} member in its and the
     * platform's sources, and {@link #STANDARD_KEYS}.
     */
    static Set<String> configKeys(String service) {
        Set<String> keys = new TreeSet<>(STANDARD_KEYS);
        for (Path props : List.of(
                path(service + "/src/main/resources/application.properties"),
                path("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            if (Files.isRegularFile(props)) {
                for (String key : properties(props).stringPropertyNames()) {
                    keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
                }
            }
        }
        for (String module : List.of(service, "platform")) {
            Path src = path(module + "/src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> keys.addAll(keysInSource(read(f))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static final Pattern CONFIG_PROPERTY =
            Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING =
            Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)[^{]*?interface\\s+(\\w+)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{;]*\\{");
    private static final Pattern MEMBER = Pattern.compile(
            "((?:@\\w+(?:\\s*\\([^)]*\\))?\\s+)*)([\\w.]+(?:<[\\w.<>, ?]+>)?(?:\\[])?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"");

    static Set<String> keysInSource(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        Set<String> keys = new LinkedHashSet<>();
        Matcher cp = CONFIG_PROPERTY.matcher(code);
        while (cp.find()) {
            keys.add(cp.group(1));
        }
        Matcher cm = CONFIG_MAPPING.matcher(code);
        if (cm.find()) {
            Map<String, String> bodies = interfaceBodies(code);
            members(cm.group(1), cm.group(2), bodies, keys, 0);
        }
        return keys;
    }

    private static void members(String prefix, String iface, Map<String, String> bodies, Set<String> keys, int depth) {
        String body = bodies.get(iface);
        if (body == null || depth > 5) {
            keys.add(prefix);
            return;
        }
        Matcher m = MEMBER.matcher(topLevel(body));
        while (m.find()) {
            Matcher named = WITH_NAME.matcher(m.group(1));
            String name = named.find() ? named.group(1) : kebab(m.group(3));
            String type = m.group(2);
            String key = prefix + "." + name;
            Matcher map = Pattern.compile("^Map<\\s*\\w+\\s*,\\s*(.+)>$").matcher(type);
            if (map.matches()) {
                key += ".*";
                type = map.group(1).trim();
            }
            Matcher wrapped =
                    Pattern.compile("^(?:Optional|List|Set)<\\s*(.+)>$").matcher(type);
            if (wrapped.matches()) {
                type = wrapped.group(1).trim();
            }
            String simple = type.contains(".") ? type.substring(type.lastIndexOf('.') + 1) : type;
            if (bodies.containsKey(simple)) {
                members(key, simple, bodies, keys, depth + 1);
            } else {
                keys.add(key);
            }
        }
    }

    /** Body text of every interface declared in the code, nested ones included, by simple name. */
    private static Map<String, String> interfaceBodies(String code) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher m = INTERFACE.matcher(code);
        while (m.find()) {
            int open = m.end() - 1;
            int depth = 0;
            for (int i = open; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    bodies.put(m.group(1), code.substring(open + 1, i));
                    break;
                }
            }
        }
        return bodies;
    }

    /** The text of a body with every nested {...} block removed, so only its own members remain. */
    private static String topLevel(String body) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
                out.append(';');
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** MicroProfile Config's environment name of a key: upper case, every other character an underscore. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The key (pattern) an environment variable sets for this service, or null if it sets none of them. */
    static String keyForEnv(String env, Set<String> keys) {
        for (String key : keys) {
            String[] parts = key.split("\\*", -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    regex.append("[A-Z0-9_]+");
                }
                regex.append(Pattern.quote(envName(parts[i])));
            }
            if (env.matches(regex.toString())) {
                return key;
            }
        }
        return null;
    }
}
