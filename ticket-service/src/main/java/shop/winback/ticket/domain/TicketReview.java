package shop.winback.ticket.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One neutral or bad review a ticket carries: several reviews of one order join one ticket. */
@Entity
@Table(name = "ticket_review")
public class TicketReview extends PanacheEntityBase {

    @Embeddable
    public record Key(
            @Column(name = "shop_id") String shopId,
            @Column(name = "review_id") UUID reviewId) implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(name = "platform_review_id", nullable = false)
    public String platformReviewId;

    @Column(name = "item_sku", nullable = false)
    public String itemSku;

    @Column(name = "item_title")
    public String itemTitle;

    /** As the buyer first left it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rating rating;

    /** After the buyer's latest revision. */
    @Enumerated(EnumType.STRING)
    @Column(name = "current_rating", nullable = false)
    public Rating currentRating;

    /** Revised up, but the words still complain: still hurts conversion. */
    @Column(name = "text_still_negative", nullable = false)
    public boolean textStillNegative;

    @Column(name = "review_created_at", nullable = false)
    public Instant reviewCreatedAt;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "revised_at")
    public Instant revisedAt;

    /** When the buyer signed for the goods, as the order system said; null when it did not. */
    @Column(name = "goods_received_at")
    public Instant goodsReceivedAt;

    @Column(name = "goods_worn_or_used")
    public Boolean goodsWornOrUsed;

    /** The buyer's photo links; null when none were sent. */
    @Column(name = "goods_photo_urls")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public String[] goodsPhotoUrls;

    /** What the review complains of, in the order review-service found them (the first is the main one); null before V14. */
    @Column(name = "complaint_reasons")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public String[] complaintReasons;

    /** The buyer's shop scores (DSR 1–5) as first left; null when the event had none (or before V14). */
    @Column(name = "dsr_description")
    public Short dsrDescription;

    @Column(name = "dsr_service")
    public Short dsrService;

    @Column(name = "dsr_shipping")
    public Short dsrShipping;

    /** Revised to good, words included. */
    public boolean recovered() {
        return currentRating == Rating.GOOD && !textStillNegative;
    }

    public static List<TicketReview> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by reviewCreatedAt, key.reviewId", ticketId);
    }
}
