package shop.winback.logistics.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.logistics.domain.Courier;
import shop.winback.logistics.postage.Zone;
import shop.winback.logistics.service.PostageEstimator;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.problem.QueryParams;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;

@Path("/api/v1/postage")
@Tag(name = "Postage", description = "What a parcel costs to send: return postage for compensation decisions")
@Produces(MediaType.APPLICATION_JSON)
public class PostageResource {

    private final PostageEstimator estimator;
    private final Caller caller;

    public PostageResource(PostageEstimator estimator, Caller caller) {
        this.estimator = estimator;
        this.caller = caller;
    }

    @Schema(name = "PostageEstimate")
    public record PostageView(
            Courier courier,
            String from,
            String to,
            int weightGrams,
            long firstKiloFen,
            long extraKiloFen,
            long totalFen,
            boolean remote,
            Zone zone) {}

    @GET
    @Operation(
            summary = "Estimate postage",
            description =
                    "totalFen = firstKiloFen + extra kilos (rounded up) × extraKiloFen. Zone: LOCAL (same province), REGIONAL "
                            + "(same region), NATIONAL, REMOTE (to or from a remote area, flagged remote: by default 新疆, 西藏, 青海, 内蒙古, "
                            + "甘肃, 宁夏, 海南; the shop's own list, down to cities, in logistics-settings' remoteAreas, matched with fromCity/toCity). "
                            + "The shop's own prices (logistics-settings) replace the defaults.")
    @APIResponse(
            responseCode = "200",
            description = "The estimate",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PostageView.class),
                            examples = @ExampleObject(name = "STO Guangdong → Liaoning, 1 kg", value = """
            {"courier":"STO","from":"广东","to":"辽宁","weightGrams":1000,"firstKiloFen":1500,"extraKiloFen":800,"totalFen":1500,"remote":false,"zone":"NATIONAL"}""")))
    @APIResponse(
            responseCode = "400",
            description = "Unknown courier or province, or a weight that is not a positive whole number of grams")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.INTEGRATION, Roles.REPORTING})
    public PostageView estimate(
            @Parameter(description = "STO, YTO, ZTO, YUNDA, SF, EMS, BEST, TTK", example = "STO", required = true)
                    @QueryParam("courier")
                    String courierParam,
            @Parameter(description = "Origin province", example = "广东", required = true) @QueryParam("from")
                    String fromParam,
            @Parameter(description = "Destination province", example = "辽宁", required = true) @QueryParam("to")
                    String toParam,
            @Parameter(description = "Parcel weight in grams, > 0", example = "1000", required = true)
                    @QueryParam("weightGrams")
                    String weightParam,
            @Parameter(description = "Origin city, for remote areas listed down to cities", example = "广州")
                    @QueryParam("fromCity")
                    String fromCity,
            @Parameter(
                            description = "Destination city or county, for remote areas listed down to cities",
                            example = "沈阳")
                    @QueryParam("toCity")
                    String toCity) {
        List<Problem.Violation> violations = new ArrayList<>();
        Courier courier = null;
        if (courierParam == null || courierParam.isBlank()) {
            violations.add(
                    new Problem.Violation("courier", "is required: one of STO, YTO, ZTO, YUNDA, SF, EMS, BEST, TTK"));
        } else {
            try {
                courier = QueryParams.enumValue("courier", courierParam, Courier.class);
            } catch (InvalidRequestProblem e) {
                violations.addAll(e.violations());
            }
        }
        String from = ShipmentResource.province("from", fromParam, violations);
        String to = ShipmentResource.province("to", toParam, violations);
        Integer weight = null;
        try {
            weight = Integer.valueOf(weightParam == null ? "" : weightParam.strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (weight == null || weight <= 0 || weight > 1_000_000) {
            violations.add(new Problem.Violation("weightGrams", "must be a whole number of grams, 1 to 1000000"));
        }
        for (var city : new String[][] {{"fromCity", fromCity}, {"toCity", toCity}}) {
            if (city[1] != null && (city[1].isBlank() || city[1].length() > 30)) {
                violations.add(new Problem.Violation(city[0], "must be a city name of at most 30 characters"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestProblem(violations);
        }
        PostageEstimator.Estimate e = estimator.estimate(caller.shopId(), courier, from, fromCity, to, toCity, weight);
        return new PostageView(
                e.courier(),
                e.from(),
                e.to(),
                e.weightGrams(),
                e.rate().firstKiloFen(),
                e.rate().extraKiloFen(),
                e.totalFen(),
                e.remote(),
                e.zone());
    }
}
