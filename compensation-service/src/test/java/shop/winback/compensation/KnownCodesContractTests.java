package shop.winback.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.domain.KnownCodes;

/** The codes a quote accepts are exactly those their producers document (no Quarkus needed). */
class KnownCodesContractTests {

    static final Path LOGISTICS = Path.of("../logistics-service/src/main/resources/META-INF/resources/asyncapi.yaml");
    static final Path REVIEWS = Path.of("../review-service/src/main/resources/META-INF/resources/asyncapi.yaml");

    @Test
    void couriersAreLogisticsServicesCouriers() throws Exception {
        assertThat(List.of(KnownCodes.COURIERS.split("\\|")))
                .containsExactlyInAnyOrderElementsOf(enumWith(LOGISTICS, "STO"));
        assertThat(KnownCodes.COURIERS_MESSAGE).endsWith(String.join(", ", KnownCodes.COURIERS.split("\\|")));
    }

    @Test
    void complaintReasonsAreReviewServicesReasons() throws Exception {
        assertThat(List.of(KnownCodes.COMPLAINT_REASONS.split("\\|")))
                .containsExactlyInAnyOrderElementsOf(enumWith(REVIEWS, "QUALITY_DAMAGE"));
        assertThat(KnownCodes.COMPLAINT_REASONS_MESSAGE)
                .endsWith(String.join(", ", KnownCodes.COMPLAINT_REASONS.split("\\|")));
    }

    /** The first enum in the document that lists {@code member}. */
    static List<String> enumWith(Path contract, String member) throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(contract));
        return find(root, member).orElseThrow(() -> new AssertionError("no enum with " + member + " in " + contract));
    }

    private static Optional<List<String>> find(JsonNode node, String member) {
        JsonNode values = node.get("enum");
        if (values != null && values.isArray()) {
            List<String> found = new ArrayList<>();
            values.forEach(v -> found.add(v.asText()));
            if (found.contains(member)) {
                return Optional.of(found);
            }
        }
        for (JsonNode child : node) {
            Optional<List<String>> inChild = find(child, member);
            if (inChild.isPresent()) {
                return inChild;
            }
        }
        return Optional.empty();
    }
}
