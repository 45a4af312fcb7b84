package shop.winback.logistics.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.logistics.domain.ClaimStatus;
import shop.winback.logistics.domain.Courier;
import shop.winback.logistics.domain.LostParcelClaim;
import shop.winback.logistics.rest.Views.ClaimView;
import shop.winback.logistics.service.ClaimReport;
import shop.winback.logistics.service.Claims;
import shop.winback.platform.problem.ForbiddenProblem;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.problem.QueryParams;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;

@Path("/api/v1/claims")
@Tag(name = "Lost-parcel claims", description = "丢件赔偿登记: claims against couriers, settled at month end")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimResource {

    /** Agents from 售后 up may file claims; 售前 and 售中 may not (DOMAIN: after-sales handles missing items). */
    static final Set<String> CLAIMING_TIERS = Set.of("AFTER_SALES", "REVIEW_RECOVERY", "SUPERVISOR", "MANAGER");

    private final Claims claims;
    private final ClaimReport report;
    private final LogisticsConfig config;
    private final Caller caller;

    public ClaimResource(Claims claims, ClaimReport report, LogisticsConfig config, Caller caller) {
        this.claims = claims;
        this.report = report;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "File a claim against the courier",
            description =
                    "From a LOST_IN_TRANSIT or DAMAGED_PARCEL weight check, once per check. Status OPEN; publishes lost-parcel.claimed.v1.")
    @APIResponse(
            responseCode = "201",
            description = "Filed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "An agent below after-sales")
    @APIResponse(responseCode = "404", description = "No such weight check in this shop")
    @APIResponse(
            responseCode = "409",
            description = "The verdict is not the courier's fault, or the check is already claimed")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public Response file(@NotNull @Valid ClaimRequests.File body) {
        if (!caller.overseesShop() && !CLAIMING_TIERS.contains(caller.tier().orElse(""))) {
            throw new ForbiddenProblem("Claims against couriers are filed by after-sales agents or higher");
        }
        LostParcelClaim c = claims.file(
                caller.shopId(), caller.name(), body.weightCheckId(), body.amountFen(), body.evidence(), body.note());
        return Response.created(URI.create("/api/v1/claims/" + c.id))
                .entity(ClaimView.of(c))
                .build();
    }

    @POST
    @Path("/{id}/settle")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record that the courier paid",
            description = "OPEN → SETTLED; publishes lost-parcel.claimed.v1 with status SETTLED.")
    @APIResponse(
            responseCode = "200",
            description = "Settled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "404", description = "No such claim in this shop")
    @APIResponse(responseCode = "409", description = "Already settled or rejected")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    public ClaimView settle(@PathParam("id") UUID id, @Valid ClaimRequests.Settle body) {
        ClaimRequests.Settle b = body == null ? new ClaimRequests.Settle(null, null) : body;
        return ClaimView.of(claims.settle(caller.shopId(), id, caller.name(), b.settledAmountFen(), b.note()));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record that the courier refused",
            description = "OPEN → REJECTED; publishes lost-parcel.claimed.v1 with status REJECTED.")
    @APIResponse(
            responseCode = "200",
            description = "Rejected",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "404", description = "No such claim in this shop")
    @APIResponse(responseCode = "409", description = "Already settled or rejected")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    public ClaimView reject(@PathParam("id") UUID id, @NotNull @Valid ClaimRequests.Reject body) {
        return ClaimView.of(claims.reject(caller.shopId(), id, caller.name(), body.reason()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get a claim",
            description = "One lost-parcel claim against the courier, with its verdict, evidence and settlement.")
    @APIResponse(
            responseCode = "200",
            description = "The claim",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "404", description = "No such claim in this shop")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public ClaimView get(@PathParam("id") UUID id) {
        return LostParcelClaim.inShop(caller.shopId(), id)
                .map(ClaimView::of)
                .orElseThrow(() -> new NotFoundProblem("Claim", id));
    }

    @GET
    @Operation(summary = "List the shop's claims, newest first", description = "Filter by status and courier.")
    @APIResponse(responseCode = "200", description = "One page of claims")
    @APIResponse(responseCode = "400", description = "A bad filter")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public Views.Page<ClaimView> list(
            @Parameter(description = "OPEN, SETTLED or REJECTED") @QueryParam("status") ClaimStatus status,
            @Parameter(description = "STO, YTO, ZTO, YUNDA, SF, EMS, BEST, TTK") @QueryParam("courier") Courier courier,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        StringBuilder query = new StringBuilder("shopId = :shop");
        Parameters params = Parameters.with("shop", caller.shopId());
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (courier != null) {
            query.append(" and courier = :courier");
            params.and("courier", courier);
        }
        query.append(" order by claimedAt desc, id");
        PanacheQuery<LostParcelClaim> found =
                LostParcelClaim.find(query.toString(), params).page(Page.of(page, size));
        return new Views.Page<>(
                found.<LostParcelClaim>list().stream().map(ClaimView::of).toList(), page, size, found.count());
    }

    @GET
    @Path("/month-end")
    @Operation(
            summary = "Month-end report per courier",
            description =
                    "Claims filed in the calendar month (in `zone`, default the service's zone, Asia/Shanghai): counts per status, "
                            + "amounts claimed, settled and still outstanding, in fen.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimReport.Report.class)))
    @APIResponse(responseCode = "400", description = "A bad month or zone")
    @RolesAllowed({Roles.REPORTING, Roles.MANAGER})
    public ClaimReport.Report monthEnd(
            @Parameter(
                            description = "YYYY-MM",
                            example = "2026-11",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("month")
                    YearMonth month,
            @Parameter(
                            description = "Region or offset",
                            example = "Asia/Shanghai",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("zone")
                    ZoneId zone) {
        if (month == null) {
            throw new InvalidRequestProblem("month", QueryParams.MONTH_MESSAGE);
        }
        return report.of(caller.shopId(), month, zone != null ? zone : config.zone());
    }
}
