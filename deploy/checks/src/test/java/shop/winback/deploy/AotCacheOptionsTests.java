package shop.winback.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service gets its AOT cache (deploy/train-aot) only from a JDK that can read one, only when it exists, and
 * records one instead while training: aot_cache_opts in deploy/lib/common.sh, run by bash against a stand-in JDK.
 */
class AotCacheOptionsTests {

    @TempDir
    Path dir;

    @Test
    void aServiceOnJdk25StartsWithTheCacheBesideItsJar() throws Exception {
        Path jar = serviceJar(true);
        assertThat(aotOptions(jdk("25.0.3"), jar, "")).isEqualTo("-XX:AOTCache=" + jar.resolveSibling("app.aot"));
    }

    @Test
    void withoutACacheTheServiceStartsAsBefore() throws Exception {
        assertThat(aotOptions(jdk("25.0.3"), serviceJar(false), "")).isEmpty();
    }

    @Test
    void anOlderJdkIsNeverGivenTheOption() throws Exception {
        assertThat(aotOptions(jdk("17.0.15"), serviceJar(true), "")).isEmpty();
        assertThat(aotOptions(jdk("21.0.5"), serviceJar(true), "train")).isEmpty();
    }

    @Test
    void trainingWritesTheCacheWhenTheServiceStops() throws Exception {
        Path jar = serviceJar(false);
        assertThat(aotOptions(jdk("25.0.3"), jar, "train"))
                .isEqualTo("-XX:AOTCacheOutput=" + jar.resolveSibling("app.aot"));
    }

    /** A directory that looks like a JDK of that version to deploy/lib/common.sh: bin/java and the release file. */
    private Path jdk(String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private Path serviceJar(boolean withCache) throws IOException {
        Path app = Files.createDirectories(
                dir.resolve(withCache ? "with" : "without").resolve("quarkus-app"));
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "");
        if (withCache) {
            Files.writeString(app.resolve("app.aot"), "cache");
        }
        return jar;
    }

    private static String aotOptions(Path jdk, Path jar, String aotMode) throws Exception {
        ProcessBuilder bash = new ProcessBuilder(
                "bash", "-c", "source deploy/lib/common.sh && aot_cache_opts \"$1\"", "aot", jar.toString());
        bash.directory(Repo.ROOT.toFile());
        bash.environment().put("WINBACK_JAVA_HOME", jdk.toString());
        bash.environment().put("WINBACK_AOT", aotMode);
        bash.redirectErrorStream(true);
        Process process = bash.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
