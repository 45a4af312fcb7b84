package shop.winback.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.winback.testing.TestInfra;

/**
 * The platform's migrations against real PostgreSQL, with the four services' real histories (read from their
 * source folders in this repository, so nothing of them is copied here): a database each service's history made
 * (today's fresh database, and every database deployed before the platform owned its tables) takes the platform's
 * migrations as a no-op and validates, a fresh one ends up the same, and a service with no platform DDL of its own
 * gets the tables in the shape the services' histories gave them.
 */
class PlatformMigrationsTests {

    /** The services whose history has no inbox table (they consume nothing): the platform adds an empty one. */
    private static final List<String> WITHOUT_INBOX = List.of("review-service", "logistics-service");

    @Test
    void theListedScriptsAreExactlyTheScriptsInTheFolder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", PlatformMigrations.LOCATION))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(
                            PlatformMigrations.SCRIPTS.stream().sorted().toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"review-service", "ticket-service", "compensation-service", "logistics-service"})
    void aDatabaseMadeByTheServicesOwnHistoryTakesThePlatformMigrationsAsANoOpAndValidates(String service)
            throws SQLException {
        // today's database: the service's history alone (kept as the reference; pg_dump it to compare by hand)
        String today = freshDatabase(service + "_today");
        serviceOnly(today, service).load().migrate();
        List<String> before = schema(today);

        // a deployed database: made by the history as it is today, then started with the new build
        String existing = freshDatabase(service + "_existing");
        serviceOnly(existing, service).load().migrate();

        Flyway upgraded = withPlatform(existing, service);
        assertThat(upgraded.migrate().migrationsExecuted).isZero();
        upgraded.validate();
        Flyway platform = platformOn(existing);
        platform.validate();
        assertThat(platform.info().current().getVersion().getVersion()).isEqualTo("1");

        List<String> after = schema(existing);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        assertThat(before).isSubsetOf(after);
        if (WITHOUT_INBOX.contains(service)) {
            assertThat(added).allMatch(line -> line.contains("inbox_message"), "only the inbox table is added");
        } else {
            assertThat(added).isEmpty();
        }

        // a fresh database of the new build: the service's history makes the tables, the platform adds nothing
        String fresh = freshDatabase(service + "_fresh");
        withPlatform(fresh, service).migrate();
        assertThat(schema(fresh)).isEqualTo(after);

        // and the next start migrates nothing more
        assertThat(withPlatform(existing, service).migrate().migrationsExecuted).isZero();
    }

    @Test
    void aServiceWithNoPlatformDdlGetsThePlatformTablesInTheServicesShape() throws SQLException {
        String database = freshDatabase("new_service");
        Flyway flyway = PlatformMigrations.addTo(Flyway.configure()
                        .dataSource(url(database), pg().user(), pg().password())
                        .locations("classpath:db/platform-tests/new-service"))
                .load();
        flyway.migrate();
        flyway.validate();
        platformOn(database).validate();

        String ticket = freshDatabase("ticket_reference");
        serviceOnly(ticket, "ticket-service").load().migrate();
        String logistics = freshDatabase("logistics_reference");
        serviceOnly(logistics, "logistics-service").load().migrate();

        List<String> schema = schema(database);
        // the outbox and inbox as ticket-service's history made them (it has both), the settings as
        // logistics-service's (jsonb; the other services' are text or narrower, see V1__platform_tables.sql)
        assertThat(about(schema, "outbox_event")).isEqualTo(about(schema(ticket), "outbox_event"));
        assertThat(about(schema, "inbox_message")).isEqualTo(about(schema(ticket), "inbox_message"));
        assertThat(about(schema, "shop_settings")).isEqualTo(about(schema(logistics), "shop_settings"));
        assertThat(about(schema, "outbox_event")).anyMatch(line -> line.contains("trace_parent"));

        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    private static FluentConfiguration serviceOnly(String database, String service) {
        return Flyway.configure()
                .dataSource(url(database), pg().user(), pg().password())
                .locations("filesystem:../" + service + "/src/main/resources/db/migration")
                .placeholders(Map.of("agents_topic", "agents.v1"));
    }

    private static Flyway withPlatform(String database, String service) {
        return PlatformMigrations.addTo(serviceOnly(database, service)).load();
    }

    private static Flyway platformOn(String database) {
        return PlatformMigrations.flyway(Flyway.configure().dataSource(url(database), pg().user(), pg().password()));
    }

    private static List<String> about(List<String> schema, String table) {
        return schema.stream().filter(line -> line.contains(table)).toList();
    }

    /** What pg_dump --schema-only would differ in, one line per column, index, constraint, trigger and function. */
    private static List<String> schema(String database) throws SQLException {
        String sql = """
                SELECT 'column ' || a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p')
                      AND a.attnum > 0 AND NOT a.attisdropped
                UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
                UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                          FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
                UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
                UNION ALL SELECT 'function ' || p.oid::regprocedure FROM pg_proc p
                          WHERE p.pronamespace = current_schema()::regnamespace
                UNION ALL SELECT 'sequence ' || sequence_name FROM information_schema.sequences
                          WHERE sequence_schema = current_schema()
                ORDER BY 1""";
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(database), pg().user(), pg().password());
                var rows = c.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                String line = rows.getString(1);
                if (!line.contains(PlatformMigrations.TABLE)) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static String freshDatabase(String name) throws SQLException {
        String database = "platform_migrations_" + name.replace('-', '_');
        try (Connection c = DriverManager.getConnection(url("postgres"), pg().user(), pg().password());
                var statement = c.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        return database;
    }

    private static String url(String database) {
        return pg().jdbcUrl(database);
    }

    private static TestInfra.Postgres pg() {
        return TestInfra.postgres();
    }
}
