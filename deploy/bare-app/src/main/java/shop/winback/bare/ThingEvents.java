package shop.winback.bare;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The incoming channel (one topic of its own, bare.v1) and one scheduled job, as every service has. */
@ApplicationScoped
public class ThingEvents {

    private final AtomicLong received = new AtomicLong();

    @Incoming("things-in")
    void received(String thingId) {
        received.incrementAndGet();
    }

    @Scheduled(every = "1h", delayed = "1h")
    void report() {
        Log.infof("%d things received", received.get());
    }
}
