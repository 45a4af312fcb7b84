package shop.winback.ticket.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.ticket.service.ShiftChanges;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;

/** The shop's shifts, service levels, call limit and incentive rates. */
@Path("/api/v1/ticket-settings")
@Tag(
        name = "Ticket settings",
        description = "Per-shop shifts, SLAs, call limit and incentives; every field defaults to DOMAIN's number")
@Produces(MediaType.APPLICATION_JSON)
public class TicketSettingsResource {

    private final TicketSettingsStore store;
    private final ShiftChanges shiftChanges;
    private final Caller caller;

    public TicketSettingsResource(TicketSettingsStore store, ShiftChanges shiftChanges, Caller caller) {
        this.store = store;
        this.shiftChanges = shiftChanges;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "The settings in force for the shop",
            description =
                    "The shop's own values where it set them, DOMAIN's defaults elsewhere: shifts, SLAs, incentives.")
    @APIResponse(
            responseCode = "200",
            description = "Settings",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketSettings.class)))
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public TicketSettings get() {
        return store.effective(caller.shopId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set the shop's settings",
            description =
                    "Omitted fields go back to the defaults. Shifts apply to routing at once (waiting tickets go to agents whose "
                            + "shift is now running, and to each later shift the moment it starts); SLA deadlines apply to tickets opened from now on.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketSettings.class),
                            examples = @ExampleObject(name = "late night shift", value = """
                    {"timeZone": "Asia/Shanghai", "dayShiftStart": "08:30", "dayShiftEnd": "17:30",
                     "nightShiftStart": "17:30", "nightShiftEnd": "01:00", "firstContactMinutes": 20, "callsPerBuyerPerDay": 2}""")))
    @APIResponse(
            responseCode = "200",
            description = "The settings now in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketSettings.class)))
    @APIResponse(responseCode = "400", description = "A value out of range; nothing changed")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    public TicketSettings put(@NotNull @Valid TicketSettings body) {
        if (body.timeZone() != null) {
            try {
                ZoneId.of(body.timeZone());
            } catch (DateTimeException e) {
                throw new InvalidRequestProblem("timeZone", "not an IANA time zone such as Asia/Shanghai");
            }
        }
        TicketSettings now = store.replace(caller.shopId(), body, caller.name());
        shiftChanges.shiftsChanged(caller.shopId());
        return now;
    }
}
