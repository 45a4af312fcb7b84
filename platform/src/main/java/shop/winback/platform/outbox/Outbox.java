package shop.winback.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The only way a service publishes an event: {@link #publish} stores it in the caller's
 * transaction, so the event exists if and only if the change commits. After commit the relay
 * sends it at once; if that fails, the sweeper sends it later. Delivery is at-least-once.
 */
@ApplicationScoped
public class Outbox {

    private static final Object PENDING = new Object();

    private final EntityManager em;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Clock clock;

    public Outbox(EntityManager em, ObjectMapper json, TransactionSynchronizationRegistry transactions,
                  OutboxRelay relay, Clock clock) {
        this.em = em;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * @param topic      Kafka topic
     * @param key        record key (the order id, by contract)
     * @param type       CloudEvents type, versioned: {@code review.received.v1}
     * @param subject    CloudEvents subject: the id of the thing the event is about
     * @param occurredAt when the change happened
     * @param payload    a record; serialised as JSON
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, String subject, Instant occurredAt, Object payload) {
        OutboxEvent event = new OutboxEvent(UUID.randomUUID(), topic, key, type, subject, toJson(payload),
                occurredAt, Instant.now(clock));
        em.persist(event);
        pendingInThisTransaction().add(event);
        return event.id;
    }

    @SuppressWarnings("unchecked")
    private List<OutboxEvent> pendingInThisTransaction() {
        List<OutboxEvent> pending = (List<OutboxEvent>) transactions.getResource(PENDING);
        if (pending == null) {
            List<OutboxEvent> created = new ArrayList<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.sendCommitted(created);
                    }
                }
            });
            pending = created;
        }
        return pending;
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialised: " + payload.getClass(), e);
        }
    }
}
