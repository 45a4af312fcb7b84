package shop.winback.loadgen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A loopback HTTP server standing in for the services in tests. Handlers run on one thread, in arrival order. */
final class StubServer implements AutoCloseable {

    /** One request as it arrived; {@code path} is the raw request path, not decoded (a %3A stays %3A). */
    record Seen(String method, String path, String authorization, String body) {}

    record Reply(int status, String body) {}

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StubServer(Function<Seen, Reply> handler) {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus the client's delayed
        // ACK adds ~40 ms per response (real services set TCP_NODELAY, as Vert.x does by default).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> respond(exchange, handler));
        server.start();
    }

    private void respond(HttpExchange exchange, Function<Seen, Reply> handler) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen s = new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body);
        seen.add(s);
        Reply reply = handler.apply(s);
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Plays a slow server inside a stub handler: the delay is the behaviour under test (a stalled
     * request whose latency must show), not a test waiting for something to happen.
     */
    static void respondSlowly(java.time.Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        for (long left = delay.toNanos(); left > 0; left = until - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left); // may wake early: park the rest
        }
    }
}
