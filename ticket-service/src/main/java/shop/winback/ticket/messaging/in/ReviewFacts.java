package shop.winback.ticket.messaging.in;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The four fields of a {@code review.received.v1} that counting it needs, read in one streaming pass
 * without binding or validating: nine reviews in ten are good ones, which open no ticket and need
 * nothing else.
 */
public record ReviewFacts(String shopId, String rating, String sku, Instant createdAt) {

    private static final JsonFactory TOKENS = new JsonFactory();

    /** Whether every field is there (else the event is read in full, which dead-letters what is broken). */
    public boolean complete() {
        return shopId != null
                && !shopId.isBlank()
                && rating != null
                && sku != null
                && !sku.isBlank()
                && createdAt != null;
    }

    /** What the data says; fields absent or of the wrong kind are null, unreadable data gives all nulls. */
    public static ReviewFacts peek(String json) {
        String shopId = null;
        String rating = null;
        String sku = null;
        String createdAt = null;
        try (JsonParser p = TOKENS.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new ReviewFacts(null, null, null, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "shopId" -> shopId = text(p, value);
                    case "rating" -> rating = text(p, value);
                    case "createdAt" -> createdAt = text(p, value);
                    case "item" -> sku = sku(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            return new ReviewFacts(null, null, null, null);
        }
        return new ReviewFacts(shopId, rating, sku, instant(createdAt));
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static String sku(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String sku = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken inner = p.nextToken();
            if ("sku".equals(name)) {
                sku = text(p, inner);
            } else {
                p.skipChildren();
            }
        }
        return sku;
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
