package shop.winback.logistics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

@ConfigMapping(prefix = "logistics")
public interface LogisticsConfig {

    /** Topic for logistics events (public contract: compensation-service and reporting jobs read it). */
    @WithDefault("logistics.v1")
    String topic();

    /** Zone couriers write local times in (Kuaidi100's "2026-11-21 08:00:00") and month-end reports are cut in. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * A scan or a shipment dated this far ahead of our clock is still taken: courier stations' clocks are not
     * synchronised and Kuaidi100 writes local times without a zone. Beyond it the time is junk (a scan "in 2999"
     * would stay the last station for good): refused at the edge, skipped with a warning in Kuaidi100's data.
     */
    @WithDefault("1h")
    Duration maxClockSkew();

    WeightCheck weightCheck();

    Kuaidi100 kuaidi100();

    GenericPush genericPush();

    interface WeightCheck {
        /**
         * Two weights closer than this are "the same weight": courier scales read to 10–50 g and
         * stations round differently. 50 g still tells a missing 100 g item apart. Per shop: settings.
         */
        @WithDefault("50")
        int toleranceGrams();

        /** "Damaged and little missing": at most this many missing pieces are refunded directly. Per shop: settings. */
        @WithDefault("2")
        int damagedFewItemsMax();

        /** Ask the courier (Kuaidi100 real-time query) when the stored scans carry no weights. */
        @WithDefault("true")
        boolean lookUpWhenMissing();
    }

    interface Kuaidi100 {
        /**
         * The salt given when subscribing; a push's {@code sign} is upper-case MD5(param + salt).
         * No salt: every push is refused. Prod: env LOGISTICS_KUAIDI100_SALT, never committed.
         */
        Optional<String> salt();

        /** Company id ({@code customer}) for poll/query.do. Prod: env LOGISTICS_KUAIDI100_CUSTOMER. */
        Optional<String> customer();

        /** Authorisation key for poll/query.do; sign = upper-case MD5(param + key + customer). Prod: env LOGISTICS_KUAIDI100_KEY. */
        Optional<String> key();
    }

    interface GenericPush {
        /**
         * HMAC-SHA256 secret of the generic JSON push (X-Signature: sha256=hex of the timestamp, a dot and the raw
         * body). None: every push is refused. Prod: env LOGISTICS_GENERIC_PUSH_SECRET.
         */
        Optional<String> secret();

        /**
         * A push whose signed X-Signature-Timestamp is further than this from our clock, either way, is refused: a
         * captured push cannot be replayed later. Wide enough for a courier's clock and its retries' network delay.
         */
        @WithDefault("5m")
        Duration replayWindow();
    }

    /** Courier look-up is possible only with both credentials. */
    default boolean lookUpConfigured() {
        return kuaidi100().customer().isPresent() && kuaidi100().key().isPresent();
    }
}
