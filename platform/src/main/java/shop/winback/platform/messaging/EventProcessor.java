package shop.winback.platform.messaging;

import io.quarkus.logging.Log;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * How every consumer handles what it polls, so the policy lives in one place. Records are handled
 * one after another, in poll order (so in order per partition), and the batch is acknowledged
 * (offsets committed) once every record is either handled or safely dead-lettered:
 * <ul>
 * <li>unreadable, invalid or of an unknown type: dead-lettered at once, and consumption continues;</li>
 * <li>a transient failure (database away, deadlock): retried with backoff for as long as it takes,
 * holding the partition; dead-lettering would lose perfectly good events in an outage;</li>
 * <li>any other failure: retried {@code winback.consumer.max-attempts} times, then dead-lettered.</li>
 * </ul>
 * Batches cost one hand-off to a worker thread per poll instead of one per record, which matters
 * when most records (good reviews) need no work at all. The handler runs its own transaction per
 * record and records the event in the inbox there.
 */
@ApplicationScoped
public class EventProcessor {

    private final ConsumerConfig config;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    public EventProcessor(ConsumerConfig config, DeadLetters deadLetters, MeterRegistry meters) {
        this.config = config;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    /** What became of one record. */
    enum Verdict {
        HANDLED,
        DEAD_LETTERED,
        STOPPING
    }

    public CompletionStage<Void> process(KafkaRecordBatch<String, String> batch, String deadLetterTopic,
                                         Consumer<IncomingEvent> handler) {
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            if (process(record, deadLetterTopic, handler) == Verdict.STOPPING) {
                // shutting down: commit nothing of this batch, it is redelivered after restart
                return new CompletableFuture<>();
            }
        }
        return batch.ack();
    }

    Verdict process(Message<String> record, String deadLetterTopic, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (UnprocessableEventException e) {
            Log.warnf("Dead-lettering a record without usable CloudEvents headers: %s", e.getMessage());
            return deadLetter(record, deadLetterTopic, e, "unknown");
        }
        long start = System.nanoTime();
        Verdict verdict = attempt(record, event, deadLetterTopic, handler);
        Timer.builder("winback.events.handled")
                .description("Time to handle one consumed event, retries included")
                .tag("type", event.type())
                .tag("outcome", verdict.name().toLowerCase(Locale.ROOT))
                .publishPercentiles(0.5, 0.99)
                .register(meters)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return verdict;
    }

    private Verdict attempt(Message<String> record, IncomingEvent event, String deadLetterTopic,
                            Consumer<IncomingEvent> handler) {
        long backoff = config.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                handler.accept(event);
                return Verdict.HANDLED;
            } catch (UnprocessableEventException e) {
                Log.warnf("Dead-lettering %s: %s", event, e.getMessage());
                return deadLetter(record, deadLetterTopic, e, event.type());
            } catch (RuntimeException e) {
                boolean passing = TransientFailures.isTransient(e);
                if (!passing && attempt >= config.maxAttempts()) {
                    Log.errorf(e, "Dead-lettering %s after %d attempts", event, attempt);
                    return deadLetter(record, deadLetterTopic, e, event.type());
                }
                Log.warnf("Attempt %d at %s failed (%s)%s; retrying in %d ms", attempt, event, e.toString(),
                        passing ? ", transient" : "", backoff);
                if (!pause(backoff)) {
                    return Verdict.STOPPING;
                }
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    /** Only once the dead letter is on the broker may the record's offset be committed. */
    private Verdict deadLetter(Message<String> record, String deadLetterTopic, Throwable reason, String type) {
        meters.counter("winback.events.dead.lettered", "topic", deadLetterTopic, "type", type).increment();
        long backoff = config.initialBackoff().toMillis();
        while (true) {
            try {
                deadLetters.send(record, deadLetterTopic, reason).get(30, TimeUnit.SECONDS);
                return Verdict.DEAD_LETTERED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Verdict.STOPPING;
            } catch (Exception e) {
                Log.warnf("Could not write a dead letter to %s (%s); retrying in %d ms", deadLetterTopic, e.toString(), backoff);
                if (!pause(backoff)) {
                    return Verdict.STOPPING;
                }
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
