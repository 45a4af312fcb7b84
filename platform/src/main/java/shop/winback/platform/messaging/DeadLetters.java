package shop.winback.platform.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Copies a record that cannot be processed, unchanged (key, value, headers), to its dead-letter
 * topic with the reason in {@code dead-letter-*} headers (the names SmallRye's own DLQ uses).
 * Per record, so one poison record in a batch never drags good records along.
 */
@ApplicationScoped
public class DeadLetters {

    private final Emitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has the dead letter. */
    public CompletableFuture<Void> send(Message<String> record, String deadLetterTopic, Throwable reason) {
        IncomingKafkaRecordMetadata<?, ?> source =
                record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        RecordHeaders headers = new RecordHeaders();
        for (Header h : source.getHeaders()) {
            headers.add(h);
        }
        Throwable cause = reason.getCause();
        put(headers, "dead-letter-reason", String.valueOf(reason.getMessage()));
        if (cause != null) {
            put(headers, "dead-letter-cause", cause.toString());
        }
        put(headers, "dead-letter-topic", source.getTopic());
        put(headers, "dead-letter-partition", Integer.toString(source.getPartition()));
        put(headers, "dead-letter-offset", Long.toString(source.getOffset()));
        Object key = source.getKey();
        CompletableFuture<Void> done = new CompletableFuture<>();
        emitter.send(Message.of(
                record.getPayload(),
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(deadLetterTopic)
                        .withKey(key == null ? null : key.toString())
                        .withHeaders(headers)
                        .build()),
                () -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return done;
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
