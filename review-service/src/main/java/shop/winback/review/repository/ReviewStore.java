package shop.winback.review.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import shop.winback.platform.jdbc.ColumnArrays;
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

    /** One statement for the whole group, a column an array ({@link ColumnArrays}). */
    private static final String INSERT = """
            INSERT INTO review (id, shop_id, platform_review_id, order_id, order_line_id, item_sku, item_title,
                                buyer_id, buyer_province, buyer_city, order_amount_fen, distinct_items, rating,
                                dsr_description, dsr_service, dsr_shipping, text, created_at, received_at,
                                buyer_phone_sealed, buyer_phone_masked, buyer_address_sealed,
                                buyer_account_created_at, text_fingerprint, item_category, buyer_vip,
                                goods_received_at, goods_worn_or_used, goods_photo_urls)
            SELECT id, shop_id, platform_review_id, order_id, order_line_id, item_sku, item_title,
                   buyer_id, buyer_province, buyer_city, order_amount_fen, distinct_items, rating,
                   dsr_description, dsr_service, dsr_shipping, text, created_at, received_at,
                   buyer_phone_sealed, buyer_phone_masked, buyer_address_sealed,
                   buyer_account_created_at, text_fingerprint, item_category, buyer_vip,
                   goods_received_at, goods_worn_or_used, goods_photo_urls::text[]
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::int8[], ?::int4[], ?::text[],
                        ?::int2[], ?::int2[], ?::int2[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                        ?::text[], ?::text[], ?::text[],
                        ?::timestamptz[], ?::text[], ?::text[], ?::bool[],
                        ?::timestamptz[], ?::bool[], ?::text[])
                 WITH ORDINALITY AS r(id, shop_id, platform_review_id, order_id, order_line_id, item_sku, item_title,
                                      buyer_id, buyer_province, buyer_city, order_amount_fen, distinct_items, rating,
                                      dsr_description, dsr_service, dsr_shipping, text, created_at, received_at,
                                      buyer_phone_sealed, buyer_phone_masked, buyer_address_sealed,
                                      buyer_account_created_at, text_fingerprint, item_category, buyer_vip,
                                      goods_received_at, goods_worn_or_used, goods_photo_urls, n)
            ORDER BY n
            ON CONFLICT (shop_id, platform_review_id) DO NOTHING
            RETURNING id""";

    private final DataSource dataSource;

    public ReviewStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores many reviews in one statement (one round trip), in the order given: of two with the same
     * platform id, the first is stored.
     *
     * @return per review: true if stored, false if the shop already had one with its platform id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insertAllIfNew(List<Review> reviews) {
        boolean[] stored = new boolean[reviews.size()];
        if (reviews.isEmpty()) {
            return stored;
        }
        Set<UUID> inserted = new HashSet<>(Jdbc.query(
                dataSource, INSERT, (insert, c) -> bindColumns(insert, c, reviews), rs -> rs.getObject(1, UUID.class)));
        for (int i = 0; i < stored.length; i++) {
            stored[i] = inserted.contains(reviews.get(i).id);
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

    private static void bindColumns(PreparedStatement insert, Connection c, List<Review> reviews) throws SQLException {
        new ColumnArrays<>(insert, c, reviews)
                .add("uuid", r -> r.id)
                .add("text", r -> r.shopId)
                .add("text", r -> r.platformReviewId)
                .add("text", r -> r.orderId)
                .add("text", r -> r.orderLineId)
                .add("text", r -> r.itemSku)
                .add("text", r -> r.itemTitle)
                .add("text", r -> r.buyerId)
                .add("text", r -> r.buyerProvince)
                .add("text", r -> r.buyerCity)
                .add("int8", r -> r.orderAmountFen)
                .add("int4", r -> r.distinctItems)
                .add("text", r -> r.rating.name())
                .add("int2", r -> r.dsrDescription)
                .add("int2", r -> r.dsrService)
                .add("int2", r -> r.dsrShipping)
                .add("text", r -> r.text)
                .add("timestamptz", r -> ColumnArrays.timestamp(r.createdAt))
                .add("timestamptz", r -> ColumnArrays.timestamp(r.receivedAt))
                .add("text", r -> r.buyerPhoneSealed)
                .add("text", r -> r.buyerPhoneMasked)
                .add("text", r -> r.buyerAddressSealed)
                .add("timestamptz", r -> ColumnArrays.timestamp(r.buyerAccountCreatedAt))
                .add("text", r -> r.textFingerprint)
                .add("text", r -> r.itemCategory)
                .add("bool", r -> r.buyerVip)
                .add("timestamptz", r -> ColumnArrays.timestamp(r.goodsReceivedAt))
                .add("bool", r -> r.goodsWornOrUsed)
                .add("text", r -> ColumnArrays.textArray(r.goodsPhotoUrls));
    }
}
