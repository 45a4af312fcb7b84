package shop.winback.ticket.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.ticket.live.LiveConfig;
import shop.winback.ticket.live.LiveEvent;
import shop.winback.ticket.live.LiveEvent.Audience;
import shop.winback.ticket.live.LiveFeed;
import shop.winback.ticket.live.LiveFeed.Delivery;

/**
 * The live streams (Server-Sent Events) of issue 18: what concerns one agent's desk, and the shop's supervision.
 * Authorised like the REST API before the stream starts (401/403 problem+json); then events, each with a resume id.
 */
@Path("/api/v1")
@Tag(
        name = "Live events",
        description =
                "Server-Sent Events of the desk and of supervision, fed from the service's committed changes (tickets.v1). "
                        + "Resumable: send the last id received as Last-Event-ID.")
public class EventStreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String STREAM_RULES =
            " Each event's `data:` is JSON (LiveEventData: ids, states and times, no "
                    + "buyer phone, address or free text; read the ticket through the REST API for the rest) and its `id:` an "
                    + "opaque resume token, the same on every instance. Reconnecting with `Last-Event-ID` replays, in order, "
                    + "the events missed while they are still held (about 10 minutes); when they are not, or the id is unknown, "
                    + "the stream first sends `event: reset` (reload your lists), then carries on live. A comment line "
                    + "(`:heartbeat`) every 15 s keeps idle connections open.";

    private final LiveFeed feed;
    private final Caller caller;
    private final ObjectMapper json;
    private final LiveConfig config;

    public EventStreamResource(LiveFeed feed, Caller caller, ObjectMapper json, LiveConfig config) {
        this.feed = feed;
        this.caller = caller;
        this.json = json;
        this.config = config;
    }

    @GET
    @Path("/desk/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.AGENT)
    @Operation(
            summary = "The agent's live desk (Server-Sent Events)",
            description = "For an agent token: what concerns this agent, as it is committed. Events: `assigned` (a "
                    + "ticket is now mine: routed, moved to me; previousAgentId when it was someone else's), "
                    + "`unassigned` (moved away from me, handed back to the queue or handed over: agentId is who has it "
                    + "now, if anyone), `escalated` (a service level of one of my tickets was breached: reason), "
                    + "`call-now` (the buyer of one of my tickets is online: call while calls are left today), "
                    + "`closed` (one of my tickets was resolved: outcome)."
                    + STREAM_RULES)
    @APIResponse(
            responseCode = "200",
            description = "The stream, until the client closes it: events of `id:`, `event:` (the name) and `data:` "
                    + "(this schema, JSON)",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = LiveEvent.Data.class),
                            examples =
                                    @ExampleObject(
                                            name = "assigned: the data of a ticket assigned to me",
                                            value = "{\"ticketId\":\"9a0c1e2f-3b4d-4e5f-8a6b-7c8d9e0f1a2b\","
                                                    + "\"shopId\":\"demo-shop\",\"orderId\":\"TB-O-88231907\","
                                                    + "\"at\":\"2026-11-23T01:30:02.151Z\","
                                                    + "\"agentId\":\"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f\","
                                                    + "\"reason\":\"NEXT_FREE\"}")))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an agent token, or one without the agent's id")
    public Multi<OutboundSseEvent> desk(
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = LAST_EVENT_ID,
                            description = "The id of the last event received, to resume after it",
                            example = "0-1523.1-977.2-1201.3-880.4-1410.5-1032")
                    @HeaderParam(LAST_EVENT_ID)
                    String lastEventId,
            @Context Sse sse) {
        String shop = caller.shopId();
        UUID agent = caller.requireAgentId();
        return stream(
                e -> e.audience() == Audience.DESK
                        && agent.equals(e.deskAgentId())
                        && shop.equals(e.data().shopId()),
                lastEventId,
                sse);
    }

    @GET
    @Path("/supervision/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    @Operation(
            summary = "The shop's live supervision (Server-Sent Events)",
            description = "For the shop's supervisors and managers: the queue and the service levels, as they are "
                    + "committed. Events: `queued` (a ticket waits with no agent: opened and not routable now, or "
                    + "handed back), `assigned` (a ticket went to agentId; previousAgentId on a reassignment), "
                    + "`breached` (a service level was breached: reason, dueAt; supervisorId when a supervisor was on "
                    + "shift), then `escalated` with the same data when it was escalated to that supervisor, `closed` "
                    + "(a ticket was resolved: outcome), `approval-waiting` (a compensation waits for a supervisor's or "
                    + "manager's approval: compensationId, agentId who asked, reason = why it needs approval), "
                    + "`approval-decided` (someone approved or rejected it: outcome). Approvals come from "
                    + "compensations.v1 (compensation-service); read them through its REST API."
                    + STREAM_RULES)
    @APIResponse(
            responseCode = "200",
            description = "The stream, until the client closes it: events of `id:`, `event:` (the name) and `data:` "
                    + "(this schema, JSON)",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = LiveEvent.Data.class),
                            examples =
                                    @ExampleObject(
                                            name = "breached: the data of a breached service level",
                                            value = "{\"ticketId\":\"9a0c1e2f-3b4d-4e5f-8a6b-7c8d9e0f1a2b\","
                                                    + "\"shopId\":\"demo-shop\",\"orderId\":\"TB-O-88231907\","
                                                    + "\"at\":\"2026-11-23T02:00:10Z\","
                                                    + "\"agentId\":\"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f\","
                                                    + "\"reason\":\"FIRST_CONTACT_OVERDUE\","
                                                    + "\"supervisorId\":\"3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a\","
                                                    + "\"dueAt\":\"2026-11-23T02:00:02.151Z\"}")))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a supervisor or manager of this shop")
    public Multi<OutboundSseEvent> supervision(
            @Parameter(description = "Optional: the token's shop", example = "demo-shop") @QueryParam("shopId")
                    String shopId,
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = LAST_EVENT_ID,
                            description = "The id of the last event received, to resume after it",
                            example = "0-1523.1-977.2-1201.3-880.4-1410.5-1033")
                    @HeaderParam(LAST_EVENT_ID)
                    String lastEventId,
            @Context Sse sse) {
        caller.requireOwnShop(shopId);
        String shop = caller.shopId();
        return stream(
                e -> e.audience() == Audience.SUPERVISION
                        && shop.equals(e.data().shopId()),
                lastEventId,
                sse);
    }

    private Multi<OutboundSseEvent> stream(Predicate<LiveEvent> concerns, String lastEventId, Sse sse) {
        Multi<OutboundSseEvent> events = feed.subscribe(concerns, lastEventId).map(d -> event(d, sse));
        // ticks nobody waits for are dropped: a heartbeat only matters while the connection is idle
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom()
                .ticks()
                .every(config.heartbeat())
                .onOverflow()
                .drop()
                .map(t -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    private OutboundSseEvent event(Delivery d, Sse sse) {
        if (d.isReset()) {
            return sse.newEventBuilder()
                    .id(d.id())
                    .name(LiveEvent.RESET)
                    .data("{}")
                    .build();
        }
        try {
            return sse.newEventBuilder()
                    .id(d.id())
                    .name(d.event().name())
                    .data(json.writeValueAsString(d.event().data()))
                    .build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
