package shop.winback.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.review.reasons.ComplaintReason;

/**
 * The shop's review statistics for dashboards and reports: what neutral and bad reviews complain
 * about per item, the shop's risk per day, and what revisions won back. Counted in PostgreSQL,
 * always within the caller's shop, over a window of at most {@value #MAX_DAYS} days.
 */
@Path("/api/v1/review-statistics")
@Tag(name = "Review statistics", description = "Counts over the shop's reviews and revisions")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewStatisticsResource {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private static final String FROM_DESCRIPTION =
            "Start of the window, inclusive (ISO-8601 instant or date-time with offset); "
                    + "default: 30 days before to";
    private static final String TO_DESCRIPTION =
            "End of the window, exclusive; default: now. At most 366 days after from";
    private static final String ZONE_DESCRIPTION = "The time zone whose calendar days the counts are grouped by: "
            + "a region (Asia/Shanghai) or an offset (+08:00)";

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    public ReviewStatisticsResource(EntityManager em, Caller caller, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(
            name = "NegativeReviewsByItemAndReason",
            description = "Neutral and bad reviews of one item naming one complaint reason")
    public record ItemReasonCount(
            @Schema(example = "SKU-TS-WHITE-L") String itemSku,

            @Schema(description = "The item's title on its latest such review", example = "纯棉T恤 白色 L")
            String itemTitle,

            @Schema(example = "QUALITY_DAMAGE") ComplaintReason reason,
            @Schema(example = "12") long reviews) {}

    @Schema(name = "NegativeReviewsByDay", description = "Neutral and bad reviews written on one day")
    public record NegativeDay(
            @Schema(description = "The day in the requested zone", example = "2026-11-23")
            LocalDate day,

            @Schema(example = "3") long neutral,
            @Schema(example = "5") long bad) {}

    @Schema(name = "RevisionsByDay", description = "Revisions buyers made on one day")
    public record RevisionDay(
            @Schema(description = "The day in the requested zone", example = "2026-11-23")
            LocalDate day,

            @Schema(description = "All revisions", example = "4")
            long revisions,

            @Schema(description = "Revisions from neutral or bad to good: won back", example = "3")
            long toGood,

            @Schema(description = "Revisions that raised the rating while the text still complains", example = "1")
            long textStillNegative) {}

    /** The window's query parameters, as every statistic takes them. */
    public static class Range {
        @Parameter(
                description = FROM_DESCRIPTION,
                schema = @Schema(type = SchemaType.STRING, format = "date-time", example = "2026-11-01T00:00:00+08:00"))
        @QueryParam("from")
        String from;

        @Parameter(
                description = TO_DESCRIPTION,
                schema = @Schema(type = SchemaType.STRING, format = "date-time", example = "2026-12-01T00:00:00+08:00"))
        @QueryParam("to")
        String to;
    }

    /** The checked window: [from, to), days counted in zone. */
    record Window(Instant from, Instant to, ZoneId zone) {}

    @GET
    @Path("/negative-by-item-and-reason")
    @Operation(
            summary = "Neutral and bad reviews per item and complaint reason",
            description =
                    "Reviews written in [from, to) whose current rating (the latest, after any revision) is NEUTRAL or BAD, "
                            + "counted per item and per complaint reason found in the text when the review was captured. "
                            + "A review naming two reasons counts under both; a negative review with no reason recorded (e.g. one "
                            + "revised from GOOD to BAD) counts under OTHER. Most reviews first.")
    @APIResponse(
            responseCode = "200",
            description = "The counts, most reviews first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ItemReasonCount.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named in violations")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public List<ItemReasonCount> negativeByItemAndReason(@BeanParam Range range) {
        Window window = window(range, null);
        Query query = em.createNativeQuery("""
                        SELECT r.item_sku,
                               (array_agg(r.item_title ORDER BY r.created_at DESC))[1],
                               COALESCE(rr.reason, 'OTHER'),
                               count(*)
                        FROM review r LEFT JOIN review_reason rr ON rr.review_id = r.id
                        WHERE r.shop_id = :shop AND r.rating IN ('NEUTRAL', 'BAD')
                          AND r.created_at >= :from AND r.created_at < :to
                        GROUP BY r.item_sku, COALESCE(rr.reason, 'OTHER')
                        ORDER BY 4 DESC, 1, 3""", Object[].class)
                .setParameter("shop", caller.shopId())
                .setParameter("from", window.from())
                .setParameter("to", window.to());
        return rows(
                query,
                r -> new ItemReasonCount(
                        (String) r[0], (String) r[1], ComplaintReason.valueOf((String) r[2]), count(r[3])));
    }

    @GET
    @Path("/negative-by-day")
    @Operation(
            summary = "Neutral and bad reviews per day: the shop's risk",
            description =
                    "Reviews written in [from, to) whose current rating (the latest, after any revision) is NEUTRAL or BAD, "
                            + "per calendar day of their creation in the given zone. Days without any are left out; oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "The counts per day, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = NegativeDay.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named in violations")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public List<NegativeDay> negativeByDay(
            @BeanParam Range range,
            @Parameter(
                            description = ZONE_DESCRIPTION,
                            example = "Asia/Shanghai",
                            schema = @Schema(type = SchemaType.STRING, defaultValue = "Asia/Shanghai"))
                    @QueryParam("zone")
                    String zone) {
        Window window = window(range, zone);
        Query query = em.createNativeQuery("""
                        SELECT day,
                               count(*) FILTER (WHERE rating = 'NEUTRAL'),
                               count(*) FILTER (WHERE rating = 'BAD')
                        FROM (SELECT %s AS day, rating FROM review
                              WHERE shop_id = :shop AND rating IN ('NEUTRAL', 'BAD')
                                AND created_at >= :from AND created_at < :to) negative
                        GROUP BY day
                        ORDER BY day""".formatted(dayOf("created_at", window.zone())), Object[].class);
        bindWindow(query, window);
        return rows(query, r -> new NegativeDay(day(r[0]), count(r[1]), count(r[2])));
    }

    @GET
    @Path("/revisions-by-day")
    @Operation(
            summary = "Revisions per day: what win-back achieved",
            description =
                    "Revisions buyers made in [from, to), per calendar day of the revision in the given zone: all of them, "
                            + "those that turned a neutral or bad rating into GOOD, and those that raised the rating while the text still "
                            + "complains. Days without any are left out; oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "The counts per day, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionDay.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named in violations")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public List<RevisionDay> revisionsByDay(
            @BeanParam Range range,
            @Parameter(
                            description = ZONE_DESCRIPTION,
                            example = "Asia/Shanghai",
                            schema = @Schema(type = SchemaType.STRING, defaultValue = "Asia/Shanghai"))
                    @QueryParam("zone")
                    String zone) {
        Window window = window(range, zone);
        Query query = em.createNativeQuery("""
                        SELECT day,
                               count(*),
                               count(*) FILTER (WHERE rating_after = 'GOOD' AND rating_before <> 'GOOD'),
                               count(*) FILTER (WHERE text_still_negative)
                        FROM (SELECT %s AS day, rating_before, rating_after, text_still_negative FROM review_revision
                              WHERE shop_id = :shop AND revised_at >= :from AND revised_at < :to) revised
                        GROUP BY day
                        ORDER BY day""".formatted(dayOf("revised_at", window.zone())), Object[].class);
        bindWindow(query, window);
        return rows(query, r -> new RevisionDay(day(r[0]), count(r[1]), count(r[2]), count(r[3])));
    }

    /** @param zone null where the endpoint takes none */
    Window window(Range range, String zoneParam) {
        QueryValues q = new QueryValues();
        Instant from = q.instant("from", range.from);
        Instant to = q.instant("to", range.to);
        ZoneId zone = q.zone("zone", zoneParam, DEFAULT_ZONE);
        if (q.valid("from") && q.valid("to")) {
            Instant end = to != null ? to : Instant.now(clock);
            Instant start = from != null ? from : end.minus(Duration.ofDays(DEFAULT_DAYS));
            if (!start.isBefore(end)) {
                q.reject("to", to != null ? "must be after from" : "defaults to now, which must be after from");
            } else if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
                q.reject("from", "must be at most " + MAX_DAYS + " days before to");
            }
            from = start;
            to = end;
        }
        q.throwIfInvalid();
        return new Window(from, to, zone);
    }

    /**
     * The calendar day of a timestamptz column in the zone, bound as :zone. A fixed offset is added
     * as seconds: PostgreSQL reads a text offset such as '+08:00' the POSIX way, eight hours west.
     */
    static String dayOf(String column, ZoneId zone) {
        return zone.normalized() instanceof ZoneOffset
                ? "((" + column + " AT TIME ZONE 'UTC') + :zone * interval '1 second')::date"
                : "(" + column + " AT TIME ZONE :zone)::date";
    }

    private void bindWindow(Query query, Window window) {
        query.setParameter("shop", caller.shopId())
                .setParameter("from", window.from())
                .setParameter("to", window.to())
                .setParameter(
                        "zone",
                        window.zone().normalized() instanceof ZoneOffset offset
                                ? offset.getTotalSeconds()
                                : window.zone().getId());
    }

    private static <T> List<T> rows(Query query, Function<Object[], T> row) {
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            return rows.stream().map(row).toList();
        } catch (PersistenceException e) {
            if (unknownZone(e)) {
                // a zone java.time knows but the database's time zone data does not
                throw new InvalidRequestProblem(
                        "zone", "is not a time zone the database knows; try a region such as Asia/Shanghai");
            }
            throw e;
        }
    }

    private static boolean unknownZone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && "22023".equals(sql.getSQLState())
                    && sql.getMessage() != null
                    && sql.getMessage().contains("time zone")) {
                return true;
            }
        }
        return false;
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate day(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
