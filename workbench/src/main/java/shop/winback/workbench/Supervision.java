package shop.winback.workbench;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import shop.winback.workbench.Upstream.Service;

/**
 * The supervisor's page: the waiting queue by tier, the agents with presence and load, the compensations waiting
 * for approval (approve or reject, with a comment), breached service levels and their escalations, and moving a
 * ticket to another agent. For supervisors and managers; an agent gets a 403 page saying so.
 */
@Path("/supervision")
@Produces(MediaType.TEXT_HTML)
public class Supervision {

    static final List<String> DONE = List.of("approved", "rejected", "reassigned");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance supervision(User user, Board board, String error, String done, String lang);

        static native TemplateInstance supervision$queue(Board board);

        static native TemplateInstance supervision$agents(Board board);

        static native TemplateInstance supervision$approvals(Board board);

        static native TemplateInstance supervision$breaches(Board board);

        static native TemplateInstance supervision$tickets(Board board);

        static native TemplateInstance forbidden(User user, String lang, String back);
    }

    /** The sections the page's script refreshes one by one, as the events concern them. */
    private static final Map<String, Function<Board, TemplateInstance>> PARTS = Map.of(
            "queue", Templates::supervision$queue,
            "agents", Templates::supervision$agents,
            "approvals", Templates::supervision$approvals,
            "breaches", Templates::supervision$breaches,
            "tickets", Templates::supervision$tickets);

    private final Session session;
    private final Upstream upstream;

    public Supervision(Session session, Upstream upstream) {
        this.session = session;
        this.upstream = upstream;
    }

    @GET
    public Response page(@QueryParam("done") String done) {
        User user = session.requireUser();
        if (!user.supervises()) {
            return forbidden(user, session, "/supervision");
        }
        return Response.ok(page(user, null, done != null && DONE.contains(done) ? done : null))
                .build();
    }

    @GET
    @Path("/part/{name}")
    public Response part(@PathParam("name") String name) {
        User user = session.requireUser();
        if (!user.supervises()) {
            return forbidden(user, session, "/supervision");
        }
        var part = PARTS.get(name);
        if (part == null) {
            return Response.status(404).build();
        }
        return Response.ok(Pages.localized(part.apply(new Board(upstream, user)), session))
                .build();
    }

    @POST
    @Path("/tickets/{id}/reassignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reassign(@PathParam("id") UUID id, @FormParam("agentId") UUID agentId) {
        return act(Service.TICKET, "/api/v1/tickets/" + id + "/reassignment", body("agentId", agentId), "reassigned");
    }

    @POST
    @Path("/compensations/{id}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") UUID id, @FormParam("comment") String comment) {
        return act(
                Service.COMPENSATION,
                "/api/v1/compensations/" + id + "/approval",
                body("comment", comment),
                "approved");
    }

    @POST
    @Path("/compensations/{id}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") UUID id, @FormParam("comment") String comment) {
        return act(
                Service.COMPENSATION,
                "/api/v1/compensations/" + id + "/rejection",
                body("comment", comment),
                "rejected");
    }

    /** A form's post, sent on as the user; a refusal is shown on the page in the service's own words. */
    private Response act(Service service, String path, Map<String, Object> body, String done) {
        User user = session.requireUser();
        if (!user.supervises()) {
            return forbidden(user, session, "/supervision");
        }
        try {
            upstream.post(service, path, user, body, Void.class);
        } catch (UpstreamProblem e) {
            if (e.status == 401) {
                throw e;
            }
            return Response.status(e.status)
                    .entity(page(user, e.message(), null))
                    .build();
        }
        return Response.seeOther(URI.create("/supervision?done=" + done)).build();
    }

    private TemplateInstance page(User user, String error, String done) {
        return Pages.localized(
                Templates.supervision(user, new Board(upstream, user), error, done, session.lang()), session);
    }

    /** The 403 page of the pages for supervisors and managers ({@code back}: the page, for the language switch). */
    static Response forbidden(User user, Session session, String back) {
        return Response.status(403)
                .entity(Pages.localized(Templates.forbidden(user, session.lang(), back), session))
                .build();
    }

    private static Map<String, Object> body(String name, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put(name, value instanceof String s && s.isBlank() ? null : value instanceof String s ? s.strip() : value);
        return body;
    }
}
