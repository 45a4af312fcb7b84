package shop.winback.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event written in the same transaction as the change it describes; the relay copies it to
 * Kafka after commit. Its id becomes the CloudEvents {@code ce_id} consumers de-duplicate on.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    UUID id;

    @Column(nullable = false)
    String topic;

    /** The Kafka record key: the order id, so all events of one order stay in order on one partition. */
    @Column(name = "message_key", nullable = false)
    String messageKey;

    @Column(nullable = false)
    String type;

    String subject;

    @Column(nullable = false, columnDefinition = "text")
    String payload;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    /** W3C traceparent of the writing transaction's span; null when it had none. Sent as the "traceparent" header. */
    @Column(name = "trace_parent")
    String traceParent;

    @Column(nullable = false)
    int attempts;

    @Column(name = "last_error")
    String lastError;

    protected OutboxEvent() {}

    OutboxEvent(
            UUID id,
            String topic,
            String key,
            String type,
            String subject,
            String payload,
            Instant occurredAt,
            Instant createdAt,
            String traceParent) {
        this.traceParent = traceParent;
        this.id = id;
        this.topic = topic;
        this.messageKey = key;
        this.type = type;
        this.subject = subject;
        this.payload = payload;
        this.occurredAt = occurredAt;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public String key() {
        return messageKey;
    }

    public String type() {
        return type;
    }

    public String subject() {
        return subject;
    }

    public String payload() {
        return payload;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
