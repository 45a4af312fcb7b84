package shop.winback.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.config.PostageFallback;

/**
 * Remote areas are logistics-service's list (per shop, down to cities); the fallback table's provinces, used only
 * while it cannot be asked, are its defaults. Read from logistics-service's own source, so the two cannot drift
 * (they once did: one had 海南, the other not).
 */
class PostageFallbackContractTests {

    static final Path LOGISTICS_DEFAULTS =
            Path.of("../logistics-service/src/main/java/shop/winback/logistics/config/PostageConfig.java");
    static final Path FALLBACK = Path.of("src/main/java/shop/winback/compensation/config/PostageFallback.java");

    @Test
    void theFallbacksRemoteProvincesAreLogisticsServicesDefaults() throws Exception {
        assertThat(remoteDefaults(FALLBACK))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(remoteDefaults(LOGISTICS_DEFAULTS));
        assertThat(PostageFallback.class.getMethod("remoteProvinces")).isNotNull();
    }

    /** The @WithDefault list right before {@code remoteProvinces()}. */
    static List<String> remoteDefaults(Path source) throws Exception {
        Matcher m = Pattern.compile("@WithDefault\\(\"([^\"]*)\"\\)\\s*List<String> remoteProvinces\\(\\)")
                .matcher(Files.readString(source));
        assertThat(m.find())
                .as("remoteProvinces() with its default in " + source)
                .isTrue();
        return List.of(m.group(1).split(","));
    }
}
