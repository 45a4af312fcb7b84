package shop.winback.ticket.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.ticket.domain.BuyerNote;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.rest.TicketViews.NoteView;
import shop.winback.ticket.service.ContactDesk;

@Path("/api/v1/buyers/{buyerId}")
@Tag(
        name = "Buyers",
        description =
                "What the shop knows for contacting a buyer: presence on the shop's chat and notes on their temperament")
@Produces(MediaType.APPLICATION_JSON)
public class BuyerResource {

    private final ContactDesk contacts;
    private final Caller caller;

    public BuyerResource(ContactDesk contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @Schema(name = "BuyerPresenceReport")
    public record PresenceReport(
            @Schema(description = "Online on the shop's chat (旺旺在线)", example = "true") @NotNull
            Boolean online) {}

    @Schema(name = "BuyerPresenceAnswer")
    public record PresenceAnswer(
            String buyerId,
            boolean online,

            @Schema(description = "Tickets whose agents were told to call now")
            List<UUID> callNowTickets) {}

    @Schema(name = "NewBuyerNote")
    public record NewNote(
            @Schema(example = "脾气急，先道歉再谈补偿") @NotBlank @Size(max = 1000)
            String note) {}

    @PUT
    @Path("/presence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report the buyer's presence (order system)",
            description =
                    "When the buyer of an assigned ticket comes online, the ticket's agent gets ticket.call-now.v1 "
                            + "on tickets.v1 — unless the buyer's calls for today are used up.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PresenceReport.class),
                            examples = @ExampleObject(name = "online", value = "{\"online\": true}")))
    @APIResponse(
            responseCode = "200",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PresenceAnswer.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing recorded")
    @RolesAllowed({Roles.INTEGRATION})
    public PresenceAnswer presence(@PathParam("buyerId") String buyerId, @NotNull @Valid PresenceReport body) {
        List<Ticket> nudged = contacts.presence(caller.shopId(), validBuyerId(buyerId), body.online());
        return new PresenceAnswer(
                buyerId, body.online(), nudged.stream().map(t -> t.id).toList());
    }

    @GET
    @Path("/notes")
    @Operation(
            summary = "Notes on the buyer, oldest first",
            description =
                    "An agent sees them for buyers of their own tickets; supervisors and managers for any buyer of the shop.")
    @APIResponse(
            responseCode = "200",
            description = "Notes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = NoteView[].class)))
    @APIResponse(responseCode = "404", description = "No such buyer for this caller")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public List<NoteView> notes(@PathParam("buyerId") String buyerId) {
        requireWorksWith(validBuyerId(buyerId));
        return BuyerNote.ofBuyer(caller.shopId(), buyerId).stream()
                .map(NoteView::of)
                .toList();
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a note on the buyer's temperament",
            description = "Shown on every later ticket of this buyer.")
    @RequestBody(
            required = true,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewNote.class)))
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing stored")
    @APIResponse(responseCode = "404", description = "No such buyer for this caller")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public Response addNote(@PathParam("buyerId") String buyerId, @NotNull @Valid NewNote body) {
        requireWorksWith(validBuyerId(buyerId));
        BuyerNote note = contacts.addNote(
                caller.shopId(),
                buyerId,
                caller.agentId().orElse(null),
                body.note().strip());
        return Response.created(URI.create("/api/v1/buyers/" + buyerId + "/notes"))
                .entity(NoteView.of(note))
                .build();
    }

    /** An agent works only with the buyers of their own tickets; overseers with every buyer the shop has a ticket for. */
    private void requireWorksWith(String buyerId) {
        boolean known = caller.seesOnlyOwnWork()
                ? Ticket.count(
                                "shopId = ?1 and buyerId = ?2 and agentId = ?3",
                                caller.shopId(),
                                buyerId,
                                caller.requireAgentId())
                        > 0
                : Ticket.count("shopId = ?1 and buyerId = ?2", caller.shopId(), buyerId) > 0;
        if (!known) {
            throw new NotFoundProblem("Buyer", buyerId);
        }
    }

    private static String validBuyerId(String buyerId) {
        if (buyerId.length() > 64 || !buyerId.matches(Ids.PRINTABLE) || buyerId.isBlank()) {
            throw new InvalidRequestProblem("buyerId", "1 to 64 printable characters");
        }
        return buyerId;
    }
}
