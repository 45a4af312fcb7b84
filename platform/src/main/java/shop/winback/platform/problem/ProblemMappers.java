package shop.winback.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import shop.winback.platform.admission.GroupCommit;

/**
 * Turns every failure into application/problem+json. A client's mistake is always a 4xx that
 * names the field; only our own faults are 5xx, and those never leak internals.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        List<Problem.Violation> violations = e instanceof InvalidRequestProblem ip ? ip.violations() : List.of();
        Problem problem = new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), violations);
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (e instanceof OverloadedProblem) {
            response.header("Retry-After", OverloadedProblem.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** Refused before any work was done: the queue in front of the database is full (see GroupCommit). */
    @ServerExceptionMapper
    public Response overloaded(GroupCommit.OverloadedException e, UriInfo uri) {
        return problem(
                new OverloadedProblem(
                        "Too much is waiting to be stored; nothing of this request was stored, send it again later"),
                uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return invalid(violations, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return invalid(List.of(violationOf(e)), uri);
    }

    // Quarkus ships its own (non-problem) mappers for these two; ours must be at least as specific.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(StreamReadException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (e.getCause() instanceof ProblemException problem) {
            // a typed query parameter that could not be read (QueryParamConverters)
            return problem(problem, uri);
        }
        String unreadable = unreadableQueryParameter(e, uri);
        if (unreadable != null) {
            return invalid(List.of(new Problem.Violation(unreadable, "could not be read as the documented type")), uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = status >= 500 ? null : e.getMessage();
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, path(uri), List.of()));
        // keep Allow on 405 and the like, so the answer stays a correct HTTP answer
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /**
     * JAX-RS answers a query parameter it cannot convert (page=abc) with 404, which tells the client
     * the resource is missing. The conversion's failure names the value; the query names the parameter.
     */
    static String unreadableQueryParameter(WebApplicationException e, UriInfo uri) {
        if (!(e instanceof NotFoundException)
                || e.getCause() == null
                || e.getCause() instanceof WebApplicationException) {
            return null;
        }
        String failure = String.valueOf(e.getCause().getMessage());
        for (var parameter : uri.getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (!value.isEmpty() && (failure.contains('"' + value + '"') || failure.endsWith(value))) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (noConnectionInTime(e)) {
            // overload, not a fault: the transaction never started, so nothing was changed
            return problem(
                    new OverloadedProblem(
                            "No database connection was free in time; nothing was changed, send it again later"),
                    uri);
        }
        if (nulInText(e)) {
            // PostgreSQL text cannot hold U+0000: a value with one is the client's mistake, and nothing was stored
            return invalid(
                    List.of(new Problem.Violation("request", "text must not contain the NUL character (U+0000)")), uri);
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure handling %s (incident %s)", path(uri), incident);
        return respond(new Problem(
                "about:blank",
                "Internal Server Error",
                500,
                "The request failed on our side; quote incident " + incident,
                path(uri),
                List.of()));
    }

    /** Did the connection pool give up waiting for a free connection (Agroal's acquisition timeout)? */
    static boolean noConnectionInTime(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException && String.valueOf(t.getMessage()).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** Did the database refuse a text value because it holds a NUL character (SQLSTATE 22021, character_not_in_repertoire)? */
    static boolean nulInText(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null && depth < 40; s = s.getNextException(), depth++) {
                    if ("22021".equals(s.getSQLState())
                            && String.valueOf(s.getMessage()).contains("0x00")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static Response invalid(List<Problem.Violation> violations, UriInfo uri) {
        return respond(new Problem(
                InvalidRequestProblem.TYPE,
                "Invalid request",
                400,
                InvalidRequestProblem.summary(violations),
                path(uri),
                InvalidRequestProblem.bounded(violations)));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    public static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** {@code create.body.dsr.description} becomes {@code dsr.description}; a bare parameter keeps its name. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : "request";
    }

    public static Problem.Violation violationOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem.Violation(
                    pathOf(unknown),
                    "is not a field here; the fields are "
                            + unknown.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
        }
        if (e instanceof MismatchedInputException ours
                && ours.getOriginalMessage() != null
                && ours.getOriginalMessage().startsWith("must ")) {
            // a rule of StrictJson's (storable text, list sizes): its message is the violation
            return new Problem.Violation(pathOf(ours), ours.getOriginalMessage());
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            // the parser's (StreamReadException), or wrapped with the path so far (JsonMappingException)
            return new Problem.Violation(duplicatePath(e), "appears twice; give each field once");
        }
        if (e instanceof JsonMappingException mapping) {
            Class<?> expected = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return new Problem.Violation(
                    pathOf(mapping), expected != null ? expectation(expected) : "could not be read");
        }
        if (e instanceof StreamReadException read && read.getLocation() != null) {
            return new Problem.Violation(
                    "body",
                    "malformed JSON at line " + read.getLocation().getLineNr() + ", column "
                            + read.getLocation().getColumnNr());
        }
        return new Problem.Violation("body", "malformed JSON");
    }

    /** The key given twice with the path of its object, e.g. buyer.id. */
    private static String duplicatePath(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int open = message.indexOf('\'');
        int close = message.indexOf('\'', open + 1);
        String name = open >= 0 && close > open ? message.substring(open + 1, close) : "body";
        String at = e.getProcessor() instanceof JsonParser parser
                ? parser.getParsingContext().pathAsPointer().toString()
                : "";
        String path = at.endsWith("/" + name) ? at : at + "/" + name;
        return path.substring(1).replace('/', '.');
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String expectation(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date-time with offset, e.g. 2026-11-23T09:30:00+08:00";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "must be an object of the documented shape";
    }
}
