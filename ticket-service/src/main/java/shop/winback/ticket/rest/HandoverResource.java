package shop.winback.ticket.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.problem.ConflictProblem;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.ticket.service.NightHandover;
import shop.winback.ticket.service.NightHandover.Report;

/** 晚班交接: the morning's handover of what the night shift left open. */
@Path("/api/v1/handovers")
@Tag(
        name = "Handovers",
        description =
                "Night-shift handover reports: what was handed to the day shift, and whether it was touched before the deadline")
@Produces(MediaType.APPLICATION_JSON)
public class HandoverResource {

    private final NightHandover handover;
    private final Caller caller;
    private final Clock clock;

    public HandoverResource(NightHandover handover, Caller caller, Clock clock) {
        this.handover = handover;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/{date}")
    @Operation(
            summary = "The handover report of a local day",
            description =
                    "The night shift's handover of the shop's local date: the tickets handed to the day shift and the time by which they must be touched (touchBy).")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @APIResponse(responseCode = "404", description = "No handover that day")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public Report get(
            @Parameter(description = "Local date of the shop", example = "2026-11-23") @PathParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestProblem("date", "a date such as 2026-11-23");
        }
        Report report = handover.report(caller.shopId(), day);
        if (report == null) {
            throw new NotFoundProblem("Handover", date);
        }
        return report;
    }

    @POST
    @Operation(
            summary = "Hand over now",
            description =
                    "Runs today's handover at once (it also runs by itself when the day shift starts). Once a day.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @APIResponse(responseCode = "409", description = "Today's handover was already done")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    public Report now() {
        Report report = handover.handOver(caller.shopId(), Instant.now(clock));
        if (report == null) {
            throw new ConflictProblem(
                    "handover-done", "Handover already done", "Today's handover of this shop was already done");
        }
        return report;
    }
}
