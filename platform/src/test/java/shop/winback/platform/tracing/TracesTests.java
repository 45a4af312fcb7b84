package shop.winback.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;

/** The traceparent an event carries, and the consumer's span that continues it. */
class TracesTests {

    static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aTraceParentRoundTrips() {
        SpanContext context = Traces.parse(PARENT);
        assertThat(context.isValid()).isTrue();
        assertThat(context.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Traces.traceParent(context)).isEqualTo(PARENT);
    }

    @Test
    void missingOrMalformedTraceParentsAreNoContext() {
        assertThat(Traces.parse(null).isValid()).isFalse();
        assertThat(Traces.parse("garbage").isValid()).isFalse();
        assertThat(Traces.parse("00-zzzz2f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                        .isValid())
                .isFalse();
        assertThat(Traces.traceParent(SpanContext.getInvalid())).isNull();
    }

    @Test
    void theProcessingSpanContinuesTheWritersTraceEvenWhenNotSampled() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(0)))
                .build()) {
            Span span = Traces.startProcessing(
                    provider.get("tests"),
                    "reviews.v1",
                    "review.received.v1",
                    "e-1",
                    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
            String child = Traces.traceParent(span.getSpanContext());
            span.end();
            assertThat(child).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").doesNotContain("00f067aa0ba902b7");
        }
    }

    @Test
    void withoutAParentTheProcessingSpanStartsATrace() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder().build()) {
            Span span = Traces.startProcessing(provider.get("tests"), "reviews.v1", "review.received.v1", "e-1", null);
            assertThat(span.getSpanContext().isValid()).isTrue();
            span.end();
        }
    }
}
