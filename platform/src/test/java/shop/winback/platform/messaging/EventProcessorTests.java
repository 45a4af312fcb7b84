package shop.winback.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class EventProcessorTests {

    static final ConsumerConfig FAST = new ConsumerConfig() {
        public int maxAttempts() {
            return 3;
        }

        public Duration initialBackoff() {
            return Duration.ofMillis(1);
        }

        public Duration maxBackoff() {
            return Duration.ofMillis(4);
        }
    };

    final EventProcessor processor = new EventProcessor(FAST);
    final AtomicReference<String> outcome = new AtomicReference<>("pending");

    Message<String> record(boolean withHeaders) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("reviews.v1", 0, 7L, "O-1", "{}");
        if (withHeaders) {
            record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "review.received.v1".getBytes(StandardCharsets.UTF_8));
        }
        return Message.of("{}", Metadata.of(new IncomingKafkaRecordMetadata<>(record, "reviews")),
                () -> {
                    outcome.set("ack");
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    outcome.set("nack: " + failure.getMessage());
                    return CompletableFuture.completedFuture(null);
                });
    }

    @Test
    void handledEventIsAcknowledged() {
        processor.process(record(true), e -> assertThat(e.id()).isEqualTo("e-1"));
        assertThat(outcome.get()).isEqualTo("ack");
    }

    @Test
    void unprocessableEventIsDeadLetteredWithoutRetry() {
        AtomicInteger calls = new AtomicInteger();
        processor.process(record(true), e -> {
            calls.incrementAndGet();
            throw new UnprocessableEventException("not readable");
        });
        assertThat(calls).hasValue(1);
        assertThat(outcome.get()).isEqualTo("nack: not readable");
    }

    @Test
    void recordWithoutCloudEventsHeadersIsDeadLettered() {
        processor.process(record(false), e -> {
            throw new AssertionError("must not be handled");
        });
        assertThat(outcome.get()).startsWith("nack: missing CloudEvents header ce_id");
    }

    @Test
    void otherFailuresAreRetriedThenDeadLettered() {
        AtomicInteger calls = new AtomicInteger();
        processor.process(record(true), e -> {
            calls.incrementAndGet();
            throw new IllegalStateException("bug");
        });
        assertThat(calls).hasValue(3);
        assertThat(outcome.get()).isEqualTo("nack: bug");
    }

    @Test
    void transientFailuresAreRetriedPastTheAttemptLimitUntilTheyPass() {
        AtomicInteger calls = new AtomicInteger();
        processor.process(record(true), e -> {
            if (calls.incrementAndGet() < 10) {
                throw new RuntimeException("commit failed", new SQLException("connection refused", "08001"));
            }
        });
        assertThat(calls).hasValue(10);
        assertThat(outcome.get()).isEqualTo("ack");
    }

    @Test
    void transientFailuresAreRecognisedByTheirCause() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("x", "08006")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("x", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("x", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }
}
