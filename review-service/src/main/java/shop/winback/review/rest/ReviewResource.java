package shop.winback.review.rest;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.platform.tracing.Traces;
import shop.winback.review.domain.Review;
import shop.winback.review.service.CaptureLine;
import shop.winback.review.service.ReviewCapture;
import shop.winback.review.service.ReviewRevisions;

@Path("/api/v1")
@Tag(name = "Reviews", description = "Reviews captured from the shop's order system")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    static final String OVERLOADED = "More is waiting to be stored than the service takes now: nothing of this request "
            + "was stored; send it again after Retry-After seconds";

    static final String BAD_REVIEW_EXAMPLE = """
            {
              "shopId": "demo-shop",
              "platformReviewId": "TB-R-20261123-0001",
              "orderId": "TB-O-88231907",
              "orderLineId": "TB-O-88231907-1",
              "item": {"sku": "SKU-TS-WHITE-L", "title": "纯棉T恤 白色 L", "category": "服装"},
              "buyer": {"id": "tb-buyer-5521", "province": "辽宁", "city": "沈阳", "phone": "13812345678", "vip": true},
              "orderAmountFen": 12900,
              "distinctItems": 2,
              "rating": "BAD",
              "dsr": {"description": 2, "service": 3, "shipping": 4},
              "text": "衣服有破洞，质量太差了",
              "createdAt": "2026-11-23T09:30:00+08:00"
            }""";

    private final CaptureLine line;
    private final ReviewCapture capture;
    private final ReviewMapper mapper;
    private final ReviewBatch batch;
    private final ReviewRevisions revisions;
    private final Caller caller;
    private final PersonalData personalData;

    public ReviewResource(
            CaptureLine line,
            ReviewCapture capture,
            ReviewMapper mapper,
            ReviewBatch batch,
            ReviewRevisions revisions,
            Caller caller,
            PersonalData personalData) {
        this.revisions = revisions;
        this.line = line;
        this.capture = capture;
        this.mapper = mapper;
        this.batch = batch;
        this.caller = caller;
        this.personalData = personalData;
    }

    @POST
    @Path("/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Capture a review",
            description =
                    "Stores the review and publishes review.received.v1 on reviews.v1. "
                            + "Posting the same platformReviewId of a shop again returns the stored review (200) and publishes nothing.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewRequest.class),
                            examples = @ExampleObject(name = "bad review", value = BAD_REVIEW_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Captured",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already captured: the stored review, unchanged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing stored or published")
    @APIResponse(responseCode = "403", description = "Not the order system's role, or another shop's review")
    @APIResponse(
            responseCode = "503",
            description = OVERLOADED,
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before sending it again",
                            schema = @Schema(type = SchemaType.INTEGER)))
    @RolesAllowed(Roles.INTEGRATION)
    @WaitsInCaptureLine
    @NonBlocking // read and validated on the I/O thread; stored by the capture line with whatever arrives with it
    public Uni<Response> capture(@NotNull @Valid ReviewRequest body) {
        caller.requireOwnShop(body.shopId());
        boolean inClear = caller.overseesShop();
        Review review = mapper.toReview(body);
        List<Problem.Violation> inTheFuture = capture.timesInTheFuture(review);
        if (!inTheFuture.isEmpty()) {
            throw new InvalidRequestProblem(inTheFuture);
        }
        review.traceParent = Traces.currentTraceParent();
        Context context = Vertx.currentContext();
        return Uni.createFrom()
                .completionStage(() -> line.submit(List.of(review)))
                .emitOn(onThe(context))
                .map(captured -> created(captured.get(0), inClear));
    }

    /** The answer is written by the request's own event loop, not by the thread that committed. */
    static Executor onThe(Context context) {
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    private Response created(ReviewCapture.Captured captured, boolean inClear) {
        ReviewView view = ReviewView.of(captured.review(), personalData, inClear);
        if (captured.created()) {
            return Response.created(URI.create("/api/v1/reviews/" + view.id()))
                    .entity(view)
                    .build();
        }
        return Response.ok(view).build();
    }

    @POST
    @Path("/reviews:batch") // the colon as clients send it; an encoded %3A does not match
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Capture many reviews at once",
            description = "Each review is validated and captured as by POST /api/v1/reviews; per-item results say "
                    + "created, duplicate or rejected (with the reasons). One bad review never sinks the batch.")
    @APIResponse(
            responseCode = "200",
            description = "Per-item results",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewBatch.BatchResult.class)))
    @APIResponse(responseCode = "400", description = "Not a batch at all (no list, or more than 1,000); nothing stored")
    @APIResponse(
            responseCode = "503",
            description = OVERLOADED,
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before sending it again",
                            schema = @Schema(type = SchemaType.INTEGER)))
    @RolesAllowed(Roles.INTEGRATION)
    @WaitsInCaptureLine
    @NonBlocking // the body is read on the I/O thread; the items are judged on a worker, then wait in the capture line
    public Uni<ReviewBatch.BatchResult> captureAll(@NotNull @Valid ReviewBatch.BatchRequest body) {
        String shop = caller.shopId();
        String traceParent = Traces.currentTraceParent();
        Context context = Vertx.currentContext();
        batch.admitting(body.reviews().size()); // refused before judging when the line has no room for this many
        return Uni.createFrom()
                .item(() -> batch.judge(shop, body.reviews(), traceParent))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(judged -> Uni.createFrom().completionStage(() -> batch.store(judged)))
                .emitOn(onThe(context));
    }

    @POST
    @Path("/reviews/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a buyer's revision of a review",
            description =
                    "Keeps the revision, shows the latest rating and text on the review and publishes review.revised.v1. "
                            + "The same revision (same review, same revisedAt) again answers 200 and publishes nothing.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RevisionView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already recorded: the revision, unchanged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RevisionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing changed")
    @APIResponse(responseCode = "404", description = "No such review in this shop")
    @RolesAllowed(Roles.INTEGRATION)
    public Response revise(@NotNull @Valid RevisionRequest body) {
        caller.requireOwnShop(body.shopId());
        ReviewRevisions.Revised revised = revisions.revise(
                body.shopId(),
                body.platformReviewId(),
                body.rating(),
                body.text(),
                body.revisedAt().toInstant());
        RevisionView view = RevisionView.of(revised);
        return (revised.created() ? Response.status(Response.Status.CREATED) : Response.ok())
                .entity(view)
                .build();
    }

    @GET
    @Path("/reviews")
    @Operation(
            summary = "List the shop's reviews",
            description =
                    "Newest first (by when the buyer wrote it), filtered by current rating, complaint reason, item, buyer, "
                            + "creation time (createdFrom inclusive, createdTo exclusive) and whether it was revised. "
                            + "Buyer phone and address in clear for supervisors and managers, masked for reporting.")
    @APIResponse(
            responseCode = "200",
            description = "One page of reviews",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewQueries.ReviewPage.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named in violations")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public ReviewQueries.ReviewPage list(@BeanParam ReviewQueries.Filter filter) {
        return ReviewQueries.list(filter, caller, personalData);
    }

    @GET
    @Path("/reviews/{id}")
    @Operation(
            summary = "Get a captured review",
            description =
                    "One review of the caller's shop as stored, with its latest revision applied; another shop's review is not found (404).")
    @APIResponse(
            responseCode = "200",
            description = "The review",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No such review")
    @RolesAllowed({Roles.INTEGRATION, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public ReviewView get(@PathParam("id") UUID id) {
        // looked up within the caller's shop: another shop's review is not found, whatever id is tried
        return Review.<Review>find("id = ?1 and shopId = ?2", id, caller.shopId())
                .firstResultOptional()
                .map(r -> ReviewView.of(r, personalData, caller.overseesShop()))
                .orElseThrow(() -> new NotFoundProblem("Review", id));
    }
}
