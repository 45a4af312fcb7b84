package shop.winback.ticket.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.problem.ForbiddenProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.ticket.domain.ContactAttempt;
import shop.winback.ticket.domain.ContactChannel;
import shop.winback.ticket.domain.ContactOutcome;
import shop.winback.ticket.domain.Outcome;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.rest.TicketViews.ContactView;
import shop.winback.ticket.rest.TicketViews.TicketDetail;
import shop.winback.ticket.rest.TicketViews.TicketPage;
import shop.winback.ticket.rest.TicketViews.TicketView;
import shop.winback.ticket.service.ContactDesk;
import shop.winback.ticket.service.Reassignments;
import shop.winback.ticket.service.Resolutions;

@Path("/api/v1/tickets")
@Tag(name = "Tickets", description = "Win-back tickets opened from neutral and bad reviews")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final Resolutions resolutions;
    private final Reassignments reassignments;
    private final ContactDesk contacts;
    private final TicketAccess access;
    private final Caller caller;

    public TicketResource(
            Resolutions resolutions,
            Reassignments reassignments,
            ContactDesk contacts,
            TicketAccess access,
            Caller caller) {
        this.resolutions = resolutions;
        this.reassignments = reassignments;
        this.contacts = contacts;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "List the shop's tickets",
            description =
                    "Newest first; filter by agent and status, or find a buyer's complaint by order id, buyer id or the "
                            + "platform's review id (any review the ticket carries). Always within the token's shop. An agent sees only "
                            + "the tickets assigned to them.")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    @APIResponse(
            responseCode = "200",
            description = "One page of tickets",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public TicketPage list(
            @Parameter(description = "Optional: the token's shop", example = "demo-shop") @QueryParam("shopId")
                    String shopId,
            @Parameter(description = "Only this agent's tickets", schema = @Schema(format = "uuid"))
                    @QueryParam("agentId")
                    UUID agentId,
            @Parameter(
                            description = "WAITING, ASSIGNED or CLOSED",
                            schema = @Schema(implementation = TicketStatus.class))
                    @QueryParam("status")
                    TicketStatus status,
            @Parameter(description = "Only the tickets of this order", example = "TB-O-88231907")
                    @QueryParam("orderId")
                    @Size(max = 64)
                    String orderId,
            @Parameter(description = "Only this buyer's tickets", example = "tb-buyer-5521")
                    @QueryParam("buyerId")
                    @Size(max = 64)
                    String buyerId,
            @Parameter(
                            description =
                                    "Only the ticket carrying this review of the platform (the first or a later one of the order)",
                            example = "TB-R-20261123-0001")
                    @QueryParam("platformReviewId")
                    @Size(max = 64)
                    String platformReviewId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        caller.requireOwnShop(shopId);
        Optional<UUID> onlyAgent = access.onlyAgent();
        if (onlyAgent.isPresent()) {
            if (agentId != null && !agentId.equals(onlyAgent.get())) {
                throw new ForbiddenProblem("Agents see only their own tickets");
            }
            agentId = onlyAgent.get();
        }
        StringBuilder query = new StringBuilder("shopId = :shop");
        Parameters params = Parameters.with("shop", caller.shopId());
        if (agentId != null) {
            query.append(" and agentId = :agent");
            params.and("agent", agentId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (orderId != null) {
            query.append(" and orderId = :order");
            params.and("order", orderId);
        }
        if (buyerId != null) {
            query.append(" and buyerId = :buyer");
            params.and("buyer", buyerId);
        }
        if (platformReviewId != null) {
            query.append(
                    " and id in (select r.ticketId from TicketReview r where r.key.shopId = :shop and r.platformReviewId = :review)");
            params.and("review", platformReviewId);
        }
        query.append(" order by openedAt desc, id");
        PanacheQuery<Ticket> tickets = Ticket.find(query.toString(), params).page(Page.of(page, size));
        return new TicketPage(tickets.<Ticket>list().stream().map(access::view).toList(), page, size, tickets.count());
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get a ticket with everything needed to win the buyer back",
            description =
                    "Its reviews, the contact log, notes on the buyer from any of their tickets, the buyer's other "
                            + "tickets in the shop (open and past: id, order, status, opened), the buyer's history in brief "
                            + "(earlier tickets, recovered or not, compensations approved, the latest five), the contact plan "
                            + "(shown to whoever may call: the ticket's agent, supervisors, managers), escalations, compensations, and "
                            + "the time left on each service level (business time).")
    @APIResponse(
            responseCode = "200",
            description = "The ticket",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketDetail.class)))
    @APIResponse(responseCode = "404", description = "No such ticket")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public TicketDetail get(@PathParam("id") UUID id) {
        return access.detail(access.visible(id));
    }

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Resolve a ticket",
            description =
                    "EXPLAINED, UNRECOVERED (say why) or CANCELLED. RECOVERED is recorded by itself when the buyer revises "
                            + "the review to good. Frees the agent's place: the next waiting ticket is assigned at once.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResolutionRequest.class),
                            examples = @ExampleObject(name = "buyer refused", value = """
                    {"outcome": "UNRECOVERED", "reason": "买家坚持差评，不接受补偿"}""")))
    @APIResponse(
            responseCode = "200",
            description = "The resolved ticket",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing changed")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "Already resolved")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public TicketView resolve(@PathParam("id") UUID id, @NotNull @Valid ResolutionRequest body) {
        String reason = body.reason() == null ? null : body.reason().strip();
        return access.view(resolutions.resolve(access.visible(id).id, body.outcome(), reason));
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Log an attempt to reach the buyer",
            description =
                    "The first attempt meets the first-contact service level. Phone calls are capped per buyer and "
                            + "local day (default 2, over all the buyer's tickets): one more is 409 and nothing is written. "
                            + "A buyerNote (the buyer's temperament) is shown on this buyer's later tickets.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContactRequest.class),
                            examples = @ExampleObject(name = "reached, agreed", value = """
                    {"channel": "PHONE", "outcome": "AGREED_TO_REVISE", "note": "补偿10元优惠券，买家同意今晚修改",
                     "buyerNote": "说话直接，先道歉再谈补偿"}""")))
    @APIResponse(
            responseCode = "201",
            description = "Logged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing written")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "Ticket resolved, or the buyer's calls for today are used up")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public Response logContact(@PathParam("id") UUID id, @NotNull @Valid ContactRequest body) {
        Ticket ticket = access.visible(id);
        ContactAttempt attempt = contacts.log(
                ticket.id,
                caller.agentId().orElse(null),
                new ContactDesk.Attempt(
                        body.channel(), body.outcome(), Texts.orNull(body.note()), Texts.orNull(body.buyerNote())));
        return Response.created(URI.create("/api/v1/tickets/" + id + "/contacts/" + attempt.id))
                .entity(ContactView.of(attempt))
                .build();
    }

    @GET
    @Path("/{id}/contacts")
    @Operation(
            summary = "The ticket's contact log, oldest first",
            description =
                    "Every attempt to reach the buyer on this ticket (channel, outcome, note, who and when); an agent sees only their own tickets.")
    @APIResponse(
            responseCode = "200",
            description = "Attempts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContactView[].class)))
    @APIResponse(responseCode = "404", description = "No such ticket")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public List<ContactView> contacts(@PathParam("id") UUID id) {
        return ContactAttempt.ofTicket(access.visible(id).id).stream()
                .map(ContactView::of)
                .toList();
    }

    @POST
    @Path("/{id}/reassignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Move a ticket to another agent",
            description =
                    "Supervisors and managers (by role, or an agent token of tier SUPERVISOR or MANAGER) move any of the "
                            + "shop's open tickets, waiting or assigned; an agent moves only their own. The new agent must be of the "
                            + "ticket's tier or above (422), ONLINE, on shift and below capacity (409). The agents' open-ticket counts "
                            + "move with the ticket; its SLA deadlines stay as they were (the clocks keep running). Publishes "
                            + "ticket.reassigned.v1; the previous agent's freed place goes to the next waiting ticket.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReassignmentRequest.class),
                            examples = @ExampleObject(name = "to a colleague", value = """
                    {"agentId": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"}""")))
    @APIResponse(
            responseCode = "200",
            description = "The ticket with its new agent",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing changed")
    @APIResponse(responseCode = "404", description = "No such ticket (for an agent: not their own)")
    @APIResponse(
            responseCode = "409",
            description = "Ticket resolved, or the agent is already its agent, not online, off shift or "
                    + "at capacity; nothing changed")
    @APIResponse(
            responseCode = "422",
            description = "No such agent in the shop, or the agent's tier is below the ticket's; nothing changed")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public TicketView reassign(@PathParam("id") UUID id, @NotNull @Valid ReassignmentRequest body) {
        Ticket ticket = access.reassignable(id);
        return access.view(reassignments.reassign(
                ticket.id, body.agentId(), caller.agentId().orElse(null)));
    }

    @Schema(name = "ReassignmentRequest")
    public record ReassignmentRequest(
            @Schema(description = "The agent who takes the ticket", format = "uuid") @NotNull
            UUID agentId) {}

    @Schema(name = "ResolutionRequest")
    public record ResolutionRequest(
            @Schema(example = "EXPLAINED") @NotNull Outcome outcome,

            @Schema(description = "Required for UNRECOVERED", example = "买家坚持差评")
            @Size(max = 500)
            @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
            String reason) {}

    @Schema(name = "ContactRequest")
    public record ContactRequest(
            @Schema(example = "PHONE") @NotNull ContactChannel channel,
            @Schema(example = "REACHED") @NotNull ContactOutcome outcome,

            @Schema(description = "What was said", example = "买家说周末再看") @Size(max = 1000)
            String note,

            @Schema(description = "The buyer's temperament, for whoever contacts them next", example = "脾气急，先道歉")
            @Size(max = 1000)
            String buyerNote) {}
}
