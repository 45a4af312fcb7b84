package shop.winback.compensation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.messaging.in.LostParcelClaimedV1;
import shop.winback.compensation.messaging.in.ParcelScannedV1;
import shop.winback.compensation.service.CourierClaims;
import shop.winback.compensation.service.Deliveries;
import shop.winback.platform.messaging.EventRoutes;

/**
 * What compensation-service does with {@code logistics.v1}: lost-parcel claims for the month-end accounts, and
 * when each parcel was signed for; weight checks are read past.
 */
@ApplicationScoped
public class LogisticsEventHandler {

    /** The name this consumer's events are remembered under in the inbox. */
    static final String CONSUMER = "compensation-service/logistics";

    private final EventRoutes routes;

    public LogisticsEventHandler(CourierClaims claims, Deliveries deliveries, CompensationConfig config) {
        this.routes = EventRoutes.of(config.logisticsDeadLetterTopic(), CONSUMER)
                .on(
                        LostParcelClaimedV1.TYPE,
                        LostParcelClaimedV1.class,
                        events -> claims.record(
                                events.stream().map(EventRoutes.Received::data).toList()))
                // the earliest signed-for scan wins: idempotent by itself, and scans are many
                .onIdempotent(ParcelScannedV1.TYPE, ParcelScannedV1.class, events -> {
                    List<ParcelScannedV1> delivered = events.stream()
                            .map(EventRoutes.Received::data)
                            .filter(ParcelScannedV1::signedFor)
                            .toList();
                    if (!delivered.isEmpty()) {
                        deliveries.record(delivered);
                    }
                })
                .readPast("weight-check.completed.v1");
    }

    EventRoutes routes() {
        return routes;
    }
}
