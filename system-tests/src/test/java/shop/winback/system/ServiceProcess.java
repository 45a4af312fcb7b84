package shop.winback.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import shop.winback.testing.TestClock;

/** One packaged service (target/quarkus-app/quarkus-run.jar) running as its own JVM process. */
final class ServiceProcess implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    static ServiceProcess start(String module, String instance, Map<String, String> env) throws IOException {
        Path root = Path.of(System.getProperty("winback.root", ".."));
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (deploy/test does)");
        }
        Path logs = root.resolve("system-tests/target/service-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(instance + ".log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        javaBin(), "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the service runs on the clock the tests make their data from (deploy/test shifts it to a random day)
        builder.environment().put("WINBACK_CLOCK_OFFSET", TestClock.offset().toString());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        ServiceProcess service = new ServiceProcess(instance, port, builder.start(), log);
        service.awaitReady(Duration.ofSeconds(90));
        return service;
    }

    private void awaitReady(Duration timeout) throws IOException {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
                }
                return ready();
            });
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException(name + " not ready within " + timeout + "; log:\n" + tail());
        }
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create(url() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String tail() throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** kill -9: no shutdown hooks, nothing flushed; what survives is what was committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
