package shop.winback.platform.migration;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Runs the platform's migrations once the service's own have been applied (PlatformMigrations says why then). */
final class MigratePlatformAfterService implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        // the platform's Flyway takes its own connections and transactions
        return false;
    }

    @Override
    public void handle(Event event, Context context) {
        PlatformMigrations.flyway(context.getConfiguration()).migrate();
    }

    @Override
    public String getCallbackName() {
        return "platform migrations";
    }
}
