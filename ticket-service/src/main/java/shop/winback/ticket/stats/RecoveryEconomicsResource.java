package shop.winback.ticket.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;
import shop.winback.ticket.stats.EconomicsViews.RecoveryEconomics;

/**
 * Recovery economics (issue 17): what recovering neutral and bad reviews costs the shop and what it
 * wins back, per local day, for the shop or by agent, product or complaint reason. Read from the
 * per-day counters, for supervisors, managers and reporting jobs, always of the token's own shop.
 */
@Path("/api/v1")
@Tag(name = "Performance", description = "Agent performance, daily throughput against risk, incentives")
@RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
public class RecoveryEconomicsResource {

    static final String CSV = "text/csv";

    private static final String JSON_EXAMPLE = """
            {"shopId": "demo-shop", "from": "2026-11-24", "to": "2026-11-24", "timeZone": "Asia/Shanghai", "by": "shop",
             "rates": {"buyerValueFen": 3000, "avoidedBadReviewCostFen": 0, "incentiveNeutralFen": 300, "incentiveBadFen": 500},
             "total": {"reviewsReceived": 120, "goodReviews": 114, "neutralReviews": 4, "badReviews": 2, "positiveRate": 0.95,
                       "ticketsOpened": 6, "stillOpen": 1, "recovered": 4, "recoveredNeutral": 3, "recoveredBad": 1,
                       "unrecovered": 1, "compensationPaidFen": 1500,
                       "compensationPaidFenByType": {"COUPON": 1000, "PARTIAL_REFUND": 500},
                       "courierClaimedFen": 2990, "courierSettledFen": 2990, "incentiveFen": 1400, "costPerRecoveryFen": 375, "valueRecoveredFen": 12000,
                       "toAssignment": {"count": 6, "medianSeconds": 2, "p90Seconds": 5},
                       "toFirstContact": {"count": 5, "medianSeconds": 540, "p90Seconds": 1466},
                       "toResolution": {"count": 5, "medianSeconds": 7364, "p90Seconds": 30574}},
             "rows": [{"day": "2026-11-24", "key": null, "name": null, "figures": {"reviewsReceived": 120, "goodReviews": 114,
                       "neutralReviews": 4, "badReviews": 2, "positiveRate": 0.95, "ticketsOpened": 6, "stillOpen": 1,
                       "recovered": 4, "recoveredNeutral": 3, "recoveredBad": 1, "unrecovered": 1, "compensationPaidFen": 1500,
                       "compensationPaidFenByType": {"COUPON": 1000, "PARTIAL_REFUND": 500}, "courierClaimedFen": 2990,
                       "courierSettledFen": 2990, "incentiveFen": 1400,
                       "costPerRecoveryFen": 375, "valueRecoveredFen": 12000,
                       "toAssignment": {"count": 6, "medianSeconds": 2, "p90Seconds": 5},
                       "toFirstContact": {"count": 5, "medianSeconds": 540, "p90Seconds": 1466},
                       "toResolution": {"count": 5, "medianSeconds": 7364, "p90Seconds": 30574}}}],
             "totals": []}""";

    private static final String CSV_EXAMPLE = """
            day,by,key,name,reviewsReceived,goodReviews,neutralReviews,badReviews,positiveRate,ticketsOpened,stillOpen,\
            recovered,recoveredNeutral,recoveredBad,unrecovered,compensationPaidFen,compensationPaidFen_ROUND_OFF,\
            compensationPaidFen_COUPON,compensationPaidFen_PARTIAL_REFUND,compensationPaidFen_GIFT_NEXT_ORDER,\
            compensationPaidFen_FREE_SHIPPING_NEXT_ORDER,compensationPaidFen_RETURN_FOR_REFUND,compensationPaidFen_FREE_RESEND,\
            compensationPaidFen_FULL_REFUND_NO_RETURN,courierClaimedFen,courierSettledFen,incentiveFen,costPerRecoveryFen,\
            valueRecoveredFen,assignments,\
            medianSecondsToAssignment,p90SecondsToAssignment,firstContacts,medianSecondsToFirstContact,p90SecondsToFirstContact,\
            resolutions,medianSecondsToResolution,p90SecondsToResolution
            2026-11-24,product,SKU-TS-WHITE-L,,3,1,1,1,0.3333,2,0,2,1,1,0,1000,0,1000,0,0,0,0,0,0,0,0,800,500,6000,2,3,5,2,540,600,2,7364,9001
            """;

    private final EconomicsReport report;
    private final TicketSettingsStore settings;
    private final Caller caller;
    private final Clock clock;

    public RecoveryEconomicsResource(EconomicsReport report, TicketSettingsStore settings, Caller caller, Clock clock) {
        this.report = report;
        this.settings = settings;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/recovery-economics")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(
            summary = "Recovery economics per local day: reviews, outcomes, times, money paid and value recovered",
            description =
                    "For the token's shop and a period of local days (the shop's time zone): reviews received and the "
                            + "positive-review rate (好评率); neutral and bad reviews that became tickets, recovered, unrecovered and "
                            + "still open; median and 90th-percentile seconds from the review to assignment, first contact and "
                            + "resolution; compensations approved by type; courier-fault losses claimed from couriers and paid back "
                            + "(logistics-service's lost-parcel claims); the agents' incentive; cost per recovery and the value "
                            + "recovered (recovered buyers × the shop's buyerValueFen, 30 元 by default, plus its avoidedBadReviewCostFen). "
                            + "by=shop gives every day; by=agent, product or reason each member's totals over the period and, for "
                            + "periods of up to 31 days, one row per day and member with activity (reviews are not broken down by "
                            + "agent: no agent holds them yet). JSON, or CSV with Accept: text/csv or format=csv (a header row, then "
                            + "the same rows; a breakdown over a longer period: the members' totals, without a day). Read from "
                            + "per-day counters kept as the events "
                            + "arrive, so a report costs the same whatever the shop's history.")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = RecoveryEconomics.class),
                        examples = @ExampleObject(name = "one day", value = JSON_EXAMPLE)),
                @Content(
                        mediaType = CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "by product", value = CSV_EXAMPLE))
            })
    @APIResponse(
            responseCode = "400",
            description = "Invalid period, breakdown or format; the problem names the parameter")
    public Response economics(
            @BeanParam PerformanceResource.Days days,
            @Parameter(
                            description =
                                    "Breakdown: shop (default), agent, product (SKU) or reason (complaint reason)",
                            schema = @Schema(enumeration = {"shop", "agent", "product", "reason"}),
                            example = "product")
                    @QueryParam("by")
                    String by,
            @Parameter(
                            description = "json or csv; overrides the Accept header",
                            schema = @Schema(enumeration = {"json", "csv"}),
                            example = "csv")
                    @QueryParam("format")
                    String format,
            @Context HttpHeaders headers) {
        Breakdown breakdown = breakdown(by);
        boolean csv = csv(format, headers);
        String shop = caller.shopId();
        TicketSettings shopSettings = settings.effective(shop);
        Period period = Period.of(days.from, days.to, shopSettings.zone(), clock);
        RecoveryEconomics economics = report.of(shop, period, breakdown, shopSettings);
        if (!csv) {
            return Response.ok(economics, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(EconomicsCsv.of(economics), CSV + "; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"recovery-economics-" + economics.by() + "-" + period.from() + "-"
                                + period.to() + ".csv\"")
                .build();
    }

    private static Breakdown breakdown(String by) {
        if (by == null || by.isBlank()) {
            return Breakdown.SHOP;
        }
        try {
            return Breakdown.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem("by", "must be one of shop, agent, product, reason");
        }
    }

    /** format wins; else the first media type the caller accepts that we serve (JSON when it accepts anything). */
    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidRequestProblem("format", "must be json or csv");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }
}
