package shop.winback.ticket.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The live event streams of the desk and of supervision (issue 18), fed from tickets.v1. */
@ConfigMapping(prefix = "ticket.live")
public interface LiveConfig {

    /** How long an event is held for a reconnecting subscriber ({@code Last-Event-ID}); older ones answer {@code reset}. */
    @WithDefault("10m")
    Duration replayWindow();

    /** At most this many events are held, all shops together: a burst shortens the window rather than the heap. */
    @WithDefault("20000")
    int replayEvents();

    /** A comment this often keeps idle streams open through proxies and load balancers. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Events waiting for a slow subscriber; beyond it the stream ends and the client resumes with Last-Event-ID. */
    @WithDefault("1000")
    int subscriberBuffer();
}
