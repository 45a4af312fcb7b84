package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The record filtering and counting of the watcher, fed hand-made records (no broker). */
class TicketWatcherTests {

    private static final String SHOP = "bench-c0ffee";
    private final ReviewIds ids = new ReviewIds(SHOP);
    private final TicketWatcher watcher = new TicketWatcher("unused:9092", TicketWatcher.DEFAULT_TOPIC, ids);
    private long offset;

    private ConsumerRecord<String, String> event(
            String ceId, String type, String shop, String platformReviewId, String orderId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/ticket-service".getBytes(StandardCharsets.UTF_8));
        String value =
                "{\"ticketId\":\"t-1\",\"shopId\":\"" + shop + "\",\"orderId\":\"" + orderId + "\",\"reviewId\":\"r-1\""
                        + (platformReviewId == null ? "" : ",\"platformReviewId\":\"" + platformReviewId + "\"")
                        + ",\"agentId\":\"a-1\",\"assignedAt\":\"2026-11-23T09:30:01+08:00\"}";
        return new ConsumerRecord<>(
                TicketWatcher.DEFAULT_TOPIC,
                0,
                offset++,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                orderId,
                value,
                headers,
                Optional.empty());
    }

    private ConsumerRecord<String, String> assigned(String ceId, ReviewIds.Phase phase, int index) {
        return event(ceId, TicketWatcher.ASSIGNED, SHOP, ids.platformReviewId(phase, index), ids.orderId(phase, index));
    }

    @Test
    void recordsFirstArrivalPerReview() {
        String key = ids.platformReviewId(ReviewIds.Phase.MEASURED, 9);
        watcher.handle(event("e-0", TicketWatcher.OPENED, SHOP, key, ids.orderId(ReviewIds.Phase.MEASURED, 9)), 50);
        assertNull(watcher.assignment(key), "opened is not assigned");
        watcher.handle(assigned("e-1", ReviewIds.Phase.MEASURED, 9), 100);
        assertEquals(new TicketWatcher.Assignment(100, 1, 0), watcher.assignment(key));
        assertEquals(1, watcher.measuredAssigned());
        assertEquals(1, watcher.opened());
    }

    @Test
    void countsRedeliveriesAndSecondAssignmentsSeparately() {
        watcher.handle(assigned("e-1", ReviewIds.Phase.MEASURED, 19), 100);
        watcher.handle(assigned("e-1", ReviewIds.Phase.MEASURED, 19), 200); // same event again
        watcher.handle(assigned("e-2", ReviewIds.Phase.MEASURED, 19), 300); // a second assignment
        TicketWatcher.Assignment a = watcher.assignment(ids.platformReviewId(ReviewIds.Phase.MEASURED, 19));
        assertEquals(
                new TicketWatcher.Assignment(100, 3, 1), a, "first time kept, 2 extra records, 1 of them a redelivery");
        assertEquals(1, watcher.measuredAssigned());
    }

    @Test
    void warmupTicketsAreKeptApartFromMeasuredOnes() {
        watcher.handle(assigned("e-1", ReviewIds.Phase.WARMUP, 29), 100);
        watcher.handle(assigned("e-2", ReviewIds.Phase.MEASURED, 29), 200);
        assertEquals(1, watcher.measuredAssigned());
        assertEquals(
                1,
                watcher.assignment(ids.platformReviewId(ReviewIds.Phase.MEASURED, 29))
                        .records());
        assertEquals(
                1,
                watcher.assignment(ids.platformReviewId(ReviewIds.Phase.WARMUP, 29))
                        .records());
    }

    @Test
    void ignoresOtherShopsEvenWhenTheirTextMentionsOurs() {
        watcher.handle(
                event("e-1", TicketWatcher.ASSIGNED, "shop-other", SHOP + "-M-R-0000009", SHOP + "-M-O-0000009"), 100);
        watcher.handle(new ConsumerRecord<>(TicketWatcher.DEFAULT_TOPIC, 0, 99, "k", "not json " + SHOP), 100);
        assertEquals(0, watcher.measuredAssigned());
        assertEquals(0, watcher.assignments().size());
    }

    @Test
    void fallsBackToTheOrderIdWithoutPlatformReviewId() {
        watcher.handle(
                event("e-1", TicketWatcher.ASSIGNED, SHOP, null, ids.orderId(ReviewIds.Phase.MEASURED, 39)), 100);
        assertEquals(
                1,
                watcher.assignment(ids.platformReviewId(ReviewIds.Phase.MEASURED, 39))
                        .records());
    }

    @Test
    void countsOurShopsAssignmentsWithIdsWeDidNotMake() {
        watcher.handle(event("e-1", TicketWatcher.ASSIGNED, SHOP, "R-000001", "O-000001"), 100);
        assertEquals(1, watcher.foreignAssigned());
        assertEquals(0, watcher.measuredAssigned());
    }
}
