package shop.winback.platform.migration;

import io.quarkus.arc.Unremovable;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The platform's tables (outbox_event, inbox_message, shop_settings) are migrated by the platform: scripts in
 * {@value #LOCATION} of this jar, applied with their own history table ({@value #TABLE}) right after the service's
 * own Flyway has migrated (at start, or whenever the service migrates), on the same datasource and schema.
 * After, not before: the services' histories created these tables themselves until the platform owned them, so
 * on their databases the platform's first script finds them made and does nothing; a new service ships no DDL
 * for them and gets them from here. Its own migrations may not use them for that reason.
 */
@Singleton
@Unremovable
public class PlatformMigrations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "db/platform";
    static final String TABLE = "platform_schema_history";
    /**
     * The scripts in {@value #LOCATION}, listed rather than scanned: a resource read by name loads the same from a
     * directory, a jar or Quarkus' class loaders, where a scan of the class path need not. A new script is added
     * here too; PlatformMigrationsTests fails while this list and the folder differ.
     */
    static final List<String> SCRIPTS = List.of("V1__platform_tables.sql");

    @Override
    public void customize(FluentConfiguration configuration) {
        addTo(configuration);
    }

    /** The service's configuration, with the callback that migrates the platform's tables after it (its own kept). */
    public static FluentConfiguration addTo(FluentConfiguration service) {
        Callback[] callbacks = Stream.concat(
                        Arrays.stream(service.getCallbacks()), Stream.of(new MigratePlatformAfterService()))
                .toArray(Callback[]::new);
        return service.callbacks(callbacks);
    }

    /** The platform's own Flyway, on the datasource and schema of the service's. */
    public static Flyway flyway(Configuration service) {
        FluentConfiguration platform = Flyway.configure(PlatformMigrations.class.getClassLoader())
                .dataSource(service.getDataSource())
                .table(TABLE)
                .locations("classpath:" + LOCATION)
                .resourceProvider(new ListedScripts(LOCATION, SCRIPTS, PlatformMigrations.class.getClassLoader()))
                .javaMigrationClassProvider(List::of)
                .skipDefaultCallbacks(true)
                // the service's tables are there already: its first run starts the platform's history below V1
                // (no apostrophe in the description: Flyway writes it into SQL unquoted)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("tables as the service history left them");
        if (service.getSchemas().length > 0) {
            platform.schemas(service.getSchemas());
        }
        if (service.getDefaultSchema() != null) {
            platform.defaultSchema(service.getDefaultSchema());
        }
        return platform.load();
    }
}
