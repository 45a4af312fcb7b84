package shop.winback.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;
import shop.winback.platform.tracing.Traces;

/**
 * How every consumer handles what it polls, so the policy lives in one place. A poll is first
 * handed whole to the consumer's batch handler, which handles it in one transaction (one commit
 * and one round of queries for many events: what lets a consumer keep up on a busy box). If that
 * fails for any reason, the poll is handled again record by record, in poll order (so in order per
 * partition), each in its own transaction:
 * <ul>
 * <li>unreadable, invalid or of an unknown type: dead-lettered at once, and consumption continues;</li>
 * <li>a transient failure (database away, deadlock): retried with backoff for as long as it takes,
 * holding the partition; dead-lettering would lose perfectly good events in an outage;</li>
 * <li>any other failure: retried {@code winback.consumer.max-attempts} times, then dead-lettered.</li>
 * </ul>
 * The batch is acknowledged (offsets committed) once every record is handled or safely
 * dead-lettered. Handlers record each event in the inbox, so handling a record again after a
 * failed batch or a crash changes nothing.
 */
@ApplicationScoped
public class EventProcessor {

    private final ConsumerConfig config;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Tracer tracer;

    public EventProcessor(ConsumerConfig config, DeadLetters deadLetters, MeterRegistry meters, Tracer tracer) {
        this.config = config;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.tracer = tracer;
    }

    /** What became of one record. */
    enum Verdict {
        HANDLED,
        DEAD_LETTERED,
        STOPPING
    }

    /**
     * @param handler      handles one event in its own transaction
     * @param batchHandler handles the events of a whole poll in one transaction, or throws
     */
    public CompletionStage<Void> process(
            KafkaRecordBatch<String, String> batch,
            String deadLetterTopic,
            Consumer<IncomingEvent> handler,
            Consumer<List<IncomingEvent>> batchHandler) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (records.size() > 1 && handledTogether(records, batchHandler)) {
            return batch.ack();
        }
        for (KafkaRecord<String, String> record : records) {
            if (process(record, deadLetterTopic, handler) == Verdict.STOPPING) {
                // shutting down: commit nothing of this batch, it is redelivered after restart
                return new CompletableFuture<>();
            }
        }
        return batch.ack();
    }

    private boolean handledTogether(
            List<KafkaRecord<String, String>> records, Consumer<List<IncomingEvent>> batchHandler) {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        for (KafkaRecord<String, String> record : records) {
            try {
                events.add(IncomingEvent.of(record));
            } catch (UnprocessableEventException e) {
                return false; // the record-by-record pass dead-letters it
            }
        }
        // each event in a span of its own, child of the one that wrote it: what it causes carries that trace on
        List<Span> spans = new ArrayList<>(events.size());
        List<IncomingEvent> traced = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            Span span = Traces.startProcessing(tracer, event.topic(), event.type(), event.id(), event.traceParent());
            spans.add(span);
            traced.add(event.inTrace(Traces.traceParent(span.getSpanContext())));
        }
        long start = System.nanoTime();
        RuntimeException failure = null;
        try {
            batchHandler.accept(traced);
            batchTimer("handled").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return true;
        } catch (RuntimeException e) {
            failure = e;
            batchTimer("retried_one_by_one").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            Log.debugf(
                    "A batch of %d events failed together (%s); handling them one by one", events.size(), e.toString());
            return false;
        } finally {
            for (Span span : spans) {
                Traces.end(span, failure);
            }
        }
    }

    private Timer batchTimer(String outcome) {
        return Timer.builder("winback.events.batches")
                .description("Time to handle one poll of events in one transaction")
                .tag("outcome", outcome)
                .register(meters);
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
        Span span = Traces.startProcessing(tracer, event.topic(), event.type(), event.id(), event.traceParent());
        Verdict verdict;
        try (Scope ignored = span.makeCurrent()) { // log lines of this event carry its traceId
            verdict =
                    attempt(record, event.inTrace(Traces.traceParent(span.getSpanContext())), deadLetterTopic, handler);
        } finally {
            span.end();
        }
        Timer.builder("winback.events.handled")
                .description("Time to handle one consumed event, retries included")
                .tag("type", event.type())
                .tag("outcome", verdict.name().toLowerCase(Locale.ROOT))
                .publishPercentiles(0.5, 0.99)
                .register(meters)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return verdict;
    }

    private Verdict attempt(
            Message<String> record, IncomingEvent event, String deadLetterTopic, Consumer<IncomingEvent> handler) {
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
                Log.warnf(
                        "Attempt %d at %s failed (%s)%s; retrying in %d ms",
                        attempt, event, e.toString(), passing ? ", transient" : "", backoff);
                if (!pause(backoff)) {
                    return Verdict.STOPPING;
                }
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    /** Only once the dead letter is on the broker may the record's offset be committed. */
    private Verdict deadLetter(Message<String> record, String deadLetterTopic, Throwable reason, String type) {
        meters.counter("winback.events.dead.lettered", "topic", deadLetterTopic, "type", type)
                .increment();
        long backoff = config.initialBackoff().toMillis();
        while (true) {
            try {
                deadLetters.send(record, deadLetterTopic, reason).get(30, TimeUnit.SECONDS);
                return Verdict.DEAD_LETTERED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Verdict.STOPPING;
            } catch (Exception e) {
                Log.warnf(
                        "Could not write a dead letter to %s (%s); retrying in %d ms",
                        deadLetterTopic, e.toString(), backoff);
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
