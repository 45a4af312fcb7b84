package shop.winback.logistics.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.logistics.domain.MissingItem;
import shop.winback.logistics.domain.WeightCheck;
import shop.winback.logistics.rest.Views.WeightCheckView;
import shop.winback.logistics.service.WeightChecks;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;

@Path("/api/v1/weight-checks")
@Tag(name = "Weight checks", description = "称重: is a missing item short-shipped, lost in transit, or not supported?")
@Produces(MediaType.APPLICATION_JSON)
public class WeightCheckResource {

    private final WeightChecks checks;
    private final Caller caller;

    public WeightCheckResource(WeightChecks checks, Caller caller) {
        this.checks = checks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Check a missing-item complaint",
            description =
                    "In DOMAIN's order: the packing slip (SHORT_SHIPPED), a damaged parcel with few pieces missing (DAMAGED_PARCEL), "
                            + "then the weights at origin and at the last station (LOST_IN_TRANSIT, CLAIM_NOT_SUPPORTED), else INCONCLUSIVE "
                            + "with what is missing. When the weights would decide but are not known, the courier is asked first. "
                            + "Publishes weight-check.completed.v1.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WeightCheckRequest.class),
                            examples = @ExampleObject(name = "socks missing", value = """
            {"orderId": "TB-O-88231907", "missingItems": [{"sku": "SKU-SOCK-3P", "quantity": 1}], "damaged": false,
             "ticketId": "9a0c1e2f-3b4d-4e5f-8a6b-7c8d9e0f1a2b"}""")))
    @APIResponse(
            responseCode = "201",
            description = "The verdict with its evidence",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WeightCheckView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or an item that is not on the packing slip")
    @APIResponse(responseCode = "404", description = "No shipment of that order in this shop")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public Response check(@NotNull @Valid WeightCheckRequest body) {
        Map<String, Integer> pieces = new LinkedHashMap<>();
        for (int i = 0; i < body.missingItems().size(); i++) {
            WeightCheckRequest.Item item = body.missingItems().get(i);
            if (pieces.put(item.sku().strip(), item.quantity() == null ? 1 : item.quantity()) != null) {
                throw new InvalidRequestProblem("missingItems[" + i + "].sku", "appears twice");
            }
        }
        List<MissingItem> missing = pieces.entrySet().stream()
                .map(e -> new MissingItem(e.getKey(), e.getValue()))
                .toList();
        WeightCheck check = checks.check(
                caller.shopId(),
                caller.name(),
                new WeightChecks.Request(body.orderId().strip(), missing, body.damaged(), body.ticketId()));
        return Response.created(URI.create("/api/v1/weight-checks/" + check.id))
                .entity(WeightCheckView.of(check))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get a weight check",
            description = "One weight check with its verdict, the weights compared and the evidence.")
    @APIResponse(
            responseCode = "200",
            description = "The weight check",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WeightCheckView.class)))
    @APIResponse(responseCode = "404", description = "No such weight check in this shop")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public WeightCheckView get(@PathParam("id") UUID id) {
        return WeightCheck.inShop(caller.shopId(), id)
                .map(WeightCheckView::of)
                .orElseThrow(() -> new NotFoundProblem("Weight check", id));
    }

    @GET
    @Operation(
            summary = "The weight checks of an order, newest first",
            description = "Every weight check of the order in the caller's shop, with verdict and evidence.")
    @APIResponse(
            responseCode = "200",
            description = "The checks",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WeightCheckView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "No orderId")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public List<WeightCheckView> ofOrder(@QueryParam("orderId") String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new InvalidRequestProblem("orderId", "must not be blank");
        }
        return WeightCheck.<WeightCheck>list(
                        "shopId = ?1 and orderId = ?2 order by checkedAt desc", caller.shopId(), orderId.strip())
                .stream()
                .map(WeightCheckView::of)
                .toList();
    }
}
