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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.problem.ProblemMappers;
import shop.winback.review.domain.Review;
import shop.winback.review.service.CaptureRetry;
import shop.winback.review.service.ReviewCapture;

/**
 * The order system's bulk sync: up to {@value #MAX_REVIEWS} reviews a call. Each review is judged on
 * its own — a bad one is rejected with its reasons and never sinks the rest; a repeat is a
 * duplicate, as for single posts. Everything accepted is stored in one transaction.
 */
@ApplicationScoped
public class ReviewBatch {

    static final int MAX_REVIEWS = 1000;

    private final ReviewCapture capture;
    private final CaptureRetry retry;
    private final ReviewMapper mapper;
    private final ObjectMapper json;
    private final Validator validator;

    public ReviewBatch(ReviewCapture capture, CaptureRetry retry, ReviewMapper mapper, ObjectMapper json, Validator validator) {
        this.capture = capture;
        this.retry = retry;
        this.mapper = mapper;
        this.json = json;
        this.validator = validator;
    }

    @Schema(name = "ReviewBatch", description = "Reviews as the order system sends them one by one (ReviewRequest), up to 1,000")
    public record BatchRequest(@NotNull @Size(min = 1, max = MAX_REVIEWS) List<@NotNull JsonNode> reviews) {
    }

    public enum Outcome { CREATED, DUPLICATE, REJECTED }

    @Schema(name = "ReviewBatchItemResult")
    public record ItemResult(
            @Schema(description = "Position in the request, from 0") int index,
            @Schema(example = "TB-R-20261123-0001") String platformReviewId,
            Outcome outcome,
            @Schema(description = "The stored review, created now or before") UUID reviewId,
            @Schema(description = "Why it was rejected") List<Problem.Violation> violations) {
    }

    @Schema(name = "ReviewBatchResult")
    public record BatchResult(int created, int duplicates, int rejected, List<ItemResult> results) {
    }

    /** @param shop the caller's shop: a review for another is rejected */
    BatchResult captureAll(String shop, List<JsonNode> items) {
        ItemResult[] results = new ItemResult[items.size()];
        List<Review> accepted = new ArrayList<>();
        List<Integer> acceptedAt = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String platformId = item.path("platformReviewId").isTextual() ? item.get("platformReviewId").asText() : null;
            List<Problem.Violation> violations = new ArrayList<>();
            ReviewRequest request = read(item, violations);
            if (request != null) {
                validator.validate(request).forEach(v -> violations.add(new Problem.Violation(ProblemMappers.fieldOf(v), v.getMessage())));
            }
            if (violations.isEmpty() && !shop.equals(request.shopId())) {
                violations.add(new Problem.Violation("shopId", "this token may post only for shop " + shop));
            }
            Review review = violations.isEmpty() ? mapper.toReview(request) : null;
            String tooEarly = review == null ? null : capture.notInTheFuture(review);
            if (tooEarly != null) {
                violations.add(new Problem.Violation("createdAt", tooEarly));
            }
            if (violations.isEmpty()) {
                accepted.add(review);
                acceptedAt.add(i);
            } else {
                violations.sort(java.util.Comparator.comparing(Problem.Violation::field));
                results[i] = new ItemResult(i, platformId, Outcome.REJECTED, null, List.copyOf(violations));
            }
        }
        int created = 0;
        int duplicates = 0;
        if (!accepted.isEmpty()) {
            List<ReviewCapture.Captured> captured = retry.captureAll(accepted);
            for (int k = 0; k < captured.size(); k++) {
                ReviewCapture.Captured c = captured.get(k);
                int i = acceptedAt.get(k);
                results[i] = new ItemResult(i, c.review().platformReviewId, c.created() ? Outcome.CREATED : Outcome.DUPLICATE,
                        c.review().id, List.of());
                if (c.created()) {
                    created++;
                } else {
                    duplicates++;
                }
            }
        }
        return new BatchResult(created, duplicates, items.size() - created - duplicates, List.of(results));
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
