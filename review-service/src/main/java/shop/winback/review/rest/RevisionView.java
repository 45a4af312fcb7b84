package shop.winback.review.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.review.domain.Rating;
import shop.winback.review.service.ReviewRevisions;

@Schema(name = "Revision", description = "A revision of a review. Times are UTC.")
public record RevisionView(
        UUID revisionId,
        UUID reviewId,
        Rating ratingBefore,
        Rating ratingAfter,
        String textBefore,
        String textAfter,
        boolean ratingImproved,

        @Schema(description = "The rating went up but the text still complains: ask the buyer to update the words too")
        boolean textStillNegative,

        @Schema(description = "Complaint reasons found in the new text", example = "[\"QUALITY_DAMAGE\"]")
        List<String> complaintReasons,

        Instant revisedAt) {

    static RevisionView of(ReviewRevisions.Revised r) {
        var v = r.revision();
        return new RevisionView(
                v.id,
                v.reviewId,
                v.ratingBefore,
                v.ratingAfter,
                v.textBefore,
                v.textAfter,
                v.ratingAfter.isBetterThan(v.ratingBefore),
                v.textStillNegative,
                r.complaintReasons(),
                v.revisedAt);
    }
}
