package shop.winback.ticket.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.winback.platform.messaging.EventRouter;

/**
 * The topics ticket-service reads (consumer group {@code ticket-service}), a poll at a time, each poll
 * in one transaction when it can; what cannot be handled goes to {@code <topic>.ticket-service.dlq}
 * with the reason in its headers, and consumption continues (see platform's {@code EventProcessor}).
 * What each event type does is in the topic's handler.
 */
@ApplicationScoped
public class EventConsumers {

    private final EventRouter router;
    private final ReviewEventHandler reviews;
    private final CompensationEventHandler compensations;
    private final LogisticsEventHandler logistics;

    public EventConsumers(
            EventRouter router,
            ReviewEventHandler reviews,
            CompensationEventHandler compensations,
            LogisticsEventHandler logistics) {
        this.router = router;
        this.reviews = reviews;
        this.compensations = compensations;
        this.logistics = logistics;
    }

    /** reviews.v1: tickets from neutral and bad reviews, every review counted, revisions. */
    @Incoming("reviews")
    @Blocking
    public CompletionStage<Void> reviews(KafkaRecordBatch<String, String> batch) {
        return router.process(batch, reviews.routes());
    }

    /** compensations.v1: each compensation's latest state beside its ticket, the money paid. */
    @Incoming("compensations")
    @Blocking
    public CompletionStage<Void> compensations(KafkaRecordBatch<String, String> batch) {
        return router.process(batch, compensations.routes());
    }

    /** logistics.v1: courier-fault losses for the recovery economics. */
    @Incoming("logistics")
    @Blocking
    public CompletionStage<Void> logistics(KafkaRecordBatch<String, String> batch) {
        return router.process(batch, logistics.routes());
    }
}
