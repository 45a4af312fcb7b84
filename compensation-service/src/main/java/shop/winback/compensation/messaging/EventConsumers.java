package shop.winback.compensation.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.winback.platform.messaging.EventRouter;

/**
 * The topics compensation-service reads (consumer group {@code compensation-service}), a poll at a time, each
 * poll in one transaction when it can; what cannot be handled goes to {@code <topic>.compensation-service.dlq}
 * with the reason in its headers, and consumption continues (see platform's {@code EventProcessor}). What each
 * event type does is in the topic's handler.
 */
@ApplicationScoped
public class EventConsumers {

    private final EventRouter router;
    private final ReviewEventHandler reviews;
    private final AgentEventHandler agents;
    private final LogisticsEventHandler logistics;

    public EventConsumers(
            EventRouter router, ReviewEventHandler reviews, AgentEventHandler agents, LogisticsEventHandler logistics) {
        this.router = router;
        this.reviews = reviews;
        this.agents = agents;
        this.logistics = logistics;
    }

    /** reviews.v1: the order facts of neutral and bad reviews. */
    @Incoming("reviews")
    @Blocking
    public CompletionStage<Void> reviews(KafkaRecordBatch<String, String> batch) {
        return router.process(batch, reviews.routes());
    }

    /** agents.v1: the agent registry (an agent's authority). */
    @Incoming("agents")
    @Blocking
    public CompletionStage<Void> agents(KafkaRecordBatch<String, String> batch) {
        return router.process(batch, agents.routes());
    }

    /** logistics.v1: courier claims and deliveries. */
    @Incoming("logistics")
    @Blocking
    public CompletionStage<Void> logistics(KafkaRecordBatch<String, String> batch) {
        return router.process(batch, logistics.routes());
    }
}
