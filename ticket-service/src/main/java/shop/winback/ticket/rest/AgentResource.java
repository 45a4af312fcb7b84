package shop.winback.ticket.rest;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Objects;
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
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Shift;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.rest.AgentViews.AgentChange;
import shop.winback.ticket.rest.AgentViews.AgentView;
import shop.winback.ticket.rest.AgentViews.NewAgent;
import shop.winback.ticket.service.AgentRoster;

@Path("/api/v1/agents")
@Tag(name = "Agents", description = "The shop's agents: tier, capacity and presence")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentRoster roster;
    private final Caller caller;

    public AgentResource(AgentRoster roster, Caller caller) {
        this.roster = roster;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add an agent",
            description = "An ONLINE review-recovery agent on shift receives waiting tickets at once; "
                    + "supervisors receive tickets of suspected professional bad-reviewers and escalations.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = NewAgent.class),
                            examples = @ExampleObject(name = "recovery agent", value = """
                    {"shopId": "demo-shop", "name": "小王", "tier": "REVIEW_RECOVERY", "capacity": 20, "status": "ONLINE",
                     "shift": "DAY", "skills": ["服装"]}""")))
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing stored")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    public Response hire(@NotNull @Valid NewAgent body) {
        caller.requireOwnShop(body.shopId());
        Agent agent = roster.hire(
                body.shopId(),
                body.name().strip(),
                body.tier(),
                body.capacity(),
                Objects.requireNonNullElse(body.status(), AgentStatus.OFFLINE),
                Objects.requireNonNullElse(body.shift(), Shift.ANY),
                skills(body.skills()));
        return Response.created(URI.create("/api/v1/agents/" + agent.id))
                .entity(AgentView.of(agent))
                .build();
    }

    @GET
    @Operation(
            summary = "List the shop's agents",
            description =
                    "The caller's shop's agents, optionally filtered by status and tier, with their open tickets.")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    @APIResponse(
            responseCode = "200",
            description = "Agents, by name",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgentView[].class)))
    public List<AgentView> list(
            @Parameter(description = "Optional: the token's shop", example = "demo-shop") @QueryParam("shopId")
                    String shopId,
            @Parameter(schema = @Schema(implementation = Tier.class)) @QueryParam("tier") Tier tier,
            @Parameter(schema = @Schema(implementation = AgentStatus.class)) @QueryParam("status") AgentStatus status) {
        caller.requireOwnShop(shopId);
        StringBuilder query = new StringBuilder("shopId = :shop");
        Parameters params = Parameters.with("shop", caller.shopId());
        if (tier != null) {
            query.append(" and tier = :tier");
            params.and("tier", tier);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        query.append(" order by name, id");
        return Agent.<Agent>list(query.toString(), params).stream()
                .map(AgentView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get an agent",
            description =
                    "One agent of the caller's shop with their open tickets; an agent token sees only its own profile.")
    @APIResponse(
            responseCode = "200",
            description = "The agent",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgentView.class)))
    @APIResponse(responseCode = "404", description = "No such agent")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public AgentView get(@PathParam("id") UUID id) {
        return AgentView.of(visible(id));
    }

    /** Within the caller's shop; an agent sees only themself. Anything else is not found. */
    private Agent visible(UUID id) {
        if (caller.seesOnlyOwnWork() && !caller.requireAgentId().equals(id)) {
            throw new NotFoundProblem("Agent", id);
        }
        return Agent.<Agent>find("id = ?1 and shopId = ?2", id, caller.shopId())
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundProblem("Agent", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change an agent's presence, capacity or name",
            description = "Coming ONLINE or gaining capacity hands out waiting tickets at once. "
                    + "Going AWAY or OFFLINE stops new tickets; open ones stay with the agent, unless going OFFLINE with "
                    + "handBackTickets: then they go back to the queue and are routed to others at once.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgentChange.class),
                            examples = @ExampleObject(name = "come online", value = "{\"status\": \"ONLINE\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The agent after the change",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing changed")
    @APIResponse(responseCode = "404", description = "No such agent")
    @APIResponse(responseCode = "403", description = "An agent changing anything but their own presence")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public AgentView change(@PathParam("id") UUID id, @NotNull @Valid AgentChange body) {
        Agent agent = visible(id);
        if (caller.seesOnlyOwnWork()
                && (body.name() != null || body.capacity() != null || body.shift() != null || body.skills() != null)) {
            throw new ForbiddenProblem(
                    "Agents change only their own presence (status); capacity, shift, skills and name are for supervisors");
        }
        boolean handBack = Boolean.TRUE.equals(body.handBackTickets());
        if (handBack && body.status() != AgentStatus.OFFLINE) {
            throw new InvalidRequestProblem("handBackTickets", "only when going OFFLINE (status OFFLINE)");
        }
        if (body.name() == null
                && body.capacity() == null
                && body.status() == null
                && body.shift() == null
                && body.skills() == null) {
            throw new InvalidRequestProblem("body", "give at least one of name, capacity, status, shift, skills");
        }
        String name = body.name() == null ? null : body.name().strip();
        if (name != null && name.isEmpty()) {
            throw new InvalidRequestProblem("name", "must not be blank");
        }
        return AgentView.of(roster.change(
                agent.id,
                new AgentRoster.Change(
                        name,
                        body.capacity(),
                        body.status(),
                        body.shift(),
                        body.skills() == null ? null : skills(body.skills()),
                        handBack,
                        caller.agentId().orElse(null))));
    }

    /** Trimmed, without repeats; none = any category. */
    private static String[] skills(List<String> given) {
        return given == null
                ? new String[0]
                : given.stream().map(String::strip).distinct().toArray(String[]::new);
    }
}
