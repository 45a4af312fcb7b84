package shop.winback.ticket.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The work of winning back one buyer who left a neutral or bad review. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "review_id", nullable = false)
    public UUID reviewId;

    @Column(name = "platform_review_id", nullable = false)
    public String platformReviewId;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Column(name = "buyer_province")
    public String buyerProvince;

    @Column(name = "buyer_city")
    public String buyerCity;

    @Column(name = "buyer_phone_masked")
    public String buyerPhoneMasked;

    /** Sealed by review-service with the personal-data key; see PersonalData. */
    @Column(name = "buyer_phone_sealed")
    public String buyerPhoneSealed;

    @Column(name = "buyer_address_sealed")
    public String buyerAddressSealed;

    @Column(name = "item_sku", nullable = false)
    public String itemSku;

    @Column(name = "item_title")
    public String itemTitle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rating rating;

    @Column(name = "order_amount_fen", nullable = false)
    public long orderAmountFen;

    @Column(name = "distinct_items", nullable = false)
    public int distinctItems;

    /** Higher first when tickets wait for an agent. */
    @Column(nullable = false)
    public int priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    @Column(name = "agent_id")
    public UUID agentId;

    @Column(name = "review_created_at", nullable = false)
    public Instant reviewCreatedAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Which of these reviews of the shop already have a ticket. */
    public static List<UUID> reviewsWithTickets(String shopId, List<UUID> reviewIds) {
        if (reviewIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery("select t.reviewId from Ticket t where t.shopId = ?1 and t.reviewId in ?2", UUID.class)
                .setParameter(1, shopId)
                .setParameter(2, reviewIds)
                .getResultList();
    }
}
