package shop.winback.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import shop.winback.platform.problem.Problem;

/**
 * Every error response of every service is an RFC 9457 problem ({@link Problem}), so the OpenAPI documents say so
 * once, here: an operation's 4xx or 5xx response documented without a body (an {@code @APIResponse} with a code
 * and a description, or the 401/403 Quarkus adds to secured operations) gets the {@code application/problem+json}
 * body with the {@code Problem} schema. A response that documents its own body keeps it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                used |= describeErrors(operation);
            }
        }
        if (used) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            addSchemas(openAPI.getComponents());
        }
    }

    /** @return whether the operation now refers to the Problem schema */
    private static boolean describeErrors(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return false;
        }
        boolean used = false;
        for (Map.Entry<String, APIResponse> response :
                operation.getResponses().getAPIResponses().entrySet()) {
            if (isError(response.getKey()) && hasNoBody(response.getValue())) {
                response.getValue().setContent(problemBody());
                used = true;
            }
        }
        return used;
    }

    static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static boolean hasNoBody(APIResponse response) {
        return response.getRef() == null
                && (response.getContent() == null
                        || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty());
    }

    private static Content problemBody() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    /** The schemas as the annotations of {@link Problem} describe them, for a document no annotation refers to them in. */
    private static void addSchemas(Components components) {
        Map<String, Schema> schemas = components.getSchemas();
        if (schemas == null || !schemas.containsKey(PROBLEM)) {
            components.addSchema(
                    PROBLEM,
                    object("RFC 9457 problem details (application/problem+json)")
                            .addProperty("type", string("urn:winback:problem:invalid-request"))
                            .addProperty("title", string("Invalid request"))
                            .addProperty(
                                    "status",
                                    OASFactory.createSchema()
                                            .addType(SchemaType.INTEGER)
                                            .format("int32")
                                            .examples(List.of(400)))
                            .addProperty("detail", string("rating: must be one of GOOD, NEUTRAL, BAD"))
                            .addProperty("instance", string("/api/v1/reviews"))
                            .addProperty(
                                    "violations",
                                    OASFactory.createSchema()
                                            .addType(SchemaType.ARRAY)
                                            .items(OASFactory.createSchema().ref(VIOLATION))));
        }
        if (schemas == null || !schemas.containsKey(VIOLATION)) {
            components.addSchema(
                    VIOLATION,
                    object(null)
                            .addProperty("field", string("rating"))
                            .addProperty("message", string("must be one of GOOD, NEUTRAL, BAD")));
        }
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description(description);
    }

    private static Schema string(String example) {
        return OASFactory.createSchema().addType(SchemaType.STRING).examples(List.of(example));
    }
}
