package shop.winback.review.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.review.domain.Review;
import shop.winback.review.reasons.ReasonMatch;

/**
 * Writes captured reviews. The insert is plain JDBC on the transaction's connection with
 * {@code ON CONFLICT DO NOTHING}: one round trip that both stores a new review and recognises a
 * repeat, also when identical posts race (the unique key decides, the loser inserts nothing).
 * Reads go through the {@link Review} entity.
 */
@ApplicationScoped
public class ReviewStore {

    private static final String INSERT = """
            INSERT INTO review (id, shop_id, platform_review_id, order_id, order_line_id, item_sku, item_title,
                                buyer_id, buyer_province, buyer_city, order_amount_fen, distinct_items, rating,
                                dsr_description, dsr_service, dsr_shipping, text, created_at, received_at,
                                buyer_phone_sealed, buyer_phone_masked, buyer_address_sealed,
                                buyer_account_created_at, text_fingerprint, item_category, buyer_vip,
                                goods_received_at, goods_worn_or_used, goods_photo_urls)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (shop_id, platform_review_id) DO NOTHING""";

    private final DataSource dataSource;

    public ReviewStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores many reviews in one JDBC batch (one round trip).
     *
     * @return per review: true if stored, false if the shop already had one with its platform id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insertAllIfNew(List<Review> reviews) {
        boolean[] stored = new boolean[reviews.size()];
        if (reviews.isEmpty()) {
            return stored;
        }
        int[] counts = Jdbc.batch(dataSource, INSERT, reviews, ReviewStore::bind);
        for (int i = 0; i < counts.length; i++) {
            stored[i] = counts[i] == 1;
        }
        return stored;
    }

    /** The complaint reasons found in each review, one batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertReasons(Map<UUID, List<ReasonMatch>> reasonsByReview) {
        if (reasonsByReview.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, ReasonMatch>> rows = new ArrayList<>();
        reasonsByReview.forEach((review, matches) -> matches.forEach(m -> rows.add(Map.entry(review, m))));
        Jdbc.batch(
                dataSource,
                "INSERT INTO review_reason (review_id, reason, evidence) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                rows,
                (insert, row) -> {
                    String evidence = row.getValue().evidence();
                    insert.setObject(1, row.getKey());
                    insert.setString(2, row.getValue().reason().name());
                    insert.setString(3, evidence.length() > 200 ? evidence.substring(0, 200) : evidence);
                });
    }

    private static void bind(PreparedStatement insert, Review r) throws SQLException {
        insert.setObject(1, r.id);
        insert.setString(2, r.shopId);
        insert.setString(3, r.platformReviewId);
        insert.setString(4, r.orderId);
        insert.setString(5, r.orderLineId);
        insert.setString(6, r.itemSku);
        insert.setString(7, r.itemTitle);
        insert.setString(8, r.buyerId);
        insert.setString(9, r.buyerProvince);
        insert.setString(10, r.buyerCity);
        insert.setLong(11, r.orderAmountFen);
        insert.setInt(12, r.distinctItems);
        insert.setString(13, r.rating.name());
        insert.setShort(14, r.dsrDescription);
        insert.setShort(15, r.dsrService);
        insert.setShort(16, r.dsrShipping);
        if (r.text == null) {
            insert.setNull(17, Types.VARCHAR);
        } else {
            insert.setString(17, r.text);
        }
        Jdbc.setInstant(insert, 18, r.createdAt);
        Jdbc.setInstant(insert, 19, r.receivedAt);
        insert.setString(20, r.buyerPhoneSealed);
        insert.setString(21, r.buyerPhoneMasked);
        insert.setString(22, r.buyerAddressSealed);
        Jdbc.setInstant(insert, 23, r.buyerAccountCreatedAt);
        insert.setString(24, r.textFingerprint);
        insert.setString(25, r.itemCategory);
        insert.setBoolean(26, r.buyerVip);
        Jdbc.setInstant(insert, 27, r.goodsReceivedAt);
        insert.setObject(28, r.goodsWornOrUsed, Types.BOOLEAN);
        if (r.goodsPhotoUrls == null) {
            insert.setNull(29, Types.ARRAY);
        } else {
            insert.setArray(29, insert.getConnection().createArrayOf("text", r.goodsPhotoUrls));
        }
    }
}
