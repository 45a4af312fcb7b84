package shop.winback.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Real infrastructure for @QuarkusTest, with or without Docker. Configured in the environment:
 * <ul>
 * <li>Kafka: {@code KAFKA_BOOTSTRAP_SERVERS};</li>
 * <li>PostgreSQL: {@code PGHOST PGPORT PGUSER PGPASSWORD}, turned into the datasource URL of the
 * module's own database by the root pom's {@code local-postgres} profile.</li>
 * </ul>
 * {@code deploy/test} starts both as processes and sets the variables; this resource then only makes sure that
 * database exists before Flyway runs. Without them, where Docker runs, {@link TestInfra} starts both in containers
 * (Testcontainers) and this resource points the service at them. (Quarkus' own Dev Services are off: the root pom.) It also hands the service the public key
 * of {@link TestTokens}, a personal-data key made for this test run, and the clock offset of
 * {@link TestClock}, so the service's clock and the tests' data agree on what "now" is.
 */
public class LocalInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        String url = System.getProperty("quarkus.datasource.jdbc.url");
        if (url != null && url.startsWith("jdbc:postgresql://")) {
            createDatabaseIfMissing(
                    url,
                    System.getProperty("quarkus.datasource.username"),
                    System.getProperty("quarkus.datasource.password"));
        } else {
            // nothing configured: the test JVM's own PostgreSQL container, with a database for this module
            TestInfra.Postgres pg = TestInfra.postgres();
            String own = pg.jdbcUrl(TestInfra.setting("winback.database", "winback"));
            createDatabaseIfMissing(own, pg.user(), pg.password());
            config.put("quarkus.datasource.jdbc.url", own);
            config.put("quarkus.datasource.username", pg.user());
            config.put("quarkus.datasource.password", pg.password());
        }
        config.put("kafka.bootstrap.servers", TestInfra.kafkaBootstrapServers());
        // the service trusts this JVM's test key pair, seals personal data with this JVM's key, and
        // runs on the clock the test data is made from
        config.put("mp.jwt.verify.publickey", TestTokens.publicKeyPem());
        config.put("winback.personal-data.key", TestTokens.PERSONAL_DATA_KEY);
        config.put(TestClock.PROPERTY, TestClock.offset().toString());
        return config;
    }

    @Override
    public void stop() {}

    static void createDatabaseIfMissing(String url, String user, String password) {
        int slash = url.lastIndexOf('/');
        String database = url.substring(slash + 1).replaceFirst("\\?.*$", "");
        String admin = url.substring(0, slash + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password)) {
            try (var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                if (exists.executeQuery().next()) {
                    return;
                }
            }
            try (var create = c.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
            } catch (SQLException raced) {
                // another module's test JVM created it at the same moment: fine
                if (!"42P04".equals(raced.getSQLState())) {
                    throw raced;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + admin + " is not usable for tests: " + e.getMessage(), e);
        }
    }
}
