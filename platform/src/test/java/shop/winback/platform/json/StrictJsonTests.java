package shop.winback.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.problem.ProblemMappers;

class StrictJsonTests {

    enum Rating {
        GOOD,
        NEUTRAL,
        BAD
    }

    record Buyer(String id, String province) {}

    record Body(
            String sku,
            long amountFen,
            Rating rating,
            boolean vip,
            Buyer buyer,
            @Size(max = 3) List<@NotBlank String> skills) {}

    static final String VALID = """
            {"sku": "SKU-1", "amountFen": 1000, "rating": "BAD", "vip": true, "buyer": {"id": "b1", "province": "辽宁"}, "skills": ["apparel"]}""";

    final ObjectMapper json = strict();

    static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void theDocumentedShapeIsRead() throws Exception {
        Body body = json.readValue(VALID, Body.class);
        assertThat(body.amountFen()).isEqualTo(1000);
        assertThat(body.buyer().province()).isEqualTo("辽宁");
        assertThat(json.readValue(VALID.replace("SKU-1", "衣服 \uD83D\uDC55 L"), Body.class)
                        .sku())
                .isEqualTo("衣服 \uD83D\uDC55 L");
    }

    @ParameterizedTest(name = "amountFen {0}")
    @ValueSource(strings = {"1000.9", "1000.0", "1e3", "\"1000\"", "true", "[1000]"})
    void moneyIsAWholeNumberOfFenAndNothingElse(String amount) {
        Problem.Violation v = refused(VALID.replace("1000", amount));
        assertThat(v.field()).isEqualTo("amountFen");
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsThatExist() {
        Problem.Violation v = refused(VALID.replace("\"id\": \"b1\"", "\"id\": \"b1\", \"phone\": \"13800001111\""));
        assertThat(v.field()).isEqualTo("buyer.phone");
        assertThat(v.message()).contains("id, province");
    }

    @Test
    void aKeyGivenTwiceIsNamed() {
        assertThat(refused(VALID.replace("\"rating\": \"BAD\"", "\"rating\": \"BAD\", \"rating\": \"GOOD\""))
                        .field())
                .isEqualTo("rating");
        assertThat(refused(VALID.replace("\"id\": \"b1\"", "\"id\": \"b1\", \"id\": \"b2\""))
                        .field())
                .isEqualTo("buyer.id");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a\\u0000b", "P-\\ud800x", "\\udc00", "end\\ud83d"})
    void textTheDatabaseCannotHoldIsRefusedByField(String sku) {
        Problem.Violation v = refused(VALID.replace("SKU-1", sku));
        assertThat(v.field()).isEqualTo("sku");
        assertThat(v.message()).isEqualTo(StrictJson.NOT_STORABLE);
        assertThat(refused(VALID.replace("\"apparel\"", "\"" + sku + "\"")).field())
                .isEqualTo("skills[0]");
    }

    @Test
    void noGuessingAcrossTypes() {
        assertThat(refused(VALID.replace("\"SKU-1\"", "12")).field()).isEqualTo("sku");
        assertThat(refused(VALID.replace("\"BAD\"", "2")).field()).isEqualTo("rating");
        assertThat(refused(VALID.replace("true", "\"true\"")).field()).isEqualTo("vip");
        assertThat(refused(VALID.replace("true", "1")).field()).isEqualTo("vip");
    }

    @Test
    void aListLongerThanItsSizeIsRefusedWhenReadBeforeAnyElementIsValidated() throws Exception {
        String many = String.join(", ", java.util.Collections.nCopies(10_000, "\" \""));
        Problem.Violation v = refused(VALID.replace("[\"apparel\"]", "[" + many + "]"));
        assertThat(v.field()).isEqualTo("skills");
        assertThat(v.message()).isEqualTo("must have at most 3 elements");
        assertThat(json.readValue(VALID.replace("[\"apparel\"]", "[\"a\", \"b\", \"c\"]"), Body.class)
                        .skills())
                .hasSize(3);
    }

    @Test
    void nothingAfterTheDocument() {
        refused(VALID + " {\"sku\": \"SKU-2\"}");
    }

    @Test
    void eventsAndStoredSettingsMayCarryFieldsThisVersionDoesNotKnow() throws Exception {
        Body body =
                StrictJson.lenient(json, Body.class).readValue(VALID.replace("\"sku\"", "\"addedLater\": 1, \"sku\""));
        assertThat(body.sku()).isEqualTo("SKU-1");
    }

    /** The violation a refused body is answered with; fails when the body is accepted. */
    private Problem.Violation refused(String body) {
        try {
            json.readValue(body, Body.class);
        } catch (JsonProcessingException e) {
            return ProblemMappers.violationOf(e);
        }
        throw new AssertionError("accepted: " + body);
    }
}
