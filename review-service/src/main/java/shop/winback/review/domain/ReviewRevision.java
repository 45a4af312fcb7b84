package shop.winback.review.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One change a buyer made to their review: rating and text before and after. */
@Entity
@Table(name = "review_revision")
public class ReviewRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "review_id", nullable = false)
    public UUID reviewId;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Enumerated(EnumType.STRING)
    @Column(name = "rating_before", nullable = false)
    public Rating ratingBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "rating_after", nullable = false)
    public Rating ratingAfter;

    @Column(name = "text_before")
    public String textBefore;

    @Column(name = "text_after")
    public String textAfter;

    /** The rating went up but the text still complains: ask the buyer to update the words too. */
    @Column(name = "text_still_negative", nullable = false)
    public boolean textStillNegative;

    @Column(name = "revised_at", nullable = false)
    public Instant revisedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static Optional<ReviewRevision> find(UUID reviewId, Instant revisedAt) {
        return find("reviewId = ?1 and revisedAt = ?2", reviewId, revisedAt).firstResultOptional();
    }
}
