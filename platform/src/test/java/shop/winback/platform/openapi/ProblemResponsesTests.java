package shop.winback.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;
import shop.winback.platform.problem.Problem;

class ProblemResponsesTests {

    private final Operation operation = OASFactory.createOperation()
            .responses(OASFactory.createAPIResponses()
                    .addAPIResponse("200", response("Found", json("Thing")))
                    .addAPIResponse("404", response("No such thing", null))
                    .addAPIResponse("409", response("Already decided", json("Conflict")))
                    .addAPIResponse("503", response("Overloaded", null)));
    private final OpenAPI document = OASFactory.createOpenAPI()
            .paths(OASFactory.createPaths()
                    .addPathItem(
                            "/api/v1/things/{id}", OASFactory.createPathItem().GET(operation)));

    @Test
    void anErrorDocumentedWithoutABodyIsAProblem() {
        new ProblemResponses().filterOpenAPI(document);

        for (String code : new String[] {"404", "503"}) {
            Content body = operation.getResponses().getAPIResponse(code).getContent();
            assertThat(body.getMediaTypes()).containsOnlyKeys(Problem.MEDIA_TYPE);
            assertThat(body.getMediaType(Problem.MEDIA_TYPE).getSchema().getRef())
                    .isEqualTo("#/components/schemas/Problem");
        }
    }

    @Test
    void aResponseWithItsOwnBodyKeepsIt() {
        new ProblemResponses().filterOpenAPI(document);

        assertThat(operation.getResponses().getAPIResponse("200").getContent().getMediaTypes())
                .containsOnlyKeys("application/json");
        assertThat(operation
                        .getResponses()
                        .getAPIResponse("409")
                        .getContent()
                        .getMediaType("application/json")
                        .getSchema()
                        .getRef())
                .isEqualTo("#/components/schemas/Conflict");
    }

    @Test
    void theSchemaIsTheProblemRecordsFieldsWhenNoAnnotationBroughtIt() {
        new ProblemResponses().filterOpenAPI(document);

        assertThat(document.getComponents()
                        .getSchemas()
                        .get("Problem")
                        .getProperties()
                        .keySet())
                .containsExactly(Arrays.stream(Problem.class.getRecordComponents())
                        .map(c -> c.getName())
                        .toArray(String[]::new));
        assertThat(document.getComponents()
                        .getSchemas()
                        .get("Violation")
                        .getProperties()
                        .keySet())
                .containsExactly(Arrays.stream(Problem.Violation.class.getRecordComponents())
                        .map(c -> c.getName())
                        .toArray(String[]::new));
    }

    @Test
    void aDocumentWithoutErrorsGetsNoProblemSchema() {
        OpenAPI plain = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/q/ok",
                                OASFactory.createPathItem()
                                        .GET(OASFactory.createOperation()
                                                .responses(OASFactory.createAPIResponses()
                                                        .addAPIResponse("200", response("OK", null))))));

        new ProblemResponses().filterOpenAPI(plain);

        assertThat(plain.getComponents()).isNull();
    }

    private static APIResponse response(String description, Content content) {
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static Content json(String schema) {
        return OASFactory.createContent()
                .addMediaType(
                        "application/json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(schema)));
    }
}
