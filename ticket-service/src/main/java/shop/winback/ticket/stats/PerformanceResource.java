package shop.winback.ticket.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.ticket.settings.TicketSettingsStore;
import shop.winback.ticket.stats.StatsViews.AgentIncentive;
import shop.winback.ticket.stats.StatsViews.AgentPerformance;
import shop.winback.ticket.stats.StatsViews.Incentives;
import shop.winback.ticket.stats.StatsViews.RecoveriesByDay;

/**
 * What the shop wants to see (DOMAIN "statistics"): agent performance, recoveries against new
 * negative reviews per day, incentives. Read-only, for supervisors, managers and reporting jobs,
 * always of the token's own shop, in local days of the shop's time zone.
 */
@Path("/api/v1")
@Tag(name = "Performance", description = "Agent performance, daily throughput against risk, incentives")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
public class PerformanceResource {

    private static final String FROM =
            "First local day (yyyy-MM-dd), included. Give both from and to, or neither for the last 7 days up to today.";
    private static final String TO = "Last local day (yyyy-MM-dd), included; at most 366 days from from.";

    private final PerformanceQueries queries;
    private final TicketSettingsStore settings;
    private final Caller caller;
    private final Clock clock;

    public PerformanceResource(PerformanceQueries queries, TicketSettingsStore settings, Caller caller, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/agent-performance")
    @Operation(
            summary = "Agent performance per local day (客服绩效)",
            description =
                    "One row per agent and day with activity: tickets assigned, contacted, recovered and resolved, "
                            + "success rate, median time from review to first contact and to resolution, escalations, "
                            + "compensation paid.")
    @APIResponse(
            responseCode = "200",
            description = "The rows, by day then agent name",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgentPerformance.class)))
    @APIResponse(responseCode = "400", description = "Invalid period; the problem names the parameter")
    public AgentPerformance agentPerformance(@BeanParam Days days) {
        String shop = caller.shopId();
        Period period = period(shop, days);
        return new AgentPerformance(
                shop, period.from(), period.to(), period.zone().getId(), queries.agentDays(shop, period));
    }

    @GET
    @Path("/recoveries-by-day")
    @Operation(
            summary = "Recoveries and new negative reviews per local day",
            description = "The team's throughput (tickets and reviews recovered, 修改日期) against the shop's risk "
                    + "(neutral and bad reviews received, 产生日期), every day of the period.")
    @APIResponse(
            responseCode = "200",
            description = "One row per day, days without activity included",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecoveriesByDay.class)))
    @APIResponse(responseCode = "400", description = "Invalid period; the problem names the parameter")
    public RecoveriesByDay recoveriesByDay(@BeanParam Days days) {
        String shop = caller.shopId();
        Period period = period(shop, days);
        return new RecoveriesByDay(
                shop, period.from(), period.to(), period.zone().getId(), queries.recoveryDays(shop, period));
    }

    @GET
    @Path("/incentives")
    @Operation(
            summary = "Incentives earned and compensation spent per agent",
            description =
                    "Per agent over the period: neutral and bad tickets recovered, the incentive credited for them "
                            + "(at the shop's rates when each was recovered) and the compensation paid on their tickets.")
    @APIResponse(
            responseCode = "200",
            description = "One row per agent, most incentive first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Incentives.class)))
    @APIResponse(responseCode = "400", description = "Invalid period; the problem names the parameter")
    public Incentives incentives(@BeanParam Days days) {
        String shop = caller.shopId();
        Period period = period(shop, days);
        List<AgentIncentive> rows = queries.incentives(shop, period);
        return new Incentives(
                shop,
                period.from(),
                period.to(),
                period.zone().getId(),
                rows,
                rows.stream().mapToLong(AgentIncentive::incentiveFen).sum(),
                rows.stream().mapToLong(AgentIncentive::compensationSpentFen).sum());
    }

    /** The period's query parameters, as every statistic takes them. */
    public static class Days {
        @Parameter(description = FROM, example = "2026-11-01")
        @QueryParam("from")
        LocalDate from;

        @Parameter(description = TO, example = "2026-11-30")
        @QueryParam("to")
        LocalDate to;
    }

    private Period period(String shop, Days days) {
        return Period.of(days.from, days.to, settings.effective(shop).zone(), clock);
    }
}
