package shop.winback.platform.messaging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import shop.winback.platform.json.StrictJson;

/** Reads an event's JSON data into the consumer's own record and validates it. */
@ApplicationScoped
public class EventReader {

    private static final JsonFactory TOKENS = new JsonFactory();

    private final Validator validator;
    /** Events evolve additively (DESIGN): a field a newer producer added is ignored, one reader per type. */
    private final ClassValue<ObjectReader> readers;

    public EventReader(ObjectMapper json, Validator validator) {
        this.validator = validator;
        this.readers = new ClassValue<>() {
            @Override
            protected ObjectReader computeValue(Class<?> type) {
                return StrictJson.lenient(json, type);
            }
        };
    }

    public <T> T read(IncomingEvent event, Class<T> type) {
        T value;
        try {
            value = readers.get(type).readValue(event.data());
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException(
                    event.type() + " " + event.id() + " is not readable: " + e.getOriginalMessage(), e);
        }
        if (value == null) {
            throw new UnprocessableEventException(event.type() + " " + event.id() + " has empty data");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new UnprocessableEventException(event.type() + " " + event.id() + " is invalid: "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted(Comparator.naturalOrder())
                            .collect(Collectors.joining("; ")));
        }
        return value;
    }

    /**
     * A top-level string field of the event's data, read with a streaming parser that stops there:
     * lets a consumer skip the events it has no use for (most reviews are good ones) without binding
     * and validating them. Null when the field is absent, not a string, or the data is unreadable
     * (the consumer then reads the event in full, which dead-letters what is broken).
     */
    public String peekText(IncomingEvent event, String field) {
        try (JsonParser p = TOKENS.createParser(event.data())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(name)) {
                    return value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
