package shop.winback.loadgen;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The Kafka floor: what two broker hops cost on this machine with no service logic in between.
 *
 * <p>review → assigned crosses Kafka twice (review event → ticket-service; ticket events → the watcher), so the floor
 * is produce → consume → produce → consume: a probe producer writes to topic A, a relay consumes A and re-produces
 * to B, and a sink consumes B. Each probe value carries its intended send time (nanoTime of this JVM), so the
 * sink's latency is measured exactly like the review latency: receive time minus intended send time.
 */
public final class FloorProbe {

    /** Probe messages are about this size, in the range of a ticket event. */
    static final int VALUE_BYTES = 512;
    /** Unmeasured probing first, so the relay's and clients' JIT warm-up is not charged to the floor. */
    static final Duration WARMUP = Duration.ofSeconds(2);

    public record FloorResult(
            LatencySummary latency, int measuredSent, int measuredReceived, String topicA, String topicB) {}

    private final String bootstrap;
    private final Admin admin;
    private final String suffix;

    public FloorProbe(String bootstrap, Admin admin, String suffix) {
        this.bootstrap = bootstrap;
        this.admin = admin;
        this.suffix = suffix;
    }

    public FloorResult run(double rate, Duration measured) throws Exception {
        String topicA = "bench-floor-a-" + suffix;
        String topicB = "bench-floor-b-" + suffix;
        admin.createTopics(List.of(new NewTopic(topicA, 1, (short) 1), new NewTopic(topicB, 1, (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);
        try {
            return measure(rate, measured, topicA, topicB);
        } finally {
            try {
                admin.deleteTopics(List.of(topicA, topicB)).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("bench: could not delete floor topics " + topicA + ", " + topicB + ": " + e);
            }
        }
    }

    private FloorResult measure(double rate, Duration measured, String topicA, String topicB) throws Exception {
        int warmupCount = (int) Math.floor(rate * WARMUP.toNanos() / 1e9);
        int measuredCount = Math.max(1, (int) Math.floor(rate * measured.toNanos() / 1e9));
        int total = warmupCount + measuredCount;
        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        AtomicInteger received = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(2);

        try (KafkaProducer<String, String> probe =
                        new KafkaProducer<>(KafkaSettings.producer(bootstrap, "bench-floor-probe-" + suffix));
                KafkaProducer<String, String> relayOut =
                        new KafkaProducer<>(KafkaSettings.producer(bootstrap, "bench-floor-relay-" + suffix));
                KafkaConsumer<String, String> relayIn = new KafkaConsumer<>(KafkaSettings.consumer(
                        bootstrap, "bench-floor-relay-" + suffix, "bench-floor-relay-in-" + suffix));
                KafkaConsumer<String, String> sink = new KafkaConsumer<>(KafkaSettings.consumer(
                        bootstrap, "bench-floor-sink-" + suffix, "bench-floor-sink-" + suffix))) {

            // Fetch metadata up front so the first probes do not pay for topic discovery.
            probe.partitionsFor(topicA);
            relayOut.partitionsFor(topicB);

            Thread relay = pollThread(
                    "floor-relay",
                    relayIn,
                    new TopicPartition(topicA, 0),
                    ready,
                    failure,
                    r -> relayOut.send(new ProducerRecord<>(topicB, r.key(), r.value())));
            Thread sinkThread = pollThread("floor-sink", sink, new TopicPartition(topicB, 0), ready, failure, r -> {
                long now = System.nanoTime();
                String[] parts = r.value().split(":", 3);
                int seq = Integer.parseInt(parts[0]);
                if (seq >= 0 && seq < total && latency[seq] < 0) {
                    latency[seq] = now - Long.parseLong(parts[1]);
                    received.incrementAndGet();
                }
            });
            if (!ready.await(30, TimeUnit.SECONDS) || failure.get() != null) {
                throw new IllegalStateException("floor consumers did not start: " + failure.get());
            }

            long start = System.nanoTime() + 20_000_000L;
            SendSchedule schedule = SendSchedule.constant(rate); // the same open-loop schedule as the reviews'
            for (int i = 0; i < total; i++) {
                long intended = start + schedule.offsetNanos(i);
                OpenLoopSender.waitUntil(intended);
                probe.send(new ProducerRecord<>(topicA, "probe-" + i, value(i, intended)));
            }
            probe.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received.get() < total && System.nanoTime() < deadline && failure.get() == null) {
                Thread.sleep(50);
            }
            relay.interrupt();
            relayIn.wakeup();
            sink.wakeup();
            relay.join(10_000);
            sinkThread.join(10_000);
            if (failure.get() != null) {
                throw new IllegalStateException("floor probe failed: " + failure.get(), failure.get());
            }
        }

        long[] samples =
                Arrays.stream(latency, warmupCount, total).filter(l -> l >= 0).toArray();
        return new FloorResult(LatencySummary.of(samples), measuredCount, samples.length, topicA, topicB);
    }

    /** "seq:intendedNanos:" padded with 'x' to {@link #VALUE_BYTES}. */
    static String value(int seq, long intendedNanos) {
        StringBuilder sb = new StringBuilder(VALUE_BYTES)
                .append(seq)
                .append(':')
                .append(intendedNanos)
                .append(':');
        while (sb.length() < VALUE_BYTES) {
            sb.append('x');
        }
        return sb.toString();
    }

    private interface RecordHandler {
        void accept(ConsumerRecord<String, String> record);
    }

    /** One consumer, positioned at the start of its fresh single-partition topic, polling in its own thread. */
    private static Thread pollThread(
            String name,
            KafkaConsumer<String, String> consumer,
            TopicPartition tp,
            CountDownLatch ready,
            AtomicReference<Throwable> failure,
            RecordHandler handler) {
        Thread t = new Thread(
                () -> {
                    try {
                        consumer.assign(List.of(tp));
                        consumer.seekToBeginning(List.of(tp));
                        consumer.position(tp, Duration.ofSeconds(15));
                        ready.countDown();
                        while (!Thread.currentThread().isInterrupted()) {
                            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                                handler.accept(r);
                            }
                        }
                    } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
                        // asked to stop
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        ready.countDown();
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
