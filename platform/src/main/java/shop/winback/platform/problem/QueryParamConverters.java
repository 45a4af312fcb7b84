package shop.winback.platform.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Typed query parameters (enums, UUID, Instant, LocalDate, YearMonth, ZoneId) read by {@link QueryParams}: a bad value answers 400
 * naming the parameter. JAX-RS would answer a query parameter its converter cannot read with 404;
 * only a WebApplicationException passes through, so the problem travels as its cause and
 * {@link ProblemMappers} answers it. Path and header parameters keep the default conversion.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParameter(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = rawType.asSubclass(Enum.class);
            return (ParamConverter<T>) new Converter<Object>(name, (n, raw) -> QueryParams.enumValue(n, raw, type));
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<>(name, QueryParams::uuid);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Converter<>(name, QueryParams::instant);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name, QueryParams::localDate);
        }
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) new Converter<>(name, QueryParams::yearMonth);
        }
        if (rawType == ZoneId.class) {
            return (ParamConverter<T>) new Converter<>(name, QueryParams::zone);
        }
        return null;
    }

    /** The query parameter's name, or null when the parameter is not read from the query. */
    private static String queryParameter(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof RestQuery query && !query.value().isEmpty()) {
                return query.value();
            }
        }
        return null;
    }

    private record Converter<T>(String name, BiFunction<String, String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            try {
                return parse.apply(name, value);
            } catch (InvalidRequestProblem e) {
                throw new BadRequestException(e.getMessage(), e);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value instanceof Enum<?> constant ? constant.name() : value.toString();
        }
    }
}
