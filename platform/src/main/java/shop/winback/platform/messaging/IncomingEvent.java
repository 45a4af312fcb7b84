package shop.winback.platform.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import shop.winback.platform.tracing.Traces;

/**
 * A CloudEvent read from Kafka in binary mode. Headers are read here rather than by the
 * connector, so a malformed record becomes an {@link UnprocessableEventException} (dead letter)
 * instead of breaking the consumer.
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String key,
        String data,
        String topic,
        int partition,
        long offset,
        String traceParent) {

    /** An event without trace context. */
    public IncomingEvent(
            String id,
            String type,
            String source,
            String subject,
            Instant time,
            String key,
            String data,
            String topic,
            int partition,
            long offset) {
        this(id, type, source, subject, time, key, data, topic, partition, offset, null);
    }

    /** The same event in another trace (the span that processes it). */
    public IncomingEvent inTrace(String traceParent) {
        return new IncomingEvent(id, type, source, subject, time, key, data, topic, partition, offset, traceParent);
    }

    public static IncomingEvent of(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new UnprocessableEventException("not a Kafka record"));
        Headers headers = kafka.getHeaders();
        String id = header(headers, "ce_id");
        String type = header(headers, "ce_type");
        if (id == null || id.isBlank()) {
            throw new UnprocessableEventException("missing CloudEvents header ce_id");
        }
        if (type == null || type.isBlank()) {
            throw new UnprocessableEventException("missing CloudEvents header ce_type");
        }
        if (message.getPayload() == null) {
            throw new UnprocessableEventException("event " + id + " has no data");
        }
        Object key = kafka.getKey();
        return new IncomingEvent(
                id,
                type,
                header(headers, "ce_source"),
                header(headers, "ce_subject"),
                time(header(headers, "ce_time")),
                key == null ? null : key.toString(),
                message.getPayload(),
                kafka.getTopic(),
                kafka.getPartition(),
                kafka.getOffset(),
                header(headers, Traces.HEADER));
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnprocessableEventException("ce_time is not RFC 3339: " + value);
        }
    }

    @Override
    public String toString() {
        // never the data: it may hold personal details
        return type + " " + id + " (" + topic + "/" + partition + "@" + offset + ")";
    }
}
