package shop.winback.testing;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * A consumer's own copy of an event (a record) against the producer's documented schema: every
 * field the copy reads must be documented, with compatible nesting, and every field the copy
 * insists on (@NotNull/@NotBlank, or a primitive) must be one the producer always sends.
 */
public final class ConsumerContract {

    private ConsumerContract() {}

    public static List<String> mismatches(AsyncApiContract producer, String eventType, Class<?> consumerCopy) {
        List<String> found = new ArrayList<>();
        compare(producer, producer.payloadSchemaOf(eventType), consumerCopy, "$", found);
        return found;
    }

    private static void compare(
            AsyncApiContract producer, JsonNode schema, Class<?> copy, String path, List<String> found) {
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (RecordComponent field : copy.getRecordComponents()) {
            String name = field.getName();
            if (!properties.has(name)) {
                found.add(path + "." + name + ": read by the consumer but not documented by the producer");
                continue;
            }
            boolean insisted = field.getType().isPrimitive()
                    || field.isAnnotationPresent(NotNull.class)
                    || field.isAnnotationPresent(NotBlank.class);
            if (insisted && !required.contains(name)) {
                found.add(path + "." + name + ": the consumer requires it but the producer may omit it");
            }
            if (field.getType().isRecord()) {
                compare(producer, producer.resolve(properties.get(name)), field.getType(), path + "." + name, found);
            }
        }
    }
}
