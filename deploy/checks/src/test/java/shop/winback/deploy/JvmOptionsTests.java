package shop.winback.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every service runs with the same JVM options wherever it runs: deploy/run (service_java_opts),
 * its container image and its Kubernetes manifest. What was measured is what is deployed.
 */
class JvmOptionsTests {

    static final String LOGGING = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager";

    static String quoted(String text, String pattern) {
        Matcher m = Pattern.compile(pattern, Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("%s in the text", pattern).isTrue();
        return m.group(1).trim();
    }

    static String runScriptOptions() {
        return quoted(Repo.read(Repo.path("deploy/lib/common.sh")), "service_java_opts\\(\\) \\{\\s*echo \"([^\"]*)\"");
    }

    static String runScriptEnv() {
        return quoted(Repo.read(Repo.path("deploy/lib/common.sh")), "service_java_env\\(\\) \\{\\s*echo \"([^\"]*)\"");
    }

    @Test
    void imagesRunWithTheOptionsOfTheRunScript() {
        String options = runScriptOptions();
        assertThat(options).contains("-Xmx");
        for (String service : Repo.services()) {
            String dockerfile = Repo.read(Repo.path(service + "/src/main/docker/Dockerfile.jvm"));
            assertThat(quoted(dockerfile, "ENV JAVA_OPTS=\"([^\"]*)\""))
                    .as(service)
                    .isEqualTo(options + " " + LOGGING);
            assertThat(dockerfile).as(service).contains("ENV " + runScriptEnv());
        }
    }

    @Test
    void kubernetesRunsWithTheOptionsOfTheRunScript() {
        String options = runScriptOptions();
        String[] env = runScriptEnv().split("=", 2);
        for (String service : Repo.services()) {
            String javaOpts = null;
            String extra = null;
            for (JsonNode e : KubernetesManifestsTests.container(service).path("env")) {
                if ("JAVA_OPTS".equals(e.path("name").asText())) {
                    javaOpts = e.path("value").asText();
                }
                if (env[0].equals(e.path("name").asText())) {
                    extra = e.path("value").asText();
                }
            }
            assertThat(javaOpts)
                    .as("JAVA_OPTS of %s (run deploy/k8s/generate after a build)", service)
                    .isEqualTo(options + " " + LOGGING);
            assertThat(extra).as("%s of %s", env[0], service).isEqualTo(env[1]);
        }
    }
}
