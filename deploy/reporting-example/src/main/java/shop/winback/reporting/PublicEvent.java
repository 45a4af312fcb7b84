package shop.winback.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A CloudEvent in Kafka binary mode, as the AsyncAPI documents describe it: the id in the {@code ce_id} header, the
 * type in {@code ce_type}, the JSON data as the record value.
 */
record PublicEvent(String id, String type, JsonNode data) {

    /** The type and id from the headers; null when either is missing (not a CloudEvent: nothing to count). */
    static PublicEvent headersOf(Headers headers) {
        String id = header(headers, "ce_id");
        String type = header(headers, "ce_type");
        return id == null || type == null ? null : new PublicEvent(id, type, null);
    }

    PublicEvent withData(byte[] value) throws IOException {
        if (value == null) {
            throw new MalformedEventException(type + " " + id + ": no value");
        }
        return new PublicEvent(id, type, JsonSerde.MAPPER.readTree(value));
    }

    /** A required text field (path separated by dots). */
    String text(String path) {
        JsonNode node = node(path);
        if (node == null || !node.isTextual()) {
            throw new MalformedEventException(type + " " + id + ": no text at " + path);
        }
        return node.asText();
    }

    /** An optional text field; null when absent or null. */
    String optionalText(String path) {
        JsonNode node = node(path);
        return node == null || node.isNull() ? null : node.asText();
    }

    Instant instant(String path) {
        String text = text(path);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            throw new MalformedEventException(type + " " + id + ": not a date-time at " + path + ": " + text);
        }
    }

    long integer(String path) {
        JsonNode node = node(path);
        if (node == null || !node.canConvertToLong()) {
            throw new MalformedEventException(type + " " + id + ": no integer at " + path);
        }
        return node.asLong();
    }

    JsonNode node(String path) {
        JsonNode node = data;
        for (String name : path.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        return node;
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** An event that does not carry what its schema says; the job logs and skips it. */
    static final class MalformedEventException extends RuntimeException {
        MalformedEventException(String message) {
            super(message);
        }
    }
}
