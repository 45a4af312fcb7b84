package shop.winback.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.winback.workbench.Upstream.Service;
import shop.winback.workbench.Views.Ticket;
import shop.winback.workbench.Views.TicketExtras;

/** One ticket: its reviews, the buyer, the contact plan and log; log a contact, resolve. */
@Path("/tickets/{id}")
@Produces(MediaType.TEXT_HTML)
public class TicketScreen {

    static final List<String> CHANNELS = List.of("PHONE", "IM", "SMS");
    static final List<String> CONTACT_OUTCOMES = List.of("REACHED", "NO_ANSWER", "REFUSED", "AGREED_TO_REVISE");
    /** RECOVERED is ticket-service's to record (the buyer revised the review), not the agent's to pick. */
    static final List<String> OUTCOMES = List.of("EXPLAINED", "UNRECOVERED", "CANCELLED");

    static final List<String> COMPENSATION_STATUSES = List.of("APPROVED", "PENDING", "REJECTED", "PAID");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ticket(
                User user,
                Ticket ticket,
                TicketExtras extras,
                List<String> channels,
                List<String> contactOutcomes,
                List<String> outcomes,
                String error,
                boolean saved,
                String requested,
                CompensationPanel panel,
                WeightPanel weights,
                String lang);

        static native TemplateInstance ticket$compensations(CompensationPanel panel);
    }

    private final Session session;
    private final Upstream upstream;
    private final ObjectMapper json;
    private final Compensating compensating;
    private final Weighing weighing;

    public TicketScreen(
            Session session, Upstream upstream, ObjectMapper json, Compensating compensating, Weighing weighing) {
        this.session = session;
        this.upstream = upstream;
        this.json = json;
        this.compensating = compensating;
        this.weighing = weighing;
    }

    @GET
    public TemplateInstance page(
            @PathParam("id") UUID id, @QueryParam("saved") boolean saved, @QueryParam("requested") String requested) {
        return page(
                session.requireUser(),
                id,
                null,
                saved,
                requested != null && COMPENSATION_STATUSES.contains(requested) ? requested : null);
    }

    /** The ticket's compensations alone, for the page's script to swap in while one waits for approval. */
    @GET
    @Path("/compensations")
    public TemplateInstance compensations(@PathParam("id") UUID id) {
        User user = session.requireUser();
        var requested = compensating.requested(user, id);
        return Pages.localized(
                Templates.ticket$compensations(new CompensationPanel(List.of(), null, null, requested, null)), session);
    }

    /**
     * One option of the quote, requested with the key its form was drawn with: pressing twice, or again after a
     * lost answer, is one request (compensation-service replays its first answer).
     */
    @POST
    @Path("/compensations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestCompensation(
            @PathParam("id") UUID id,
            @FormParam("key") String key,
            @FormParam("type") String type,
            @FormParam("amountFen") long amountFen) {
        User user = session.requireUser();
        Detail detail = detail(user, id);
        String status;
        try {
            status = compensating
                    .request(user, detail.ticket(), detail.extras(), key, type, amountFen)
                    .status();
        } catch (UpstreamProblem e) {
            if (e.status == 401 || e.status == 404) {
                throw e;
            }
            return Response.status(e.status)
                    .entity(page(user, id, e.message(), false, null))
                    .build();
        }
        return Response.seeOther(URI.create("/tickets/" + id + "?requested=" + status + "#compensation-title"))
                .build();
    }

    /**
     * Asks logistics-service for its verdict on the buyer's missing item (the ticket's item, one piece); its refusal
     * (no shipment, an item not on the slip) is shown on the page in its words.
     */
    @POST
    @Path("/weight-check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkWeight(@PathParam("id") UUID id, @FormParam("damaged") boolean damaged) {
        User user = session.requireUser();
        Detail detail = detail(user, id);
        try {
            weighing.check(user, detail.ticket(), damaged);
        } catch (UpstreamProblem e) {
            if (e.status == 401) { // a 404 here is logistics-service's (no shipment), the ticket was found above
                throw e;
            }
            return Response.status(e.status)
                    .entity(page(user, id, e.message(), false, null))
                    .build();
        }
        return Response.seeOther(URI.create("/tickets/" + id + "#weight-title")).build();
    }

    @POST
    @Path("/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response contact(
            @PathParam("id") UUID id,
            @FormParam("channel") String channel,
            @FormParam("outcome") String outcome,
            @FormParam("note") String note,
            @FormParam("buyerNote") String buyerNote) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("outcome", outcome);
        body.put("note", blankToNull(note));
        body.put("buyerNote", blankToNull(buyerNote));
        return act(id, "/contacts", body);
    }

    @POST
    @Path("/resolution")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(
            @PathParam("id") UUID id, @FormParam("outcome") String outcome, @FormParam("reason") String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("reason", blankToNull(reason));
        return act(id, "/resolution", body);
    }

    /** A form's post, sent on to ticket-service as the user; its refusal is shown on the page as it said it. */
    private Response act(UUID id, String action, Map<String, Object> body) {
        User user = session.requireUser();
        try {
            upstream.post(Service.TICKET, "/api/v1/tickets/" + id + action, user, body, JsonNode.class);
        } catch (UpstreamProblem e) {
            if (e.status == 401 || e.status == 404) {
                throw e;
            }
            return Response.status(e.status)
                    .entity(page(user, id, e.message(), false, null))
                    .build();
        }
        return Response.seeOther(URI.create("/tickets/" + id + "?saved=true")).build();
    }

    private TemplateInstance page(User user, UUID id, String error, boolean saved, String requested) {
        Detail detail = detail(user, id);
        Ticket ticket = detail.ticket();
        TicketExtras extras = detail.extras();
        return Pages.localized(
                Templates.ticket(
                        user,
                        ticket,
                        extras,
                        CHANNELS,
                        CONTACT_OUTCOMES,
                        OUTCOMES,
                        error,
                        saved,
                        requested,
                        compensating.panel(user, ticket, extras),
                        extras.missingItem() ? weighing.panel(user, ticket.orderId()) : null,
                        session.lang()),
                session);
    }

    /** The ticket and its lists: ticket-service sends the ticket's fields and its lists side by side in one object. */
    private record Detail(Ticket ticket, TicketExtras extras) {}

    private Detail detail(User user, UUID id) {
        JsonNode detail = upstream.get(Service.TICKET, "/api/v1/tickets/" + id, user, JsonNode.class);
        try {
            return new Detail(json.treeToValue(detail, Ticket.class), json.treeToValue(detail, TicketExtras.class));
        } catch (IOException e) {
            throw new UpstreamProblem(502, "Unreadable ticket", e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
