package shop.winback.loadgen;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;

/**
 * Reads a topic from its current end on a thread of its own and hands every record, with the time it arrived, to a
 * handler. Every partition is assigned and positioned before {@link #start} returns (see {@link TicketWatcher} for
 * why not subscribe), so nothing written after that is missed.
 */
final class TopicTail implements AutoCloseable {

    interface Handler {
        void handle(ConsumerRecord<String, String> record, long receivedNanos);
    }

    private final String bootstrap;
    private final String topic;
    private final String group;
    private final Handler handler;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    TopicTail(String bootstrap, String topic, String group, Handler handler) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.group = group;
        this.handler = handler;
    }

    void start(Duration patience) throws SetupException, InterruptedException {
        thread = new Thread(this::poll, "tail-" + topic);
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

    private void poll() {
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(KafkaSettings.consumer(bootstrap, group, group + "-tail"))) {
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
                c.position(tp, Duration.ofSeconds(15));
            }
            ready.countDown();
            while (running) {
                var records = c.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> r : records) {
                    handler.handle(r, now);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            if (ready.getCount() > 0) {
                ready.countDown();
            } else {
                System.err.println("bench: consumer of " + topic + " stopped: " + t);
            }
        } finally {
            consumer = null;
        }
    }

    Throwable failure() {
        return failure.get();
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

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
