package shop.winback.compensation.rest;

import io.quarkus.panache.common.Page;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.compensation.domain.Payout;
import shop.winback.compensation.domain.PayoutStatus;
import shop.winback.compensation.rest.CompensationViews.Confirmation;
import shop.winback.compensation.rest.CompensationViews.PayoutView;
import shop.winback.compensation.service.PayoutDesk;
import shop.winback.platform.security.Roles;

/**
 * The payout table as the shop platform sees it (the payout row is the order, CompensationDesk): poll PENDING payouts, execute
 * each once keyed by its id, confirm.
 */
@Path("/api/v1/payouts")
@Tag(
        name = "Payouts",
        description = "Granted compensations for the shop platform to execute; the payout id is the idempotency key")
@Produces(MediaType.APPLICATION_JSON)
public class PayoutResource {

    private final PayoutDesk desk;
    private final Identity identity;

    public PayoutResource(PayoutDesk desk, Identity identity) {
        this.desk = desk;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List payouts", description = "The order system polls status=PENDING, oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "Payouts, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PayoutView[].class)))
    @RolesAllowed({Roles.INTEGRATION, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public List<PayoutView> list(
            @Parameter(schema = @Schema(implementation = PayoutStatus.class)) @QueryParam("status") PayoutStatus status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        var query = status == null
                ? Payout.<Payout>find("shopId = ?1 order by createdAt, id", identity.shopId())
                : Payout.<Payout>find("shopId = ?1 and status = ?2 order by createdAt, id", identity.shopId(), status);
        return query.page(Page.ofSize(limit)).list().stream()
                .map(PayoutView::of)
                .toList();
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a payout's execution",
            description =
                    "EXECUTED marks the compensation PAID and publishes compensation.paid.v1 — once, however often it is "
                            + "confirmed. FAILED puts it back to PENDING to be retried with the same id, until the attempts run out.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Confirmation.class),
                            examples =
                                    @ExampleObject(
                                            name = "executed",
                                            value =
                                                    "{\"outcome\": \"EXECUTED\", \"platformReference\": \"TB-REFUND-5521\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The payout after the report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PayoutView.class)))
    @APIResponse(responseCode = "404", description = "No such payout in your shop")
    @APIResponse(responseCode = "409", description = "FAILED reported for an executed payout")
    @RolesAllowed(Roles.INTEGRATION)
    public PayoutView confirm(@PathParam("id") UUID id, @NotNull @Valid Confirmation body) {
        return PayoutView.of(
                desk.confirm(identity.shopId(), id, body.outcome(), body.platformReference(), body.failure()));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(
            summary = "Offer a FAILED payout to the platform again (same id)",
            description =
                    "Only a FAILED payout can be retried; it keeps its id, so the platform never pays twice (idempotency key).")
    @APIResponse(
            responseCode = "200",
            description = "PENDING again",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PayoutView.class)))
    @APIResponse(responseCode = "409", description = "Not FAILED")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    public PayoutView retry(@PathParam("id") UUID id) {
        return PayoutView.of(desk.retry(identity.shopId(), id));
    }
}
