package shop.winback.compensation.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.Compensation;
import shop.winback.platform.outbox.Outbox;

/** The events of {@code compensations.v1}, through the outbox in the caller's transaction, keyed by order id. */
@ApplicationScoped
public class CompensationEvents {

    private final Outbox outbox;
    private final CompensationConfig config;

    public CompensationEvents(Outbox outbox, CompensationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public void requested(Compensation c, Instant at) {
        publish(c, CompensationEventV1.REQUESTED, null, at);
    }

    public void approved(Compensation c, UUID payoutId, Instant at) {
        publish(c, CompensationEventV1.APPROVED, payoutId, at);
    }

    public void rejected(Compensation c, Instant at) {
        publish(c, CompensationEventV1.REJECTED, null, at);
    }

    public void paid(Compensation c, UUID payoutId, Instant at) {
        publish(c, CompensationEventV1.PAID, payoutId, at);
    }

    private void publish(Compensation c, String type, UUID payoutId, Instant at) {
        outbox.publish(
                config.topic(),
                c.orderId,
                type,
                c.id.toString(),
                at,
                CompensationEventV1.of(c, config.currency(), payoutId, at));
    }
}
