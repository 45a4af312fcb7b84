package shop.winback.workbench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import shop.winback.workbench.Upstream.Service;

/**
 * Relays one of ticket-service's event streams to a browser. A browser's EventSource cannot send an Authorization
 * header, so the page listens on the workbench (the cookie goes along) and this opens ticket-service's stream with
 * the user's token and passes it on event by event (name, id and data as they came: the page resumes with
 * Last-Event-ID through here too).
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    /** How long a browser waits before trying again when ticket-service has no stream for it. */
    private static final long RETRY_WHEN_UNAVAILABLE_MS = 30_000;

    /** One thread per open stream, blocked on ticket-service's; a desk has a few dozen users at most. */
    private static final ExecutorService RELAYS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "events-relay");
        t.setDaemon(true);
        return t;
    });

    private final Upstream upstream;

    public EventRelay(Upstream upstream) {
        this.upstream = upstream;
    }

    /** Relays ticket-service's stream at {@code path} on a thread of its own, until either side closes. */
    void start(User user, String path, String lastEventId, SseEventSink sink, Sse sse) {
        RELAYS.submit(() -> relay(user, path, lastEventId, sink, sse));
    }

    private void relay(User user, String path, String lastEventId, SseEventSink sink, Sse sse) {
        try (sink) {
            HttpResponse<Stream<String>> response = upstream.stream(Service.TICKET, path, user, lastEventId);
            if (response.statusCode() != 200) {
                response.body().close();
                unavailable(sink, sse, "HTTP " + response.statusCode());
                return;
            }
            try (Stream<String> lines = response.body()) {
                Iterator<String> it = lines.iterator();
                String name = null;
                String id = null;
                StringBuilder data = new StringBuilder();
                while (!sink.isClosed() && it.hasNext()) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (data.length() > 0 || name != null) {
                            var event = sse.newEventBuilder().data(data.toString());
                            if (name != null) {
                                event.name(name);
                            }
                            if (id != null) {
                                event.id(id);
                            }
                            sink.send(event.build()).toCompletableFuture().join();
                        }
                        name = null;
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        if (data.length() > 0) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).stripLeading());
                    } else if (line.startsWith(":")) {
                        // ticket-service's heartbeat, passed on: it keeps the browser's connection open through
                        // proxies, and a browser that has gone is noticed here (the send fails) within one beat
                        sink.send(sse.newEventBuilder()
                                        .comment(line.substring(1).strip())
                                        .build())
                                .toCompletableFuture()
                                .join();
                    }
                    // retry: lines are ticket-service's own business
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the browser left (send fails) or ticket-service went away: the browser reconnects by itself
            LOG.debugf("events relay of " + path + " ended: %s", e.toString());
        }
    }

    /** Tells the page to fall back to polling for a while: no stream to relay. */
    private static void unavailable(SseEventSink sink, Sse sse, String why) {
        sink.send(sse.newEventBuilder()
                        .name("unavailable")
                        .data(why)
                        .reconnectDelay(RETRY_WHEN_UNAVAILABLE_MS)
                        .build())
                .toCompletableFuture()
                .join();
    }
}
