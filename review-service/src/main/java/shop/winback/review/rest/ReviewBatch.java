package shop.winback.review.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.platform.admission.GroupCommit;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.problem.ProblemMappers;
import shop.winback.review.domain.Review;
import shop.winback.review.service.CaptureLine;
import shop.winback.review.service.ReviewCapture;

/**
 * The order system's bulk sync: up to {@value #MAX_REVIEWS} reviews a call. Each review is judged on
 * its own — a bad one is rejected with its reasons and never sinks the rest; a repeat is a
 * duplicate, as for single posts. Everything accepted is stored in one transaction, whole or not at all.
 */
@ApplicationScoped
public class ReviewBatch {

    static final int MAX_REVIEWS = 1000;

    private final ReviewCapture capture;
    private final CaptureLine line;
    private final ReviewMapper mapper;
    private final ObjectMapper json;
    private final Validator validator;

    public ReviewBatch(
            ReviewCapture capture, CaptureLine line, ReviewMapper mapper, ObjectMapper json, Validator validator) {
        this.capture = capture;
        this.line = line;
        this.mapper = mapper;
        this.json = json;
        this.validator = validator;
    }

    @Schema(
            name = "ReviewBatch",
            description = "Reviews as the order system sends them one by one (ReviewRequest), up to 1,000")
    public record BatchRequest(
            // read as raw JSON so one bad review is rejected alone, but documented as what each must be
            @Schema(type = SchemaType.ARRAY, implementation = ReviewRequest.class, minItems = 1, maxItems = MAX_REVIEWS)
            @NotNull
            @Size(min = 1, max = MAX_REVIEWS)
            List<@NotNull JsonNode> reviews) {}

    public enum Outcome {
        CREATED,
        DUPLICATE,
        REJECTED
    }

    @Schema(name = "ReviewBatchItemResult")
    public record ItemResult(
            @Schema(description = "Position in the request, from 0")
            int index,

            @Schema(example = "TB-R-20261123-0001") String platformReviewId,
            Outcome outcome,

            @Schema(description = "The stored review, created now or before")
            UUID reviewId,

            @Schema(description = "Why it was rejected") List<Problem.Violation> violations) {}

    @Schema(name = "ReviewBatchResult")
    public record BatchResult(int created, int duplicates, int rejected, List<ItemResult> results) {}

    /** The items judged one by one: results for the rejected, and the reviews to store with their positions. */
    record Judged(ItemResult[] results, List<Review> accepted, List<Integer> acceptedAt) {}

    /** @throws GroupCommit.OverloadedException when a batch of this size would be refused now: before any work */
    void admitting(int reviews) {
        line.requireRoom(reviews);
    }

    /**
     * @param shop        the caller's shop: a review for another is rejected
     * @param traceParent the request's trace, for the events of the reviews
     */
    Judged judge(String shop, List<JsonNode> items, String traceParent) {
        ItemResult[] results = new ItemResult[items.size()];
        List<Review> accepted = new ArrayList<>();
        List<Integer> acceptedAt = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String platformId = item.path("platformReviewId").isTextual()
                    ? item.get("platformReviewId").asText()
                    : null;
            List<Problem.Violation> violations = new ArrayList<>();
            ReviewRequest request = read(item, violations);
            if (request != null) {
                validator
                        .validate(request)
                        .forEach(v -> violations.add(new Problem.Violation(ProblemMappers.fieldOf(v), v.getMessage())));
            }
            if (violations.isEmpty() && !shop.equals(request.shopId())) {
                violations.add(new Problem.Violation("shopId", "this token may post only for shop " + shop));
            }
            Review review = violations.isEmpty() ? mapper.toReview(request) : null;
            if (review != null) {
                violations.addAll(capture.timesInTheFuture(review));
            }
            if (violations.isEmpty()) {
                review.traceParent = traceParent;
                accepted.add(review);
                acceptedAt.add(i);
            } else {
                violations.sort(java.util.Comparator.comparing(Problem.Violation::field));
                results[i] = new ItemResult(i, platformId, Outcome.REJECTED, null, List.copyOf(violations));
            }
        }
        return new Judged(results, accepted, acceptedAt);
    }

    /** Stores what was accepted, in one transaction (with whatever else waits in the capture line). */
    CompletionStage<BatchResult> store(Judged judged) {
        ItemResult[] results = judged.results();
        return line.submit(judged.accepted()).thenApply(captured -> {
            int created = 0;
            int duplicates = 0;
            for (int k = 0; k < captured.size(); k++) {
                ReviewCapture.Captured c = captured.get(k);
                int i = judged.acceptedAt().get(k);
                results[i] = new ItemResult(
                        i,
                        c.review().platformReviewId,
                        c.created() ? Outcome.CREATED : Outcome.DUPLICATE,
                        c.review().id,
                        List.of());
                if (c.created()) {
                    created++;
                } else {
                    duplicates++;
                }
            }
            return new BatchResult(created, duplicates, results.length - created - duplicates, List.of(results));
        });
    }

    private ReviewRequest read(JsonNode item, List<Problem.Violation> violations) {
        if (!item.isObject()) {
            violations.add(new Problem.Violation("body", "must be an object"));
            return null;
        }
        try {
            return json.treeToValue(item, ReviewRequest.class);
        } catch (JsonProcessingException e) {
            violations.add(ProblemMappers.violationOf(e));
            return null;
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("body", "could not be read"));
            return null;
        }
    }
}
