package shop.winback.compensation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.compensation.client.PostageEstimator;
import shop.winback.compensation.domain.Tier;
import shop.winback.compensation.quote.Postage;
import shop.winback.compensation.quote.Quote;
import shop.winback.compensation.quote.QuoteEngine;
import shop.winback.compensation.quote.QuoteInput;
import shop.winback.compensation.service.Authority;
import shop.winback.compensation.service.OrderCases;
import shop.winback.compensation.service.Requester;
import shop.winback.compensation.settings.ShopSettings;
import shop.winback.compensation.settings.ShopSettingsStore;
import shop.winback.platform.security.Roles;

@Path("/api/v1/quotes")
@Tag(
        name = "Quotes",
        description =
                "The compensation ladder for one case: options with the shop's cost, cheapest first (like Shopify's refund calculate)")
@Produces(MediaType.APPLICATION_JSON)
public class QuoteResource {

    private final ShopSettingsStore settings;
    private final PostageEstimator postage;
    private final Identity identity;
    private final JsonWebToken token;
    private final OrderCases cases;
    private final Clock clock;

    public QuoteResource(
            ShopSettingsStore settings,
            PostageEstimator postage,
            Identity identity,
            JsonWebToken token,
            OrderCases cases,
            Clock clock) {
        this.clock = clock;
        this.settings = settings;
        this.postage = postage;
        this.identity = identity;
        this.token = token;
        this.cases = cases;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Quote the compensation options for a case",
            description =
                    "At least two options, cheapest first, each with the shop's expected cost in fen, its share of the "
                            + "order and its rung of the compensation ladder, and the first offer to make. Decided from the order's own "
                            + "facts, learned from its reviews on reviews.v1 (orderFacts says which were used); figures in the request "
                            + "must agree with them (422 naming the field). The shop's standard 中评/差评 coupon is always an option, never "
                            + "cut by the return-postage ceiling. For a suspected professional bad-reviewer no cash option is within "
                            + "authority (approvalBecause SUSPECTED_PROFESSIONAL) and the quote says why. For an order no review has told "
                            + "us about, the request's figures are used and nothing costing money is within authority below the manager. "
                            + "The return postage comes from logistics-service, or from the fallback table when it does "
                            + "not answer within a second (returnPostage.source says which). Stores nothing.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuoteRequest.class),
                            examples = @ExampleObject(name = "bad review, 2 items, North-East", value = """
                    {"orderId": "TB-O-88231907", "orderAmountFen": 12900, "distinctItems": 2,
                     "buyer": {"province": "辽宁", "city": "沈阳"}, "complaintReasons": ["QUALITY_DAMAGE"], "rating": "BAD"}""")))
    @APIResponse(
            responseCode = "200",
            description = "The quote",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Quote.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; or the order is unknown and a figure is missing")
    @APIResponse(
            responseCode = "403",
            description =
                    "An agent not in the shop's agent registry (the agents hired in "
                            + "ticket-service; a new hire is known within seconds), or an agent token whose tier claim differs from the "
                            + "registry's tier: an agent's authority is the registry's tier (urn:winback:problem:forbidden). Nothing stored")
    @APIResponse(responseCode = "422", description = "A figure disagrees with the order's facts (violations name it)")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public Quote quote(@NotNull @Valid QuoteRequest body) {
        Requester who = identity.requester();
        Tier tier = identity.overseesShop() && body.agentTier() != null ? body.agentTier() : who.tier();
        ShopSettings s = settings.effective(identity.shopId());
        String courier = Objects.requireNonNullElse(body.courier(), s.defaultCourier());
        int weight = Objects.requireNonNullElse(body.weightGrams(), 1000);
        OrderCases.Facts f = cases.facts(
                identity.shopId(),
                body.orderId(),
                new OrderCases.Claimed(
                        body.orderAmountFen(),
                        body.distinctItems(),
                        body.rating(),
                        body.buyer() == null ? null : body.buyer().province(),
                        body.buyer() == null ? null : body.buyer().city()),
                true,
                "buyer");
        Postage returnPostage = postage.estimate(
                "Bearer " + token.getRawToken(), courier, s.originProvince(), f.province(), f.city(), weight);
        QuoteInput input = new QuoteInput(
                f.orderAmountFen(),
                f.distinctItems(),
                f.rating(),
                body.complaintReasons(),
                Boolean.TRUE.equals(body.buyerWantsReturn()),
                f.known(),
                f.suspectedProfessional(),
                f.quality(body.complaintReasons(), Boolean.TRUE.equals(body.buyerAtFault()), Instant.now(clock)));
        return QuoteEngine.quote(input, returnPostage, s, Authority.limitFen(tier, f.orderAmountFen(), s))
                .withFacts(f.view());
    }
}
