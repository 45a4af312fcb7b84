package shop.winback.ticket.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.winback.ticket.config.CompensationsConfig;

/**
 * Reads tickets.v1 (and compensations.v1, for approvals) for the live streams: every instance all of it (consumer
 * groups {@code ticket-service-live-<uuid>}, unique to the instance, from the latest offsets, never committed), into
 * {@link LiveFeed}. In memory only, so it adds nothing to the path from review to ticket.
 */
@ApplicationScoped
@Identifier("live-tickets")
public class LiveTicketsConsumer implements KafkaConsumerRebalanceListener {

    private final LiveFeed feed;
    private final ObjectMapper json;
    private final String compensationsTopic;

    public LiveTicketsConsumer(LiveFeed feed, ObjectMapper json, CompensationsConfig compensations) {
        this.feed = feed;
        this.json = json;
        this.compensationsTopic = compensations.topic();
    }

    @Incoming("live-tickets")
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = new ArrayList<>();
        batch.getRecords().forEach(records::add);
        List<List<LiveEvent>> events = new ArrayList<>(records.size());
        for (KafkaRecord<String, String> r : records) {
            events.add(read(r, TicketChanges::of));
        }
        dropQueuedThenAssigned(events);
        for (int i = 0; i < records.size(); i++) {
            feed.received(
                    key(records.get(i).getTopic(), records.get(i).getPartition()),
                    offset(records.get(i)),
                    events.get(i));
        }
        return batch.ack();
    }

    @Incoming("live-compensations")
    public CompletionStage<Void> consumeCompensations(KafkaRecordBatch<String, String> batch) {
        for (KafkaRecord<String, String> r : batch.getRecords()) {
            feed.received(key(r.getTopic(), r.getPartition()), offset(r), read(r, CompensationChanges::of));
        }
        return batch.ack();
    }

    private String key(String topic, int partition) {
        return Cursor.key(compensationsTopic.equals(topic), partition);
    }

    private List<LiveEvent> read(KafkaRecord<String, String> r, BiFunction<String, JsonNode, List<LiveEvent>> meaning) {
        try {
            Header type = r.getHeaders().lastHeader("ce_type");
            if (type == null || r.getPayload() == null) {
                return List.of();
            }
            JsonNode payload = json.readTree(r.getPayload());
            return meaning.apply(new String(type.value(), StandardCharsets.UTF_8), payload);
        } catch (Exception e) { // a record the streams cannot read is left out of them; the topic's consumers judge it
            Log.debugf("live streams: skipped %s-%d@%d: %s", r.getTopic(), r.getPartition(), offset(r), e);
            return List.of();
        }
    }

    private static long offset(KafkaRecord<String, String> r) {
        return r.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset)
                .orElseThrow();
    }

    /**
     * A ticket routed in the transaction that opened it is published opened, then assigned, and both usually come
     * in one poll: supervision is not told it queued for a moment.
     */
    static void dropQueuedThenAssigned(List<List<LiveEvent>> events) {
        Set<UUID> assignedLater = new HashSet<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            List<LiveEvent> ofRecord = events.get(i);
            if (ofRecord.stream().anyMatch(e -> TicketChanges.QUEUED.equals(e.name()))) {
                ofRecord = ofRecord.stream()
                        .filter(e -> !(TicketChanges.QUEUED.equals(e.name())
                                && assignedLater.contains(e.data().ticketId())))
                        .toList();
                events.set(i, ofRecord);
            }
            ofRecord.stream()
                    .filter(TicketChanges::assignsTicket)
                    .forEach(e -> assignedLater.add(e.data().ticketId()));
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition p : partitions) {
            feed.assigned(key(p.topic(), p.partition()), consumer.position(p));
        }
    }
}
