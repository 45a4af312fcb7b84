package shop.winback.workbench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The supervisor's page's live events: ticket-service's {@code /api/v1/supervision/events} of the user's shop,
 * relayed ({@link EventRelay}). Only for supervisors and managers (ticket-service would refuse anyone else).
 */
@Path("/supervision/events")
public class SupervisionEvents {

    private final Session session;
    private final EventRelay relay;

    public SupervisionEvents(Session session, EventRelay relay) {
        this.session = session;
        this.relay = relay;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        User user = session.requireUser();
        if (!user.supervises()) {
            throw new jakarta.ws.rs.WebApplicationException(Response.status(403).build());
        }
        relay.start(
                user,
                "/api/v1/supervision/events?shopId=" + URLEncoder.encode(user.shopId(), StandardCharsets.UTF_8),
                lastEventId,
                sink,
                sse);
    }
}
