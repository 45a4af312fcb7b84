package shop.winback.platform.messaging;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import shop.winback.platform.inbox.Inbox;

/**
 * Hands a consumer's polls to the handlers of its {@link EventRoutes}: a poll in one transaction
 * with one inbox statement, so a redelivered event reaches no handler; replayed record by record by
 * {@link EventProcessor} when the poll fails. A service's {@code @Incoming} method is one line:
 * {@code return router.process(batch, routes);}
 */
@ApplicationScoped
@IfBuildProperty(name = "winback.inbox.enabled", stringValue = "true", enableIfMissing = true)
public class EventRouter {

    private final EventProcessor processor;
    private final Inbox inbox;
    private final EventReader reader;

    public EventRouter(EventProcessor processor, Inbox inbox, EventReader reader) {
        this.processor = processor;
        this.inbox = inbox;
        this.reader = reader;
    }

    public CompletionStage<Void> process(KafkaRecordBatch<String, String> batch, EventRoutes routes) {
        return processor.process(
                batch,
                routes.deadLetterTopic(),
                event -> handle(routes, List.of(event)),
                events -> handle(routes, events));
    }

    /** Handles the events in one transaction; throws if any of them cannot be handled. */
    void handle(EventRoutes routes, List<IncomingEvent> events) {
        EventRoutes.Routed routed = routes.route(events);
        if (routed.isEmpty()) {
            return; // nothing acted on (a poll of good reviews, say): no transaction, no round trip
        }
        QuarkusTransaction.joiningExisting()
                .run(() -> routed.handle(inbox.firstDeliveries(routed.deliveries()), reader));
    }
}
