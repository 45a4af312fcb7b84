package shop.winback.logistics.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import shop.winback.logistics.config.LogisticsConfig;

/**
 * Times couriers and the order system report (scans, a shipment's dispatch) may run a little ahead of our clock,
 * never far: a scan dated years ahead would stay a parcel's last station, and its weight the last weight, for good.
 */
@ApplicationScoped
public class CourierTimes {

    private final LogisticsConfig config;
    private final Clock clock;

    public CourierTimes(LogisticsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public boolean tooFarAhead(Instant time) {
        return time.isAfter(Instant.now(clock).plus(config.maxClockSkew()));
    }

    /** What a refused time is told, as a violation's message. */
    public String refusal() {
        return "must not be in the future (at most " + config.maxClockSkew().toMinutes()
                + " minutes ahead of our clock)";
    }
}
