package shop.winback.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * W3C trace context across the outbox: an event carries the traceparent of the transaction that
 * wrote it (Kafka header {@value #HEADER}), and the consumer processes it in a child span, whose
 * traceparent the events it causes carry in turn — so one review can be followed through every
 * service, in exported traces and in the traceId of the log lines.
 */
public final class Traces {

    public static final String HEADER = "traceparent";

    private Traces() {}

    /** The current span's traceparent, or null outside any span. */
    public static String currentTraceParent() {
        return traceParent(Span.current().getSpanContext());
    }

    public static String traceParent(SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex();
    }

    /** The span context a traceparent names, or an invalid one when it is missing or malformed. */
    public static SpanContext parse(String traceParent) {
        if (traceParent == null
                || traceParent.length() != 55
                || !traceParent.startsWith("00-")
                || traceParent.charAt(35) != '-'
                || traceParent.charAt(52) != '-') {
            return SpanContext.getInvalid();
        }
        try {
            return SpanContext.createFromRemoteParent(
                    traceParent.substring(3, 35),
                    traceParent.substring(36, 52),
                    TraceFlags.fromHex(traceParent, 53),
                    TraceState.getDefault());
        } catch (RuntimeException malformed) {
            return SpanContext.getInvalid();
        }
    }

    /** A consumer span for processing one event, child of the span that wrote it when there was one. */
    public static Span startProcessing(
            Tracer tracer, String topic, String eventType, String eventId, String traceParent) {
        SpanContext parent = parse(traceParent);
        Context parentContext = parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.root();
        return tracer.spanBuilder(topic + " process")
                .setParent(parentContext)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
    }

    public static void end(Span span, RuntimeException failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.toString());
        }
        span.end();
    }
}
