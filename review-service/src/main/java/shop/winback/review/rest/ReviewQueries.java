package shop.winback.review.rest;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.platform.problem.QueryParams;
import shop.winback.platform.security.Caller;
import shop.winback.review.domain.Rating;
import shop.winback.review.domain.Review;
import shop.winback.review.reasons.ComplaintReason;

/**
 * The shop's reviews, filtered and paged, newest first: {@code GET /api/v1/reviews}. Always within
 * the caller's shop. Native SQL, because the reason filter looks into {@code review_reason}.
 */
public final class ReviewQueries {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private ReviewQueries() {}

    /** The query parameters, raw: each is checked here, so a bad one answers 400 naming it (not 404). */
    public static class Filter {
        @QueryParam("rating")
        @Parameter(
                description = "The review's current rating (after any revision)",
                schema = @Schema(implementation = Rating.class))
        public String rating;

        @QueryParam("reason")
        @Parameter(
                description =
                        "Only reviews found to complain about this (neutral and bad reviews are classified when captured)",
                schema = @Schema(implementation = ComplaintReason.class))
        public String reason;

        @QueryParam("itemSku")
        @Parameter(description = "Only reviews of this item", example = "SKU-TS-WHITE-L")
        public String itemSku;

        @QueryParam("buyerId")
        @Parameter(description = "Only reviews by this buyer", example = "tb-buyer-5521")
        public String buyerId;

        @QueryParam("createdFrom")
        @Parameter(
                description = "Written at or after this time (ISO-8601 instant or date-time with offset)",
                schema = @Schema(type = SchemaType.STRING, format = "date-time", example = "2026-11-01T00:00:00+08:00"))
        public String createdFrom;

        @QueryParam("createdTo")
        @Parameter(
                description = "Written before this time (exclusive)",
                schema = @Schema(type = SchemaType.STRING, format = "date-time", example = "2026-12-01T00:00:00+08:00"))
        public String createdTo;

        @QueryParam("revised")
        @Parameter(
                description = "true: only reviews the buyer revised; false: only those never revised",
                schema = @Schema(type = SchemaType.BOOLEAN))
        public String revised;

        @QueryParam("page")
        @Parameter(
                description = "0-based page number",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
        public String page;

        @QueryParam("size")
        @Parameter(
                description = "Reviews per page",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
        public String size;
    }

    @Schema(name = "ReviewPage", description = "One page of reviews, newest first")
    public record ReviewPage(
            List<ReviewView> items,

            @Schema(description = "0-based page number", example = "0")
            int page,

            @Schema(example = "50") int size,

            @Schema(description = "Reviews matching the filter, over all pages", example = "1")
            long total) {}

    /** The checked filter. */
    record Criteria(
            Rating rating,
            ComplaintReason reason,
            String itemSku,
            String buyerId,
            Instant createdFrom,
            Instant createdTo,
            Boolean revised,
            int page,
            int size) {

        static Criteria of(Filter f) {
            QueryValues q = new QueryValues();
            Rating rating = q.check(() -> QueryParams.enumValue("rating", f.rating, Rating.class));
            ComplaintReason reason = q.check(() -> QueryParams.enumValue("reason", f.reason, ComplaintReason.class));
            Instant from = q.instant("createdFrom", f.createdFrom);
            Instant to = q.instant("createdTo", f.createdTo);
            if (from != null && to != null && !from.isBefore(to)) {
                q.reject("createdTo", "must be after createdFrom");
            }
            Boolean revised = q.bool("revised", f.revised);
            int page = q.wholeNumber("page", f.page, 0, 0, Integer.MAX_VALUE);
            int size = q.wholeNumber("size", f.size, DEFAULT_SIZE, 1, MAX_SIZE);
            if (q.valid("page") && q.valid("size") && (long) page * size > Integer.MAX_VALUE) {
                q.reject("page", "is too far: page × size must stay below " + Integer.MAX_VALUE);
            }
            q.throwIfInvalid();
            return new Criteria(
                    rating,
                    reason,
                    QueryValues.text(f.itemSku),
                    QueryValues.text(f.buyerId),
                    from,
                    to,
                    revised,
                    page,
                    size);
        }
    }

    /** @param caller scopes the query to their shop and decides whether buyer contact is shown in clear */
    static ReviewPage list(Filter filter, Caller caller, PersonalData personalData) {
        Criteria c = Criteria.of(filter);
        StringBuilder where = new StringBuilder(" FROM review r WHERE r.shop_id = :shop");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shop", caller.shopId());
        if (c.rating() != null) {
            where.append(" AND r.rating = :rating");
            params.put("rating", c.rating().name());
        }
        if (c.reason() != null) {
            where.append(
                    " AND EXISTS (SELECT 1 FROM review_reason rr WHERE rr.review_id = r.id AND rr.reason = :reason)");
            params.put("reason", c.reason().name());
        }
        if (c.itemSku() != null) {
            where.append(" AND r.item_sku = :itemSku");
            params.put("itemSku", c.itemSku());
        }
        if (c.buyerId() != null) {
            where.append(" AND r.buyer_id = :buyerId");
            params.put("buyerId", c.buyerId());
        }
        if (c.createdFrom() != null) {
            where.append(" AND r.created_at >= :createdFrom");
            params.put("createdFrom", c.createdFrom());
        }
        if (c.createdTo() != null) {
            where.append(" AND r.created_at < :createdTo");
            params.put("createdTo", c.createdTo());
        }
        if (c.revised() != null) {
            where.append(c.revised() ? " AND r.revised_at IS NOT NULL" : " AND r.revised_at IS NULL");
        }
        EntityManager em = Review.getEntityManager();
        Query select = em.createNativeQuery("SELECT r.*" + where + " ORDER BY r.created_at DESC, r.id", Review.class)
                .setFirstResult(c.page() * c.size())
                .setMaxResults(c.size());
        Query count = em.createNativeQuery("SELECT count(*)" + where, Long.class);
        params.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<Review> reviews = select.getResultList();
        boolean inClear = caller.overseesShop();
        List<ReviewView> items = reviews.stream()
                .map(r -> ReviewView.of(r, personalData, inClear))
                .toList();
        long total = ((Number) count.getSingleResult()).longValue();
        return new ReviewPage(items, c.page(), c.size(), total);
    }
}
