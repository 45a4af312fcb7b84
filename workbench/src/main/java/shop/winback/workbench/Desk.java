package shop.winback.workbench;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shop.winback.workbench.Upstream.Service;
import shop.winback.workbench.Views.Agent;
import shop.winback.workbench.Views.Ticket;
import shop.winback.workbench.Views.TicketPage;

/** My desk: the agent's open tickets, most urgent clock first, and their presence. */
@Path("/desk")
@Produces(MediaType.TEXT_HTML)
public class Desk {

    static final Set<String> PRESENCE = Set.of("ONLINE", "AWAY", "OFFLINE");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(User user, Agent agent, List<Ticket> tickets, String error, String lang);

        static native TemplateInstance desk$list(List<Ticket> tickets);
    }

    private final Session session;
    private final Upstream upstream;

    public Desk(Session session, Upstream upstream) {
        this.session = session;
        this.upstream = upstream;
    }

    @GET
    public TemplateInstance page() {
        User user = session.requireUser();
        return page(user, null);
    }

    /** The list alone, for the page's script to swap in when an event says it changed. */
    @GET
    @Path("/list")
    public TemplateInstance list() {
        return Pages.localized(Templates.desk$list(tickets(session.requireUser())), session);
    }

    @POST
    @Path("/presence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object presence(@FormParam("status") String status) {
        User user = session.requireUser();
        if (user.agentId().isEmpty() || !PRESENCE.contains(status)) {
            return Response.status(400).entity(page(user, "status")).build();
        }
        try {
            upstream.patch(
                    Service.TICKET,
                    "/api/v1/agents/" + user.agentId().get(),
                    user,
                    Map.of("status", status),
                    Agent.class);
        } catch (UpstreamProblem e) {
            if (e.status == 401) {
                throw e;
            }
            return Response.status(e.status).entity(page(user, e.message())).build();
        }
        return Response.seeOther(URI.create("/desk")).build();
    }

    private TemplateInstance page(User user, String error) {
        Agent agent = user.agentId()
                .map(id -> upstream.get(Service.TICKET, "/api/v1/agents/" + id, user, Agent.class))
                .orElse(null);
        return Pages.localized(Templates.desk(user, agent, tickets(user), error, session.lang()), session);
    }

    /** Open tickets (an agent token gets only its own from ticket-service), most urgent first. */
    private List<Ticket> tickets(User user) {
        TicketPage page =
                upstream.get(Service.TICKET, "/api/v1/tickets?status=ASSIGNED&size=200", user, TicketPage.class);
        return page.items().stream()
                .sorted(Comparator.comparingLong(Ticket::secondsLeft).thenComparing(Ticket::openedAt))
                .toList();
    }
}
