package shop.winback.review.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A review as captured from the shop's order system. */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "platform_review_id", nullable = false)
    public String platformReviewId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "order_line_id")
    public String orderLineId;

    @Column(name = "item_sku", nullable = false)
    public String itemSku;

    @Column(name = "item_title", nullable = false)
    public String itemTitle;

    /** The shop's product category of the item, when the order system sends one (routing by skill). */
    @Column(name = "item_category")
    public String itemCategory;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Column(name = "buyer_province", nullable = false)
    public String buyerProvince;

    @Column(name = "buyer_city")
    public String buyerCity;

    /** Sealed with the personal-data key; see PersonalData. */
    @Column(name = "buyer_phone_sealed")
    public String buyerPhoneSealed;

    @Column(name = "buyer_phone_masked")
    public String buyerPhoneMasked;

    @Column(name = "buyer_address_sealed")
    public String buyerAddressSealed;

    /** When the buyer's platform account was opened, if the order system says. */
    @Column(name = "buyer_account_created_at")
    public Instant buyerAccountCreatedAt;

    /** Whether the buyer is a VIP member of the shop; false when the order system did not say. */
    @Column(name = "buyer_vip", nullable = false)
    public boolean buyerVip;

    /** When the buyer signed for the goods, if the order system said. */
    @Column(name = "goods_received_at")
    public Instant goodsReceivedAt;

    /** Whether the buyer wore or used the goods; null when not said. */
    @Column(name = "goods_worn_or_used")
    public Boolean goodsWornOrUsed;

    /** The buyer's photo links, empty when none. */
    @Column(name = "goods_photo_urls")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public String[] goodsPhotoUrls;

    /** The text as words only (BuyerSuspicion.fingerprint): the same words posted again. */
    @Column(name = "text_fingerprint")
    public String textFingerprint;

    @Column(name = "order_amount_fen", nullable = false)
    public long orderAmountFen;

    @Column(name = "distinct_items", nullable = false)
    public int distinctItems;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rating rating;

    @Column(name = "dsr_description", nullable = false)
    public short dsrDescription;

    @Column(name = "dsr_service", nullable = false)
    public short dsrService;

    @Column(name = "dsr_shipping", nullable = false)
    public short dsrShipping;

    public String text;

    /** When the buyer wrote the review (the platform's time). */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the buyer last revised it; null if never. */
    @Column(name = "revised_at")
    public Instant revisedAt;

    @Column(name = "revision_count", nullable = false)
    public int revisionCount;

    /** When this service captured it. */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The W3C traceparent of the request that brought it (not stored): its event continues that trace. */
    @Transient
    public String traceParent;

    public static List<Review> findByPlatformIds(String shopId, List<String> platformReviewIds) {
        return list("shopId = ?1 and platformReviewId in ?2", shopId, platformReviewIds);
    }
}
