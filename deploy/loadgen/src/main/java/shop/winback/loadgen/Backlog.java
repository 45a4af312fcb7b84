package shop.winback.loadgen;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reviews that ticket-service has not consumed yet. A stack that ran before (an earlier bench, a
 * killed run) may still be working off old reviews; measuring on top of that backlog would charge
 * its delay to this run. The bench waits for it to reach zero first.
 */
final class Backlog {

    static final String GROUP = "ticket-service";
    static final String TOPIC = "reviews.v1";

    private Backlog() {}

    /** Records of {@link #TOPIC} not yet committed by {@link #GROUP}; 0 when the group has never consumed. */
    static long of(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> ofTopic = committed.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (ofTopic.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        ofTopic.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : ofTopic.entrySet()) {
            lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
        }
        return lag;
    }

    /** Waits until the backlog is gone; returns how many records were waiting at first. */
    static long awaitDrained(Admin admin, Duration patience, java.util.function.LongConsumer progress)
            throws SetupException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long first = -1;
        while (true) {
            long lag;
            try {
                lag = of(admin);
            } catch (ExecutionException | TimeoutException e) {
                throw new SetupException("cannot read the consumer lag of " + GROUP + ": " + e, e);
            }
            if (first < 0) {
                first = lag;
            }
            if (lag == 0) {
                return first;
            }
            if (System.nanoTime() > deadline) {
                throw new SetupException(GROUP + " still has " + lag + " unconsumed reviews after "
                        + patience.toSeconds() + " s; an earlier load is still being worked off");
            }
            progress.accept(lag);
            Thread.sleep(2000);
        }
    }
}
