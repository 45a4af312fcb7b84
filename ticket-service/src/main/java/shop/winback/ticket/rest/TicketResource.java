package shop.winback.ticket.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import shop.winback.platform.problem.ProblemException;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.problem.QueryParams;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.rest.TicketViews.TicketPage;
import shop.winback.ticket.rest.TicketViews.TicketView;
import shop.winback.ticket.service.TicketDesk;

@Path("/api/v1/tickets")
@Tag(name = "Tickets", description = "Win-back tickets opened from neutral and bad reviews")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final TicketDesk desk;
    private final TicketAccess access;
    private final Caller caller;

    public TicketResource(TicketDesk desk, TicketAccess access, Caller caller) {
        this.desk = desk;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the shop's tickets",
            description = "Newest first; filter by agent and status. An agent sees only the tickets assigned to them.")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    @APIResponse(responseCode = "200", description = "One page of tickets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketPage list(
            @Parameter(description = "Optional: the token's shop", example = "demo-shop") @QueryParam("shopId") String shopId,
            @Parameter(description = "Only this agent's tickets", schema = @Schema(format = "uuid"))
            @QueryParam("agentId") String agentIdParam,
            @Parameter(description = "WAITING, ASSIGNED or CLOSED", schema = @Schema(implementation = TicketStatus.class))
            @QueryParam("status") String statusParam,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        caller.requireOwnShop(shopId);
        UUID agentId = QueryParams.uuid("agentId", agentIdParam);
        TicketStatus status = QueryParams.enumValue("status", statusParam, TicketStatus.class);
        Optional<UUID> onlyAgent = access.onlyAgent();
        if (onlyAgent.isPresent()) {
            if (agentId != null && !agentId.equals(onlyAgent.get())) {
                throw new ProblemException(403, "urn:winback:problem:forbidden", "Forbidden", "Agents see only their own tickets");
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
        query.append(" order by openedAt desc, id");
        PanacheQuery<Ticket> tickets = Ticket.find(query.toString(), params).page(Page.of(page, size));
        return new TicketPage(tickets.<Ticket>list().stream().map(access::view).toList(), page, size, tickets.count());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a ticket")
    @APIResponse(responseCode = "200", description = "The ticket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public TicketView get(@PathParam("id") UUID id) {
        return access.view(access.visible(id));
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Close a ticket", description = "Frees the agent's place; the next waiting ticket is assigned at once.")
    @APIResponse(responseCode = "200", description = "The closed ticket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public TicketView close(@PathParam("id") UUID id) {
        return access.view(desk.close(access.visible(id).id));
    }
}
