package shop.winback.platform.time;

import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock every service reads time from, so tests can substitute their own. It is the
 * real UTC clock, shifted by {@code winback.clock.offset} (env {@code WINBACK_CLOCK_OFFSET}, an
 * ISO-8601 duration such as {@code P137DT5H12M}, negative allowed; default none): the test suite
 * runs the services on a random day so no test depends on today's date, and a rehearsal may run
 * them on another day. Never set in production. Bearer tokens are still checked against the real
 * clock.
 */
@ApplicationScoped
public class Clocks {

    public static final String OFFSET = "winback.clock.offset";

    @ConfigProperty(name = OFFSET, defaultValue = "PT0S")
    Duration offset;

    @Produces
    @DefaultBean
    @Singleton
    Clock utc() {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }

    void warnIfShifted(@Observes StartupEvent started) {
        if (!offset.isZero()) {
            Duration by = offset.abs();
            Log.warnf(
                    "The service clock is shifted %d days %02d:%02d:%02d %s (%s=%s): for tests and rehearsals only, never in production",
                    by.toDays(),
                    by.toHoursPart(),
                    by.toMinutesPart(),
                    by.toSecondsPart(),
                    offset.isNegative() ? "back" : "ahead",
                    OFFSET,
                    offset);
        }
    }
}
