package shop.winback.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import shop.winback.platform.ids.TimeOrderedUuid;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.platform.tracing.Traces;

/**
 * The only way a service publishes an event: {@link #publish} stores it in the caller's
 * transaction, so the event exists if and only if the change commits. The events of one
 * transaction are written together just before it commits, in one JDBC batch. After commit the relay
 * sends it at once; if that fails, the sweeper sends it later. Delivery is at-least-once.
 */
@ApplicationScoped
public class Outbox {

    private static final Object PENDING = new Object();
    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, message_key, type, subject, payload, occurred_at, created_at, trace_parent, attempts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Clock clock;

    public Outbox(
            DataSource dataSource,
            ObjectMapper json,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            Clock clock) {
        this.dataSource = dataSource;
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
        return publish(topic, key, type, subject, occurredAt, payload, null);
    }

    /**
     * As {@link #publish(String, String, String, String, Instant, Object)}, in the trace of
     * {@code traceParent} (W3C) — the event that caused this one, when a poll of several is handled
     * together — or, when that is null, of the current span.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(
            String topic,
            String key,
            String type,
            String subject,
            Instant occurredAt,
            Object payload,
            String traceParent) {
        OutboxEvent event = new OutboxEvent(
                TimeOrderedUuid.next(),
                topic,
                key,
                type,
                subject,
                toJson(payload),
                occurredAt,
                Instant.now(clock),
                traceParent != null ? traceParent : Traces.currentTraceParent());
        pendingInThisTransaction().add(event);
        return event.id;
    }

    /**
     * Plain JDBC on the transaction's own connection (the datasource hands every statement of one
     * JTA transaction the same connection): one round trip for all the transaction's events, none
     * of the ORM's flush machinery on the hottest path of every service.
     */
    private void insert(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // thrown in beforeCompletion, a failure rolls the transaction back: the change is not committed without its
        // events
        Jdbc.batch(dataSource, INSERT, events, (insert, event) -> {
            insert.setObject(1, event.id);
            insert.setString(2, event.topic);
            insert.setString(3, event.messageKey);
            insert.setString(4, event.type);
            insert.setString(5, event.subject);
            insert.setString(6, event.payload);
            Jdbc.setInstant(insert, 7, event.occurredAt);
            Jdbc.setInstant(insert, 8, event.createdAt);
            insert.setString(9, event.traceParent);
        });
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
                    insert(created);
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
