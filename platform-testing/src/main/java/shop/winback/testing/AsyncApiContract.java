package shop.winback.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Checks event data against the payload schemas of a service's AsyncAPI file: the producer proves
 * what it sends matches what it documents; a consumer proves its own copy of an event reads what
 * the producer documents. Covers the JSON Schema subset our files use: $ref, type (also lists),
 * required, properties, additionalProperties:false, enum, const, minimum, maximum, maxLength, and
 * the formats uuid and date-time.
 */
public final class AsyncApiContract {

    private final JsonNode document;

    private AsyncApiContract(JsonNode document) {
        this.document = document;
    }

    public static AsyncApiContract of(InputStream yaml) throws IOException {
        return new AsyncApiContract(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    public static AsyncApiContract of(Path yaml) throws IOException {
        try (InputStream in = Files.newInputStream(yaml)) {
            return of(in);
        }
    }

    /** The classpath copy a service serves at /asyncapi.yaml. */
    public static AsyncApiContract ofClasspath() throws IOException {
        try (InputStream in = Thread.currentThread()
                .getContextClassLoader()
                .getResourceAsStream("META-INF/resources/asyncapi.yaml")) {
            if (in == null) {
                throw new IOException("META-INF/resources/asyncapi.yaml is not on the classpath");
            }
            return of(in);
        }
    }

    /** The payload schema of the message whose {@code name} is the CloudEvents type. */
    public JsonNode payloadSchemaOf(String eventType) {
        return resolve(message(eventType).path("payload"));
    }

    public JsonNode examplePayloadOf(String eventType) {
        JsonNode example = message(eventType).path("examples").path(0).path("payload");
        if (example.isMissingNode()) {
            throw new IllegalArgumentException("no example payload documented for " + eventType);
        }
        return example;
    }

    /** Every way {@code value} breaks the documented schema of {@code eventType}; empty when it conforms. */
    public List<String> violations(String eventType, JsonNode value) {
        List<String> found = new ArrayList<>();
        check(payloadSchemaOf(eventType), value, "$", found);
        return found;
    }

    private JsonNode message(String eventType) {
        Iterator<JsonNode> messages =
                document.path("components").path("messages").elements();
        while (messages.hasNext()) {
            JsonNode m = messages.next();
            if (eventType.equals(m.path("name").asText())) {
                return m;
            }
        }
        throw new IllegalArgumentException("AsyncAPI documents no message named " + eventType);
    }

    public JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        JsonNode target = document.at(ref.asText().substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("unresolved $ref " + ref.asText());
        }
        return resolve(target);
    }

    private void check(JsonNode schemaOrRef, JsonNode value, String path, List<String> found) {
        JsonNode schema = resolve(schemaOrRef);
        if (!typeMatches(schema.get("type"), value)) {
            found.add(path + ": expected " + schema.get("type") + " but was " + value.getNodeType());
            return;
        }
        if (value.isNull()) {
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            found.add(path + ": expected " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                found.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum")
                    && value.asDouble() < schema.get("minimum").asDouble()) {
                found.add(path + ": below minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum")
                    && value.asDouble() > schema.get("maximum").asDouble()) {
                found.add(path + ": above maximum " + schema.get("maximum"));
            }
        }
        if (value.isTextual()) {
            checkText(schema, value.asText(), path, found);
        }
        if (value.isObject()) {
            checkObject(schema, value, path, found);
        }
    }

    private static void checkText(JsonNode schema, String text, String path, List<String> found) {
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
            found.add(path + ": longer than " + schema.get("maxLength"));
        }
        String format = schema.path("format").asText("");
        try {
            if (format.equals("uuid")) {
                UUID.fromString(text);
            } else if (format.equals("date-time")) {
                OffsetDateTime.parse(text);
            }
        } catch (RuntimeException e) {
            found.add(path + ": not a " + format + ": " + text);
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String path, List<String> found) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                found.add(path + "." + required.asText() + ": required but missing");
            }
        }
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (properties.has(name)) {
                check(properties.get(name), value.get(name), path + "." + name, found);
            } else if (schema.path("additionalProperties").isBoolean()
                    && !schema.get("additionalProperties").asBoolean()) {
                found.add(path + "." + name + ": not documented");
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type == null) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> false;
        };
    }
}
