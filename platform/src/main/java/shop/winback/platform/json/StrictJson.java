package shop.winback.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Collection;

/**
 * One strict contract for every JSON body a service reads: a client's mistake is a 400 naming the
 * field, never a guess. Unknown fields, a key given twice, anything after the document, a number
 * where text belongs (or the other way round), a fraction or exponent where a whole number belongs
 * (money is whole fen), an enum by its index, and text the database cannot hold (NUL, a lone
 * surrogate) are all refused. (An absent optional number or flag still reads as 0 or false: Jackson
 * cannot tell it from an explicit null, and documented optional fields rely on it.)
 *
 * <p>Events and other services' answers evolve additively: their readers ignore unknown fields
 * ({@link #lenient}), everything else stays strict.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** What a refused string says; {@code ProblemMappers} shows it as the field's violation. */
    public static final String NOT_STORABLE = "must not contain the NUL character or an unpaired surrogate";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("winback-strict")
                .addDeserializer(String.class, new StorableStrings())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyCollectionDeserializer(
                            DeserializationConfig config,
                            CollectionType type,
                            BeanDescription bean,
                            JsonDeserializer<?> deserializer) {
                        return new SizeFirst(deserializer, Integer.MAX_VALUE);
                    }
                }));
    }

    /** A reader of {@code type} that ignores fields it does not know: for events and other services' answers. */
    public static ObjectReader lenient(ObjectMapper mapper, Class<?> type) {
        return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * A list longer than its {@code @Size(max)} is refused as soon as it is read, before any of its
     * elements is validated: 10,000 blank skills cost a millisecond and one violation, not seconds
     * of validation and a megabyte of error.
     */
    static final class SizeFirst extends DelegatingDeserializer {

        private final int max;

        SizeFirst(JsonDeserializer<?> delegate, int max) {
            super(delegate);
            this.max = max;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new SizeFirst(delegate, max);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            SizeFirst contextual = (SizeFirst) super.createContextual(ctxt, property);
            Size size = property == null ? null : property.getAnnotation(Size.class);
            return size == null ? contextual : new SizeFirst(contextual._delegatee, size.max());
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Collection<?> list && list.size() > max) {
                throw MismatchedInputException.from(p, handledType(), "must have at most " + max + " elements");
            }
            return value;
        }
    }

    /** Strings PostgreSQL can store: no U+0000, no half of a surrogate pair. */
    static final class StorableStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && !storable(value)) {
                throw InvalidFormatException.from(p, NOT_STORABLE, value, String.class);
            }
            return value;
        }

        static boolean storable(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == 0) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
