package shop.winback.workbench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** The desk's live events: ticket-service's {@code /api/v1/desk/events} of the user, relayed ({@link EventRelay}). */
@Path("/desk/events")
public class DeskEvents {

    private final Session session;
    private final EventRelay relay;

    public DeskEvents(Session session, EventRelay relay) {
        this.session = session;
        this.relay = relay;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        relay.start(session.requireUser(), "/api/v1/desk/events", lastEventId, sink, sse);
    }
}
