package shop.winback.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail: the one error body every endpoint answers with.
 * {@code violations} lists each offending field when a request was rejected as invalid.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(example = "urn:winback:problem:invalid-request")
        String type,

        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,

        @Schema(example = "rating: must be one of GOOD, NEUTRAL, BAD")
        String detail,

        @Schema(example = "/api/v1/reviews") String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field: a dotted path into the request ({@code dsr.description}) or a parameter name. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(example = "rating") String field,

            @Schema(example = "must be one of GOOD, NEUTRAL, BAD")
            String message) {}
}
