package shop.winback.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

    final AtomicReference<String> deadLetter = new AtomicReference<>();
    final EventProcessor processor = new EventProcessor(
            FAST,
            new DeadLetters(null) {
                @Override
                public CompletableFuture<Void> send(Message<String> record, String deadLetterTopic, Throwable reason) {
                    deadLetter.set(deadLetterTopic + ": " + reason.getMessage());
                    return CompletableFuture.completedFuture(null);
                }
            },
            new SimpleMeterRegistry(),
            io.opentelemetry.api.OpenTelemetry.noop().getTracer("tests"));

    EventProcessor.Verdict process(boolean withHeaders, java.util.function.Consumer<IncomingEvent> handler) {
        return processor.process(record(withHeaders), "reviews.v1.test.dlq", handler);
    }

    Message<String> record(boolean withHeaders) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("reviews.v1", 0, 7L, "O-1", "{}");
        if (withHeaders) {
            record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "review.received.v1".getBytes(StandardCharsets.UTF_8));
        }
        return Message.of("{}", Metadata.of(new IncomingKafkaRecordMetadata<>(record, "reviews")));
    }

    @Test
    void handledEventIsHandled() {
        assertThat(process(true, e -> assertThat(e.id()).isEqualTo("e-1"))).isEqualTo(EventProcessor.Verdict.HANDLED);
        assertThat(deadLetter.get()).isNull();
    }

    @Test
    void unprocessableEventIsDeadLetteredWithoutRetry() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(process(true, e -> {
                    calls.incrementAndGet();
                    throw new UnprocessableEventException("not readable");
                }))
                .isEqualTo(EventProcessor.Verdict.DEAD_LETTERED);
        assertThat(calls).hasValue(1);
        assertThat(deadLetter.get()).isEqualTo("reviews.v1.test.dlq: not readable");
    }

    @Test
    void recordWithoutCloudEventsHeadersIsDeadLettered() {
        assertThat(process(false, e -> {
                    throw new AssertionError("must not be handled");
                }))
                .isEqualTo(EventProcessor.Verdict.DEAD_LETTERED);
        assertThat(deadLetter.get()).isEqualTo("reviews.v1.test.dlq: missing CloudEvents header ce_id");
    }

    @Test
    void otherFailuresAreRetriedThenDeadLettered() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(process(true, e -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("bug");
                }))
                .isEqualTo(EventProcessor.Verdict.DEAD_LETTERED);
        assertThat(calls).hasValue(3);
        assertThat(deadLetter.get()).isEqualTo("reviews.v1.test.dlq: bug");
    }

    @Test
    void transientFailuresAreRetriedPastTheAttemptLimitUntilTheyPass() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(process(true, e -> {
                    if (calls.incrementAndGet() < 10) {
                        throw new RuntimeException("commit failed", new SQLException("connection refused", "08001"));
                    }
                }))
                .isEqualTo(EventProcessor.Verdict.HANDLED);
        assertThat(calls).hasValue(10);
        assertThat(deadLetter.get()).isNull();
    }

    @Test
    void transientFailuresAreRecognisedByTheirCause() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("x", "08006"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("x", "40P01"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool exhausted")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("x", "23505"))))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad")))
                .isFalse();
    }
}
