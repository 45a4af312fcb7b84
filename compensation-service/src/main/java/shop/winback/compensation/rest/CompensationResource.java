package shop.winback.compensation.rest;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.Compensation;
import shop.winback.compensation.domain.CompensationStatus;
import shop.winback.compensation.rest.CompensationViews.CompensationPage;
import shop.winback.compensation.rest.CompensationViews.CompensationView;
import shop.winback.compensation.rest.CompensationViews.Decision;
import shop.winback.compensation.rest.CompensationViews.Rejection;
import shop.winback.compensation.service.CompensationDesk;
import shop.winback.compensation.service.IdempotentRequests;
import shop.winback.compensation.service.NewCompensation;
import shop.winback.compensation.service.OrderCases;
import shop.winback.compensation.service.Requester;
import shop.winback.compensation.settings.ShopSettingsStore;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.security.Roles;

@Path("/api/v1/compensations")
@Tag(name = "Compensations", description = "Requests, approvals and rejections (like Salesforce approval processes)")
@Produces(MediaType.APPLICATION_JSON)
public class CompensationResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IdempotentRequests requests;
    private final CompensationDesk desk;
    private final Identity identity;
    private final CompensationConfig config;
    private final OrderCases cases;
    private final ShopSettingsStore settings;
    private final JsonWebToken token;

    public CompensationResource(
            IdempotentRequests requests,
            CompensationDesk desk,
            Identity identity,
            CompensationConfig config,
            OrderCases cases,
            ShopSettingsStore settings,
            JsonWebToken token) {
        this.requests = requests;
        this.desk = desk;
        this.identity = identity;
        this.config = config;
        this.cases = cases;
        this.settings = settings;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Request a compensation",
            description =
                    "Decided from the order's own facts, learned from its reviews on reviews.v1 (amount, items, rating, "
                            + "buyer's province, professional bad-reviewer suspicion), never from the body: an orderAmountFen that "
                            + "disagrees with them is 422. Within the requester's authority (tier limit and daily count), within the "
                            + "quote's ceiling for the order (or an offered option of the type, such as the standard coupon) and, for a "
                            + "suspected professional bad-reviewer, not cash, it is APPROVED at once: ledger entry, payout and events. "
                            + "Otherwise it is PENDING at the next tier, a supervisor (or the manager, above the supervisor limit or for a "
                            + "supervisor's own request), and approvalBecause says why. An order no neutral or bad review has arrived for "
                            + "waits for the manager (ORDER_UNKNOWN). Refused with 422: more than the order amount; PRE_SALES asking for "
                            + "anything but ROUND_OFF; a round-off beyond the tier's daily count in the shop's day "
                            + "(urn:winback:problem:daily-quota-used). A manager's own request is granted at once. "
                            + "Idempotency-Key is required: a retry with the same key and body gets the original answer "
                            + "(Idempotent-Replayed: true); the same key with another body is 422.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = NewCompensation.class),
                            examples = @ExampleObject(name = "standard offer for a bad review", value = """
                    {"orderId": "TB-O-88231907", "ticketId": "9a0c1e2f-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "type": "COUPON",
                     "amountFen": 1000, "orderAmountFen": 12900, "reason": "QUALITY_DAMAGE"}""")))
    @APIResponse(
            responseCode = "201",
            description = "Requested (APPROVED or PENDING); also the replay of a retry",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompensationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or no Idempotency-Key; nothing stored")
    @APIResponse(
            responseCode = "403",
            description =
                    "An agent not in the shop's agent registry (the agents hired in "
                            + "ticket-service; a new hire is known within seconds), or an agent token whose tier claim differs from the "
                            + "registry's tier: an agent's authority is the registry's tier (urn:winback:problem:forbidden). Nothing stored")
    @APIResponse(
            responseCode = "422",
            description = "Idempotency-Key already used for another request; orderAmountFen disagrees "
                    + "with the order's facts or amountFen is more than the order (urn:winback:problem:facts-disagree, violations name "
                    + "the field); PRE_SALES asking for anything but ROUND_OFF; a round-off beyond the daily count "
                    + "(urn:winback:problem:daily-quota-used). Nothing stored")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    public Response create(
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = IDEMPOTENCY_KEY,
                            required = true,
                            description = "A unique key per intended request, e.g. a UUID",
                            example = "2f4e7d1a-6c3b-4a59-9e80-7b1d2c3e4f50")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String key,
            @NotNull @Valid NewCompensation body) {
        if (key == null || key.isBlank()) {
            throw new InvalidRequestProblem(
                    IDEMPOTENCY_KEY, "header is required on requests that create a compensation");
        }
        if (key.length() > 200 || !key.matches("^[\\x21-\\x7E]+$")) {
            throw new InvalidRequestProblem(IDEMPOTENCY_KEY, "must be 1–200 visible ASCII characters");
        }
        Requester who = identity.requester();
        OrderCases.Assessment assessment = cases.assess(
                identity.shopId(),
                "Bearer " + token.getRawToken(),
                who.tier(),
                body,
                settings.effective(identity.shopId()));
        IdempotentRequests.Answer answer = requests.create(
                identity.shopId(), key, who, body, assessment, c -> CompensationView.of(c, config.currency()));
        return Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(answer.body())
                .location(URI.create("/api/v1/compensations/" + answer.compensationId()))
                .header("Idempotent-Replayed", Boolean.toString(answer.replayed()))
                .build();
    }

    @GET
    @Operation(summary = "List compensations", description = "Newest first. An agent sees only their own requests.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompensationPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public CompensationPage list(
            @Parameter(schema = @Schema(implementation = CompensationStatus.class)) @QueryParam("status")
                    CompensationStatus status,
            @QueryParam("orderId") String orderId,
            @QueryParam("ticketId") String ticketId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        StringBuilder query = new StringBuilder("shopId = :shop");
        Parameters params = Parameters.with("shop", identity.shopId());
        if (identity.seesOnlyOwn()) {
            query.append(" and agentId = :agent");
            params.and("agent", identity.id());
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (orderId != null && !orderId.isBlank()) {
            query.append(" and orderId = :order");
            params.and("order", orderId.strip());
        }
        if (ticketId != null && !ticketId.isBlank()) {
            query.append(" and ticketId = :ticket");
            params.and("ticket", ticketId.strip());
        }
        query.append(" order by createdAt desc, id");
        PanacheQuery<Compensation> found =
                Compensation.find(query.toString(), params).page(Page.of(page, size));
        return new CompensationPage(
                found.<Compensation>list().stream()
                        .map(c -> CompensationView.of(c, config.currency()))
                        .toList(),
                page,
                size,
                found.count());
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get a compensation",
            description =
                    "One compensation of the caller's shop with its status, who decided and when, and when it was paid; another shop's is not found (404).")
    @APIResponse(
            responseCode = "200",
            description = "The compensation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompensationView.class)))
    @APIResponse(responseCode = "404", description = "No such compensation in your shop (or not yours, for agents)")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public CompensationView get(@PathParam("id") UUID id) {
        Compensation c = Compensation.<Compensation>find("id = ?1 and shopId = ?2", id, identity.shopId())
                .firstResultOptional()
                .filter(found -> !identity.seesOnlyOwn() || found.agentId.equals(identity.id()))
                .orElseThrow(() -> new NotFoundProblem("Compensation", id));
        return CompensationView.of(c, config.currency());
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Approve a pending compensation",
            description =
                    "Supervisors up to the supervisor limit while it waits at supervisor level; the manager always. "
                            + "Nobody approves their own request.")
    @APIResponse(
            responseCode = "200",
            description = "Approved: ledger entry written, payout queued",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompensationView.class)))
    @APIResponse(responseCode = "403", description = "Own request, or above your authority")
    @APIResponse(responseCode = "404", description = "No such compensation")
    @APIResponse(responseCode = "409", description = "Already decided")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    public CompensationView approve(@PathParam("id") UUID id, @Valid Decision body) {
        String comment = body == null ? null : body.comment();
        return CompensationView.of(
                desk.approve(identity.shopId(), id, identity.requester(), identity.approvalLevel(), comment),
                config.currency());
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reject a pending compensation",
            description = "With a comment saying why. Nobody rejects their own request.")
    @APIResponse(
            responseCode = "200",
            description = "Rejected",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompensationView.class)))
    @APIResponse(responseCode = "400", description = "No comment")
    @APIResponse(responseCode = "409", description = "Already decided")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    public CompensationView reject(@PathParam("id") UUID id, @NotNull @Valid Rejection body) {
        return CompensationView.of(
                desk.reject(
                        identity.shopId(),
                        id,
                        identity.requester(),
                        body.comment().strip()),
                config.currency());
    }
}
