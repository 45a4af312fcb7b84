package shop.winback.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/docker-compose.yml against what it deploys: compose accepts it, and every name in it exists. */
class DockerComposeTests {

    static final Path COMPOSE = Repo.path("deploy/docker-compose.yml");
    static final Path ENV_EXAMPLE = Repo.path("deploy/.env.example");

    record Result(int exit, String output) {}

    /** `docker compose` (the CLI plugin) if there is one, else the standalone `docker-compose`. */
    static List<String> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                if (run(version, Set.of()).exit() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not installed: try the next
            }
        }
        return fail(
                "Neither `docker compose` nor `docker-compose` runs here: deploy/checks needs the Docker CLI with "
                        + "Compose (no engine needed) to validate deploy/docker-compose.yml. Debian: apt-get install docker-compose");
    }

    /** Runs the command with the given variables removed from its environment. */
    static Result run(List<String> command, Set<String> unset) throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(Repo.ROOT.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeAll(unset);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** The compose file's variables: removed from the environment, so an inherited value cannot hide a missing one. */
    static Set<String> withoutComposeVariables() {
        return variablesInCompose();
    }

    /** The compose file without its comment lines. */
    static String composeText() {
        return Repo.read(COMPOSE).replaceAll("(?m)^\\s*#.*$", "");
    }

    static Set<String> variablesInCompose() {
        Set<String> vars = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(composeText());
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }

    /** TEXT as compose resolves it when none of its variables is set: ${NAME:-default} becomes default. */
    static String withDefaults(String text) {
        return text.replaceAll("\\$\\{[A-Z0-9_]+:-([^}]*)}", "$1");
    }

    static List<String> withDefaults(List<String> texts) {
        return texts.stream().map(DockerComposeTests::withDefaults).toList();
    }

    static JsonNode compose() {
        return Repo.yaml(COMPOSE);
    }

    @Test
    void composeAcceptsTheFileWithTheExampleEnvironment() throws IOException {
        List<String> cmd = new ArrayList<>(composeCommand());
        cmd.addAll(List.of("-f", COMPOSE.toString(), "--env-file", ENV_EXAMPLE.toString(), "config"));
        Result result = run(cmd, withoutComposeVariables());
        assertThat(result.exit())
                .as("%s\n%s", String.join(" ", cmd), result.output())
                .isZero();
        // the resolved file names all four services and the infrastructure
        for (String service : Repo.services()) {
            assertThat(result.output()).contains(service + ":");
        }
    }

    @Test
    void composeRefusesToStartWithoutTheSecrets() throws IOException {
        Path empty = Files.createTempFile("empty", ".env");
        try {
            List<String> cmd = new ArrayList<>(composeCommand());
            cmd.addAll(List.of("-f", COMPOSE.toString(), "--env-file", empty.toString(), "config"));
            Result result = run(cmd, withoutComposeVariables());
            assertThat(result.exit()).as(result.output()).isNotZero();
            assertThat(result.output())
                    .containsAnyOf(
                            "POSTGRES_PASSWORD",
                            "WINBACK_PERSONAL_DATA_KEY",
                            "WINBACK_JWT_PUBLIC_KEY_FILE",
                            "LOGISTICS_GENERIC_PUSH_SECRET",
                            "LOGISTICS_KUAIDI100_SALT");
        } finally {
            Files.deleteIfExists(empty);
        }
    }

    @Test
    void everyVariableTheFileUsesIsInTheExampleEnvironment() {
        Set<String> example = new TreeSet<>();
        for (String line : Repo.read(ENV_EXAMPLE).split("\n")) {
            Matcher m = Pattern.compile("^([A-Z0-9_]+)=").matcher(line.trim());
            if (m.find()) {
                example.add(m.group(1));
            }
        }
        assertThat(example).containsAll(variablesInCompose());
        assertThat(Repo.read(Repo.path(".gitignore")).lines().map(String::trim))
                .as(".gitignore must keep deploy/.env (the real secrets) out of git")
                .containsAnyOf(".env", "deploy/.env", "/deploy/.env", "*.env");
    }

    @Test
    void everyServiceIsThereWithItsDesignPortAndReadinessHealthcheck() {
        JsonNode services = compose().path("services");
        Map<String, Integer> ports = Repo.designPorts();
        assertThat(Repo.services()).isNotEmpty();
        for (String service : Repo.services()) {
            JsonNode s = services.path(service);
            assertThat(s.isObject())
                    .as("service %s in docker-compose.yml", service)
                    .isTrue();
            Integer port = ports.get(service);
            assertThat(port).as("DESIGN port of %s", service).isNotNull();
            assertThat(Repo.applicationProperties(service).getProperty("quarkus.http.port"))
                    .isEqualTo(port.toString());
            assertThat(withDefaults(texts(s.path("ports"))))
                    .as("ports of %s", service)
                    .contains("127.0.0.1:" + port + ":" + port);
            String health = String.join(" ", texts(s.path("healthcheck").path("test")));
            assertThat(health)
                    .as("healthcheck of %s", service)
                    .contains("/q/health/ready")
                    .contains("/" + port);
            assertThat(s.path("build").path("context").asText()).isEqualTo("../" + service);
            assertThat(Repo.path(
                            service + "/" + s.path("build").path("dockerfile").asText()))
                    .isRegularFile();
            for (String dependency : List.of("postgres", "kafka")) {
                assertThat(s.path("depends_on")
                                .path(dependency)
                                .path("condition")
                                .asText())
                        .as("%s waits for %s", service, dependency)
                        .isEqualTo("service_healthy");
            }
        }
        assertThat(withDefaults(texts(services.path("kafka").path("ports")))).contains("127.0.0.1:9092:9092");
        assertThat(withDefaults(services.path("kafka").path("image").asText())).isEqualTo("apache/kafka:4.1.1");
        assertThat(services.path("kafka")
                        .path("environment")
                        .path("KAFKA_PROCESS_ROLES")
                        .asText())
                .contains("controller");
        assertThat(withDefaults(texts(services.path("postgres").path("ports")))).contains("127.0.0.1:5432:5432");
        assertThat(withDefaults(services.path("postgres").path("image").asText()))
                .isEqualTo("postgres:15");
        assertThat(services.path("kafka").has("healthcheck")).isTrue();
        assertThat(services.path("postgres").has("healthcheck")).isTrue();
    }

    /** Nothing is published beyond this machine: every host port is bound to 127.0.0.1. */
    @Test
    void everyPublishedPortIsOnLoopbackOnly() {
        compose().path("services").fields().forEachRemaining(service -> {
            for (String port : texts(service.getValue().path("ports"))) {
                assertThat(withDefaults(port))
                        .as("port %s of %s", port, service.getKey())
                        .matches("127\\.0\\.0\\.1:\\d+:\\d+");
            }
        });
    }

    /** The official images are the defaults; other images (CI's, built locally) come only through variables. */
    @Test
    void theServicesBaseImageIsABuildSettingDefaultingToTheOfficialJre() {
        for (String service : Repo.services()) {
            String dockerfile = Repo.read(Repo.path(service + "/src/main/docker/Dockerfile.jvm"));
            assertThat(dockerfile).contains("ARG BASE_IMAGE=eclipse-temurin:").contains("FROM ${BASE_IMAGE}");
            assertThat(withDefaults(compose()
                            .path("services")
                            .path(service)
                            .path("build")
                            .path("args")
                            .path("BASE_IMAGE")
                            .asText()))
                    .startsWith("eclipse-temurin:");
        }
    }

    @Test
    void everyServiceUsesItsOwnDatabaseAndDbInitCreatesIt() throws IOException {
        StringBuilder init = new StringBuilder();
        try (var files = Files.list(Repo.path("deploy/db-init"))) {
            files.filter(f -> f.toString().endsWith(".sql") || f.toString().endsWith(".sh"))
                    .forEach(f -> init.append(Repo.read(f)));
        }
        Set<String> urls = new TreeSet<>();
        for (String service : Repo.services()) {
            String db = Repo.database(service);
            String url = compose()
                    .path("services")
                    .path(service)
                    .path("environment")
                    .path("QUARKUS_DATASOURCE_JDBC_URL")
                    .asText();
            assertThat(url).as("JDBC URL of %s", service).isEqualTo("jdbc:postgresql://postgres:5432/" + db);
            assertThat(urls.add(url)).as("%s shares its database", service).isTrue();
            assertThat(init.toString())
                    .as("deploy/db-init creates %s", db)
                    .containsPattern("(?i)CREATE DATABASE \"?" + Pattern.quote(db) + "\"?\\s*;");
        }
    }

    @Test
    void everyVariableSetForAServiceIsAConfigKeyItReads() {
        JsonNode services = compose().path("services");
        List<String> problems = new ArrayList<>();
        for (String service : Repo.services()) {
            Set<String> keys = Repo.configKeys(service);
            services.path(service).path("environment").fieldNames().forEachRemaining(env -> {
                if (!Repo.NOT_CONFIG.contains(env) && Repo.keyForEnv(env, keys) == null) {
                    problems.add(service + ": " + env);
                }
            });
            // what a service cannot start or work without
            assertThat(iterable(services.path(service).path("environment").fieldNames()))
                    .contains(
                            "QUARKUS_DATASOURCE_JDBC_URL",
                            "QUARKUS_DATASOURCE_USERNAME",
                            "QUARKUS_DATASOURCE_PASSWORD",
                            "KAFKA_BOOTSTRAP_SERVERS",
                            "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        assertThat(problems)
                .as("environment variables that set no config key the service reads")
                .isEmpty();
    }

    @Test
    void theCheckCatchesAMisspeltVariable() {
        Set<String> keys = Repo.configKeys("logistics-service");
        assertThat(Repo.keyForEnv("LOGISTICS_GENERIC_PUSH_SECRET", keys)).isEqualTo("logistics.generic-push.secret");
        assertThat(Repo.keyForEnv("LOGISTICS_KUAIDI100_SALT", keys)).isEqualTo("logistics.kuaidi100.salt");
        assertThat(Repo.keyForEnv("LOGISTICS_GENERIC_PUSH_SECRETS", keys)).isNull();
        assertThat(Repo.keyForEnv("LOGISTICS_KUAIDI_SALT", keys)).isNull();
        assertThat(Repo.keyForEnv("QUARKUS_DATASOURCE_JDBC_ULR", keys)).isNull();
        assertThat(Repo.keyForEnv("WINBACK_PERSONAL_DATA_KEY", keys)).isEqualTo("winback.personal-data.key");
        assertThat(Repo.keyForEnv("QUARKUS_REST_CLIENT_LOGISTICS_URL", Repo.configKeys("compensation-service")))
                .isEqualTo("quarkus.rest-client.logistics.url");
        assertThat(Repo.keyForEnv("QUARKUS_REST_CLIENT_LOGISTICS_URL", keys)).isNull();
    }

    @Test
    void everyTopicTheFileNamesIsDocumentedAndEveryDocumentedTopicIsCreated() {
        Set<String> documented = Repo.allAsyncApiTopics();
        assertThat(documented).contains("reviews.v1", "tickets.v1", "compensations.v1", "logistics.v1");
        Set<String> named = new TreeSet<>();
        Matcher m =
                Pattern.compile("\\b[a-z]+\\.v\\d+(?:\\.[a-z0-9-]+\\.dlq)?\\b").matcher(composeText());
        while (m.find()) {
            named.add(m.group());
        }
        assertThat(documented)
                .as("topics named in docker-compose.yml must be in an asyncapi.yaml")
                .containsAll(named);
        assertThat(named)
                .as("the kafka-topics container creates every documented topic and DLQ")
                .containsAll(documented);
        for (String service : Repo.services()) {
            assertThat(named).as("DLQs of %s", service).containsAll(Repo.deadLetterTopics(service));
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
