package shop.winback.compensation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.LedgerEntry;
import shop.winback.compensation.rest.CompensationViews.LedgerView;
import shop.winback.compensation.service.MonthEndAccounts;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.security.Roles;

@Path("/api/v1")
@Tag(name = "Accounts", description = "The append-only ledger and the month-end accounts")
public class AccountsResource {

    private final MonthEndAccounts accounts;
    private final Identity identity;
    private final CompensationConfig config;

    public AccountsResource(MonthEndAccounts accounts, Identity identity, CompensationConfig config) {
        this.accounts = accounts;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Path("/accounts/{month}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Month-end accounts",
            description =
                    "Granted compensations of the month (shop time zone) by type, tier, agent, reason and day; courier-fault "
                            + "losses (lost-parcel claims from logistics-service) apart. Ask with Accept: text/csv for the CSV export.")
    @APIResponse(
            responseCode = "200",
            description = "The accounts",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = MonthEndAccounts.Accounts.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                        example = "section,key,count,amount_fen\ntotal,2026-11,2,2500\n"))
            })
    @APIResponse(responseCode = "400", description = "Not a month")
    @RolesAllowed({Roles.REPORTING, Roles.MANAGER})
    public MonthEndAccounts.Accounts month(@Parameter(example = "2026-11") @PathParam("month") String month) {
        return accounts.of(identity.shopId(), parseMonth(month));
    }

    @GET
    @Path("/accounts/{month}")
    @Produces("text/csv")
    @RolesAllowed({Roles.REPORTING, Roles.MANAGER})
    public Response monthCsv(@PathParam("month") String month) {
        YearMonth m = parseMonth(month);
        return Response.ok(MonthEndAccounts.csv(accounts.of(identity.shopId(), m)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"compensations-" + m + ".csv\"")
                .build();
    }

    @GET
    @Path("/ledger/{month}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The ledger entries of a month",
            description = "Oldest first; one entry per granted compensation.")
    @APIResponse(
            responseCode = "200",
            description = "Ledger entries",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LedgerView[].class)))
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public List<LedgerView> ledger(@Parameter(example = "2026-11") @PathParam("month") String month) {
        YearMonth m = parseMonth(month);
        return LedgerEntry.<LedgerEntry>list(
                        "shopId = ?1 and grantedAt >= ?2 and grantedAt < ?3 order by grantedAt, id",
                        identity.shopId(),
                        m.atDay(1).atStartOfDay(config.zone()).toInstant(),
                        m.plusMonths(1).atDay(1).atStartOfDay(config.zone()).toInstant())
                .stream()
                .map(LedgerView::of)
                .toList();
    }

    private static YearMonth parseMonth(String raw) {
        try {
            return YearMonth.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestProblem("month", "must be a month as YYYY-MM, e.g. 2026-11");
        }
    }
}
