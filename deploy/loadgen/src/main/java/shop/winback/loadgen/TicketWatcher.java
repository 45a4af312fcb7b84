package shop.winback.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;

/**
 * Watches tickets.v1 for the bench shop's ticket.assigned.v1 events and notes when each was first received.
 *
 * <p>Why assign + seek-to-end instead of subscribe with auto.offset.reset=latest: a fresh group's "latest" is
 * resolved only after the group join, which can happen after the first tickets were already written; those would
 * then be missed and reported as lost. Here every partition's end offset is resolved before anything is sent.
 */
public final class TicketWatcher implements AutoCloseable {

    public static final String DEFAULT_TOPIC = "tickets.v1";
    static final String OPENED = "ticket.opened.v1";
    static final String ASSIGNED = "ticket.assigned.v1";

    /**
     * What was seen for one review: first receive time (System.nanoTime), number of assigned records, and how many
     * of those repeated a ce_id already seen (redeliveries of the same event rather than second assignments).
     */
    public record Assignment(long firstSeenNanos, int records, int repeatedCeIds) {
        Assignment plus(Assignment later) {
            return new Assignment(firstSeenNanos, records + later.records, repeatedCeIds + later.repeatedCeIds);
        }
    }

    private final String bootstrap;
    private final String topic;
    private final ReviewIds ids;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Assignment> assigned = new ConcurrentHashMap<>();
    private final Set<String> ceIds = new HashSet<>(); // poll thread only
    private final AtomicLong measuredAssigned = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong foreignAssigned = new AtomicLong();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public TicketWatcher(String bootstrap, String topic, ReviewIds ids) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.ids = ids;
    }

    /** Starts polling; returns once every partition's end offset is fixed, i.e. once it is safe to send. */
    public void start(Duration patience) throws SetupException, InterruptedException {
        thread = new Thread(this::pollLoop, "ticket-watcher");
        thread.setDaemon(true);
        thread.start();
        if (!ready.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new SetupException("could not position a consumer on " + topic + " at " + bootstrap + " within "
                    + patience.toSeconds() + " s");
        }
        Throwable t = failure.get();
        if (t != null) {
            throw new SetupException("consumer on " + topic + " at " + bootstrap + " failed: " + t, t);
        }
    }

    private void pollLoop() {
        String group = ids.prefix(); // "bench-<random>" (and a tag for a second run): a fresh group per run
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(KafkaSettings.consumer(bootstrap, group, group + "-watcher"))) {
            consumer = c;
            List<PartitionInfo> partitions = c.partitionsFor(topic, Duration.ofSeconds(15));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
            }
            List<TopicPartition> tps = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            c.assign(tps);
            c.seekToEnd(tps);
            for (TopicPartition tp : tps) {
                c.position(tp, Duration.ofSeconds(15)); // forces the end offset lookup now, not at the first poll
            }
            ready.countDown();
            while (running) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> r : records) {
                    handle(r, now);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            if (ready.getCount() > 0) {
                ready.countDown();
            } else {
                System.err.println("bench: ticket watcher stopped: " + t);
            }
        } finally {
            consumer = null;
        }
    }

    // package-private for tests; only the poll thread calls it in a run
    void handle(ConsumerRecord<String, String> r, long receivedNanos) {
        String value = r.value();
        if (value == null || !value.contains(ids.shopId())) {
            return; // cheap filter: other shops' tickets are not ours to count
        }
        JsonNode body;
        try {
            body = json.readTree(value);
        } catch (IOException e) {
            return;
        }
        if (body == null || !ids.shopId().equals(body.path("shopId").asText(null))) {
            return;
        }
        String type = header(r, "ce_type");
        if (OPENED.equals(type)) {
            opened.incrementAndGet();
            return;
        }
        if (!ASSIGNED.equals(type)) {
            return;
        }
        String key = body.path("platformReviewId").asText(null);
        Optional<ReviewIds.Ref> ref = ids.parse(key);
        if (ref.isEmpty()) { // fall back to the order id (also the record key)
            String orderId = body.path("orderId").asText(r.key());
            ref = ids.parse(orderId);
            key = ref.map(x -> ids.platformReviewId(x.phase(), x.index())).orElse(null);
        }
        if (ref.isEmpty()) {
            foreignAssigned.incrementAndGet();
            return;
        }
        String ceId = header(r, "ce_id");
        boolean repeatedCeId = ceId != null && !ceIds.add(ceId);
        Assignment before = assigned.putIfAbsent(key, new Assignment(receivedNanos, 1, 0));
        if (before == null) {
            if (ref.get().phase() == ReviewIds.Phase.MEASURED) {
                measuredAssigned.incrementAndGet();
            }
        } else {
            assigned.merge(key, new Assignment(receivedNanos, 1, repeatedCeId ? 1 : 0), Assignment::plus);
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** First-seen record for a review, or null if no ticket.assigned.v1 for it has arrived yet. */
    public Assignment assignment(String platformReviewId) {
        return assigned.get(platformReviewId);
    }

    /** Distinct measured reviews assigned so far (for progress lines). */
    public long measuredAssigned() {
        return measuredAssigned.get();
    }

    /** ticket.opened.v1 records seen for the bench shop (warm-up and measured). */
    public long opened() {
        return opened.get();
    }

    /** ticket.assigned.v1 records for the bench shop whose ids the bench did not make. */
    public long foreignAssigned() {
        return foreignAssigned.get();
    }

    /** Every review id with an assignment; call after {@link #close()} for a complete, stable view. */
    public Map<String, Assignment> assignments() {
        return Map.copyOf(assigned);
    }

    public Throwable failure() {
        return failure.get();
    }

    /** Stops polling and waits for the consumer to close; safe to call more than once. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            try {
                c.wakeup();
            } catch (RuntimeException ignored) {
                // already closing
            }
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
