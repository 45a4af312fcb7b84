package shop.winback.ticket.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.winback.ticket.domain.TicketStatus;

/** Echoes typed query parameters, so a test sees platform's QueryParamConverters at work over HTTP. Tests only. */
@Path("/test/typed-params")
@PermitAll
public class TypedParamsTestResource {

    @GET
    @Operation(hidden = true)
    public Map<String, String> echo(
            @QueryParam("status") TicketStatus status,
            @QueryParam("fallback") @DefaultValue("CLOSED") TicketStatus fallback,
            @QueryParam("agentId") UUID agentId,
            @QueryParam("since") Instant since,
            @QueryParam("day") LocalDate day,
            @QueryParam("zone") ZoneId zone) {
        Map<String, String> echo = new LinkedHashMap<>();
        echo.put("status", String.valueOf(status));
        echo.put("fallback", String.valueOf(fallback));
        echo.put("agentId", String.valueOf(agentId));
        echo.put("since", String.valueOf(since));
        echo.put("day", String.valueOf(day));
        echo.put("zone", String.valueOf(zone));
        return echo;
    }

    /** A path parameter keeps JAX-RS's own conversion: only query parameters are the converters' business. */
    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public String path(@PathParam("id") UUID id) {
        return id.toString();
    }
}
