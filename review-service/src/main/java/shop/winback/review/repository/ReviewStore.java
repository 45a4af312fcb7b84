package shop.winback.review.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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

    /**
     * One statement for the whole group, its rows as one array a column. A statement a row (a JDBC batch) cost
     * PostgreSQL half again as much CPU a review: every row's statement opens the table and its five indexes
     * and sets up the conflict check anew (deploy/loadgen/BENCHMARKS.md, 2026-12-05).
     */
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
        Columns columns = new Columns(insert, c, reviews);
        columns.set("uuid", r -> r.id);
        columns.set("text", r -> r.shopId);
        columns.set("text", r -> r.platformReviewId);
        columns.set("text", r -> r.orderId);
        columns.set("text", r -> r.orderLineId);
        columns.set("text", r -> r.itemSku);
        columns.set("text", r -> r.itemTitle);
        columns.set("text", r -> r.buyerId);
        columns.set("text", r -> r.buyerProvince);
        columns.set("text", r -> r.buyerCity);
        columns.set("int8", r -> r.orderAmountFen);
        columns.set("int4", r -> r.distinctItems);
        columns.set("text", r -> r.rating.name());
        columns.set("int2", r -> r.dsrDescription);
        columns.set("int2", r -> r.dsrService);
        columns.set("int2", r -> r.dsrShipping);
        columns.set("text", r -> r.text);
        columns.set("timestamptz", r -> timestamp(r.createdAt));
        columns.set("timestamptz", r -> timestamp(r.receivedAt));
        columns.set("text", r -> r.buyerPhoneSealed);
        columns.set("text", r -> r.buyerPhoneMasked);
        columns.set("text", r -> r.buyerAddressSealed);
        columns.set("timestamptz", r -> timestamp(r.buyerAccountCreatedAt));
        columns.set("text", r -> r.textFingerprint);
        columns.set("text", r -> r.itemCategory);
        columns.set("bool", r -> r.buyerVip);
        columns.set("timestamptz", r -> timestamp(r.goodsReceivedAt));
        columns.set("bool", r -> r.goodsWornOrUsed);
        columns.set("text", r -> textArray(r.goodsPhotoUrls)); // an array a row: as its text, cast back per row
    }

    /** Binds the statement's parameters in order, each the array of one column over all reviews. */
    private static final class Columns {
        private final PreparedStatement insert;
        private final Connection connection;
        private final List<Review> reviews;
        private int index;

        Columns(PreparedStatement insert, Connection connection, List<Review> reviews) {
            this.insert = insert;
            this.connection = connection;
            this.reviews = reviews;
        }

        void set(String type, Function<Review, Object> value) throws SQLException {
            Object[] values = new Object[reviews.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value.apply(reviews.get(i));
            }
            insert.setArray(++index, connection.createArrayOf(type, values));
        }
    }

    /** An instant as PostgreSQL reads it (ISO 8601, UTC); microseconds are what it keeps. */
    private static String timestamp(Instant at) {
        return at == null ? null : at.toString();
    }

    /** A text array's literal ({@code {"a","b"}}), every element quoted and escaped. */
    static String textArray(String[] values) {
        if (values == null) {
            return null;
        }
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            if (values[i] == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int k = 0; k < values[i].length(); k++) {
                char ch = values[i].charAt(k);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}
