package shop.winback.compensation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import shop.winback.compensation.service.CourierClaims;
import shop.winback.compensation.service.Deliveries;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.platform.messaging.UnprocessableEventException;

/** Handles the events of {@code logistics.v1}; a type nobody handles is unprocessable. */
@ApplicationScoped
public class LogisticsEventHandler {

    /** Events of logistics.v1 this service reads past. */
    static final Set<String> KNOWN_NOT_ACTED_ON = Set.of("weight-check.completed.v1");

    private final CourierClaims claims;
    private final Deliveries deliveries;
    private final EventReader reader;

    public LogisticsEventHandler(CourierClaims claims, Deliveries deliveries, EventReader reader) {
        this.claims = claims;
        this.deliveries = deliveries;
        this.reader = reader;
    }

    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    /** Handles the events in one transaction; throws if any of them cannot be handled. */
    public void handleAll(List<IncomingEvent> events) {
        List<CourierClaims.Received> received = new ArrayList<>();
        List<ParcelScannedV1> delivered = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (KNOWN_NOT_ACTED_ON.contains(event.type())) {
                continue;
            }
            if (ParcelScannedV1.TYPE.equals(event.type())) {
                ParcelScannedV1 scan = reader.read(event, ParcelScannedV1.class);
                if (scan.signedFor()) {
                    delivered.add(scan);
                }
                continue;
            }
            if (!LostParcelClaimedV1.TYPE.equals(event.type())) {
                throw new UnprocessableEventException("no handler for event type " + event.type());
            }
            received.add(new CourierClaims.Received(event.id(), reader.read(event, LostParcelClaimedV1.class)));
        }
        if (!received.isEmpty()) {
            claims.record(received);
        }
        if (!delivered.isEmpty()) {
            deliveries.record(delivered);
        }
    }
}
