package shop.winback.testing;

import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Kafka broker and PostgreSQL server the tests use, found once per test JVM:
 * <ol>
 * <li>the ones configured: {@code KAFKA_BOOTSTRAP_SERVERS} and {@code PGHOST PGPORT PGUSER PGPASSWORD} (what
 * {@code deploy/test} starts, as processes, on machines without Docker);</li>
 * <li>else, where a Docker engine is reachable, containers started here with Testcontainers and stopped when the JVM
 * exits. Their images are settings, {@code WINBACK_KAFKA_IMAGE} and {@code WINBACK_POSTGRES_IMAGE} (environment or
 * system property), by default the official {@value #KAFKA_IMAGE} and {@value #POSTGRES_IMAGE}; CI, which cannot pull
 * them, passes those {@code deploy/docker/build-images} makes.</li>
 * </ol>
 * Neither: a clear failure naming both ways.
 */
public final class TestInfra {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:15";

    /** Where PostgreSQL is, and the superuser-like role the tests create their databases with. */
    public record Postgres(String host, int port, String user, String password) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private static Containers containers;

    private TestInfra() {}

    /** Kafka's bootstrap servers: KAFKA_BOOTSTRAP_SERVERS, else the container's. */
    public static String kafkaBootstrapServers() {
        String configured = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return containers().kafka.getBootstrapServers();
    }

    /** PostgreSQL: PGHOST and friends, else the container's. */
    public static Postgres postgres() {
        String host = System.getenv("PGHOST");
        if (host != null && !host.isBlank()) {
            return new Postgres(
                    host,
                    Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432")),
                    System.getenv().getOrDefault("PGUSER", "postgres"),
                    System.getenv().getOrDefault("PGPASSWORD", ""));
        }
        PostgreSQLContainer pg = containers().postgres;
        return new Postgres(pg.getHost(), pg.getMappedPort(5432), pg.getUsername(), pg.getPassword());
    }

    /** Whether this JVM's infrastructure runs in containers it started (for a log line or an assertion). */
    public static synchronized boolean inContainers() {
        return containers != null;
    }

    private static synchronized Containers containers() {
        if (containers == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new IllegalStateException("No Kafka or PostgreSQL for the tests: set KAFKA_BOOTSTRAP_SERVERS and "
                        + "PGHOST/PGPORT/PGUSER/PGPASSWORD (deploy/test starts both and sets them), or run a Docker "
                        + "engine so that they start in containers");
            }
            containers = new Containers();
            Runtime.getRuntime().addShutdownHook(new Thread(containers::stop, "test-containers-stop"));
        }
        return containers;
    }

    static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }

    /** One broker and one PostgreSQL server for the whole test JVM (Kafka and PostgreSQL start in parallel). */
    private static final class Containers {
        final KafkaContainer kafka;
        final PostgreSQLContainer postgres;

        Containers() {
            kafka = new KafkaContainer(DockerImageName.parse(setting("WINBACK_KAFKA_IMAGE", KAFKA_IMAGE))
                            .asCompatibleSubstituteFor("apache/kafka"))
                    .withEnv(Map.of("KAFKA_NUM_PARTITIONS", "6", "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true"));
            postgres = new PostgreSQLContainer(DockerImageName.parse(setting("WINBACK_POSTGRES_IMAGE", POSTGRES_IMAGE))
                            .asCompatibleSubstituteFor("postgres"))
                    .withDatabaseName("postgres")
                    .withUsername("winback")
                    .withPassword("winback-tests")
                    // many service instances with their pools, like deploy/test's server; durability is not tested
                    .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
            var kafkaStart = new Thread(kafka::start, "kafka-container-start");
            kafkaStart.start();
            try {
                postgres.start();
                kafkaStart.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!kafka.isRunning()) {
                stop();
                throw new IllegalStateException("the Kafka container did not start (see the log above)");
            }
            System.err.printf(
                    "test infrastructure in containers: Kafka %s (%s), PostgreSQL %s (%s)%n",
                    kafka.getBootstrapServers(),
                    kafka.getDockerImageName(),
                    postgres.getJdbcUrl(),
                    postgres.getDockerImageName());
        }

        void stop() {
            kafka.stop();
            postgres.stop();
        }
    }
}
