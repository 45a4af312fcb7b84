package shop.winback.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Public events as the services write them (CloudEvents in Kafka binary mode, the fields of the AsyncAPI documents'
 * examples), keyed by order id.
 */
final class PublicEvents {

    static final String SHOP = "demo-shop";
    static final Topics TOPICS = Topics.defaults();

    private PublicEvents() {}

    /** An event ready to pipe: its topic, and the record (ce_id fixed, so it can be sent twice). */
    record Event(String topic, TestRecord<String, byte[]> record) {}

    static Event reviewReceived(
            String orderId, String reviewId, String rating, String sku, Instant createdAt, String... reasons) {
        return reviewReceived(SHOP, orderId, reviewId, rating, sku, createdAt, reasons);
    }

    static Event reviewReceived(
            String shop,
            String orderId,
            String reviewId,
            String rating,
            String sku,
            Instant createdAt,
            String... reasons) {
        ObjectNode d = data(shop, orderId);
        d.put("reviewId", reviewId).put("platformReviewId", "TB-R-" + reviewId).put("orderLineId", orderId + "-1");
        d.putObject("item").put("sku", sku).put("title", "纯棉T恤").put("category", "服装");
        d.putObject("buyer")
                .put("id", "tb-buyer-" + orderId)
                .put("province", "辽宁")
                .put("city", "沈阳")
                .put("vip", false);
        d.put("orderAmountFen", 12900).put("distinctItems", 1).put("rating", rating);
        d.putObject("dsr").put("description", 3).put("service", 3).put("shipping", 3);
        d.put("text", "衣服有破洞")
                .put("createdAt", createdAt.toString())
                .put("receivedAt", createdAt.plusSeconds(2).toString());
        ArrayNode complaints = d.putArray("complaintReasons");
        for (String reason : reasons) {
            complaints.addObject().put("reason", reason).put("evidence", "破洞");
        }
        d.putNull("buyerSuspicion");
        return event(TOPICS.reviews(), "review.received.v1", orderId, d);
    }

    static Event ticketOpened(
            String orderId, String ticketId, String reviewId, String rating, String sku, Instant openedAt) {
        ObjectNode d = data(SHOP, orderId);
        d.put("ticketId", ticketId).put("reviewId", reviewId).put("platformReviewId", "TB-R-" + reviewId);
        d.putObject("buyer")
                .put("id", "tb-buyer-" + orderId)
                .put("province", "辽宁")
                .put("vip", false);
        d.putObject("item").put("sku", sku).put("title", "纯棉T恤");
        d.put("rating", rating)
                .put("orderAmountFen", 12900)
                .put("distinctItems", 1)
                .put("priority", 1)
                .put("status", "WAITING")
                .put("reviewCreatedAt", openedAt.minusSeconds(2).toString())
                .put("openedAt", openedAt.toString())
                .put("requiredTier", "REVIEW_RECOVERY");
        return event(TOPICS.tickets(), "ticket.opened.v1", orderId, d);
    }

    static Event ticketResolved(
            String orderId, String ticketId, String agentId, String outcome, String rating, Instant resolvedAt) {
        ObjectNode d = data(SHOP, orderId);
        d.put("ticketId", ticketId)
                .put("agentId", agentId)
                .put("outcome", outcome)
                .putNull("reason")
                .put("rating", rating)
                .put("creditFen", 0)
                .put("openedAt", resolvedAt.minusSeconds(3600).toString())
                .put("resolvedAt", resolvedAt.toString())
                .put("secondsToResolution", 3600);
        return event(TOPICS.tickets(), "ticket.resolved.v1", orderId, d);
    }

    static Event compensationApproved(
            String orderId, String ticketId, String agentId, String type, long amountFen, Instant occurredAt) {
        ObjectNode d = data(SHOP, orderId);
        d.put("compensationId", UUID.randomUUID().toString())
                .put("ticketId", ticketId)
                .put("agentId", agentId)
                .put("agentTier", "REVIEW_RECOVERY")
                .put("type", type)
                .put("amountFen", amountFen)
                .put("currency", "CNY")
                .put("status", "APPROVED")
                .put("reason", "QUALITY_DAMAGE")
                .putNull("decidedBy")
                .putNull("comment")
                .put("occurredAt", occurredAt.toString());
        return event(TOPICS.compensations(), "compensation.approved.v1", orderId, d);
    }

    /** The same event (same ce_id) delivered again {@code later}: a producer's retry, an outbox redelivery. */
    static Event redelivered(Event e, java.time.Duration later) {
        TestRecord<String, byte[]> r = e.record();
        return new Event(
                e.topic(),
                new TestRecord<>(
                        r.key(), r.value(), r.headers(), r.getRecordTime().plus(later)));
    }

    /** The event as written at {@code at} (its record timestamp: the job's stream time). */
    static Event writtenAt(Event e, Instant at) {
        TestRecord<String, byte[]> r = e.record();
        return new Event(e.topic(), new TestRecord<>(r.key(), r.value(), r.headers(), at));
    }

    /** Any other type on a topic, with a payload that would count if its type were read. */
    static Event ofType(String topic, String type, String orderId, Instant at) {
        Event looksLikeAReview = reviewReceived(orderId, UUID.randomUUID().toString(), "BAD", "SKU-X", at, "PRICE");
        return event(topic, type, orderId, looksLikeAReview.record().value());
    }

    static Event event(String topic, String type, String key, ObjectNode data) {
        return event(topic, type, key, data.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Event event(String topic, String type, String key, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/winback/test"));
        headers.add("content-type", bytes("application/json"));
        return new Event(topic, new TestRecord<>(key, value, headers, Instant.now()));
    }

    private static ObjectNode data(String shop, String orderId) {
        return JsonSerde.MAPPER.createObjectNode().put("shopId", shop).put("orderId", orderId);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
