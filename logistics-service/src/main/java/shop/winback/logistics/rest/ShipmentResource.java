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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.logistics.domain.ParcelScan;
import shop.winback.logistics.domain.Shipment;
import shop.winback.logistics.domain.SlipLine;
import shop.winback.logistics.postage.Provinces;
import shop.winback.logistics.rest.Views.LookupView;
import shop.winback.logistics.rest.Views.ScanView;
import shop.winback.logistics.rest.Views.ShipmentView;
import shop.winback.logistics.service.CourierLookup;
import shop.winback.logistics.service.CourierTimes;
import shop.winback.logistics.service.Shipments;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;

@Path("/api/v1/shipments")
@Tag(name = "Shipments", description = "Parcels the shop sent, their packing slips and courier scans")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    static final String EXAMPLE = """
            {
              "orderId": "TB-O-88231907",
              "courier": "STO",
              "trackingNumber": "773012345678",
              "origin": {"province": "广东", "city": "广州"},
              "buyer": {"province": "辽宁", "city": "沈阳"},
              "originWeightGrams": 1000,
              "shippedAt": "2026-11-20T18:00:00+08:00",
              "packingSlip": [
                {"sku": "SKU-TS-WHITE-L", "title": "纯棉T恤 白色 L", "quantity": 2, "unitWeightGrams": 250, "outOfStock": false},
                {"sku": "SKU-SOCK-3P", "title": "袜子三双装", "quantity": 1, "unitWeightGrams": 100, "outOfStock": false}
              ]
            }""";

    private final Shipments shipments;
    private final CourierLookup lookup;
    private final Caller caller;
    private final CourierTimes times;

    public ShipmentResource(Shipments shipments, CourierLookup lookup, Caller caller, CourierTimes times) {
        this.shipments = shipments;
        this.lookup = lookup;
        this.caller = caller;
        this.times = times;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a shipment and its packing slip",
            description =
                    "The same order with the same courier and tracking number again answers 200 with the stored shipment.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ShipmentRequest.class),
                            examples = @ExampleObject(name = "two T-shirts and socks", value = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already registered: the stored shipment",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing stored")
    @APIResponse(
            responseCode = "409",
            description =
                    "The order is registered with another parcel, or the tracking number belongs to another of the shop's orders (numbers are unique within a shop; other shops' parcels are never mentioned)")
    @RolesAllowed(Roles.INTEGRATION)
    public Response register(@NotNull @Valid ShipmentRequest body) {
        caller.requireOwnShop(body.shopId());
        Shipments.Registered registered = shipments.register(toShipment(body));
        ShipmentView view = ShipmentView.of(registered.shipment());
        return registered.created()
                ? Response.created(URI.create("/api/v1/shipments/" + view.id()))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    @GET
    @Operation(
            summary = "Find the shop's shipment of an order",
            description =
                    "The shipment of the given order in the caller's shop, with its packing slip; 404 when the order system never registered one.")
    @APIResponse(
            responseCode = "200",
            description = "The shipments of the order (none or one)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            implementation = ShipmentView.class,
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .ARRAY)))
    @APIResponse(responseCode = "400", description = "No orderId")
    @RolesAllowed({Roles.INTEGRATION, Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public List<ShipmentView> byOrder(@QueryParam("orderId") String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new InvalidRequestProblem("orderId", "must not be blank");
        }
        return Shipment.ofOrder(caller.shopId(), orderId.strip()).map(ShipmentView::of).stream()
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get a shipment",
            description = "One shipment of the caller's shop with its packing slip and its weight at origin.")
    @APIResponse(
            responseCode = "200",
            description = "The shipment",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "404", description = "No such shipment in this shop")
    @RolesAllowed({Roles.INTEGRATION, Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public ShipmentView get(@PathParam("id") UUID id) {
        return ShipmentView.of(visible(id));
    }

    @GET
    @Path("/{id}/scans")
    @Operation(
            summary = "The courier scans of a shipment, oldest first",
            description =
                    "Every scan stored for the shipment (pushes and look-ups alike, each once), with station, status and weight where the courier gave one.")
    @APIResponse(
            responseCode = "200",
            description = "The scans",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            implementation = ScanView.class,
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .ARRAY)))
    @APIResponse(responseCode = "404", description = "No such shipment in this shop")
    @RolesAllowed({Roles.INTEGRATION, Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public List<ScanView> scans(@PathParam("id") UUID id) {
        return ParcelScan.ofShipment(visible(id).id).stream().map(ScanView::of).toList();
    }

    @POST
    @Path("/{id}/courier-lookup")
    @Operation(
            summary = "Ask the courier now",
            description =
                    "Queries Kuaidi100's real-time API and stores the scans it reports, each once (parcel.scanned.v1 for each new one). "
                            + "A courier failure is reported in the answer, not as an error.")
    @APIResponse(
            responseCode = "200",
            description = "What the courier said",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LookupView.class)))
    @APIResponse(responseCode = "404", description = "No such shipment in this shop")
    @RolesAllowed({Roles.INTEGRATION, Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public LookupView lookUp(@PathParam("id") UUID id) {
        CourierLookup.Outcome outcome = lookup.lookUp(visible(id));
        return new LookupView(
                outcome.asked(),
                outcome.reported(),
                outcome.added().size(),
                outcome.failure(),
                outcome.added().stream().map(ScanView::of).toList());
    }

    private Shipment visible(UUID id) {
        return Shipment.inShop(caller.shopId(), id).orElseThrow(() -> new NotFoundProblem("Shipment", id));
    }

    private Shipment toShipment(ShipmentRequest body) {
        List<shop.winback.platform.problem.Problem.Violation> violations = new ArrayList<>();
        String origin = province("origin.province", body.origin().province(), violations);
        String buyer = province("buyer.province", body.buyer().province(), violations);
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < body.packingSlip().size(); i++) {
            if (!skus.add(body.packingSlip().get(i).sku().strip())) {
                violations.add(new Problem.Violation("packingSlip[" + i + "].sku", "appears twice on the slip"));
            }
        }
        if (body.shippedAt() != null && times.tooFarAhead(body.shippedAt().toInstant())) {
            violations.add(new Problem.Violation("shippedAt", times.refusal()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestProblem(violations);
        }
        Shipment s = new Shipment();
        s.shopId = caller.shopId();
        s.orderId = body.orderId().strip();
        s.courier = body.courier();
        s.trackingNumber = body.trackingNumber().strip();
        s.originProvince = origin;
        s.originCity = body.origin().city();
        s.buyerProvince = buyer;
        s.buyerCity = body.buyer().city();
        s.originWeightGrams = body.originWeightGrams();
        s.shippedAt = body.shippedAt() == null ? null : body.shippedAt().toInstant();
        s.packingSlip = body.packingSlip().stream()
                .map(l -> new SlipLine(l.sku().strip(), l.title(), l.quantity(), l.unitWeightGrams(), l.outOfStock()))
                .toList();
        return s;
    }

    static String province(String field, String name, List<Problem.Violation> violations) {
        return Provinces.normalize(name).orElseGet(() -> {
            violations.add(new Problem.Violation(field, "is not a mainland province (e.g. 广东, 辽宁, 新疆)"));
            return null;
        });
    }
}
