package shop.winback.compensation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import shop.winback.compensation.domain.OrderFact;
import shop.winback.compensation.messaging.in.ReviewReceivedV1;
import shop.winback.platform.jdbc.Jdbc;

/**
 * The order facts learned from neutral and bad reviews. Written a poll at a time (one JDBC batch of
 * upserts, in the consumer's transaction, each event once: its inbox); a later review of another line of the
 * same order adds its rating, and a suspicion once raised stays. When the goods arrived is the
 * courier's signed-for scan where there is one ({@link Deliveries}), else what the order system said.
 */
@ApplicationScoped
public class OrderFacts {

    static final String REASONS_SEPARATOR = "; ";

    private final DataSource dataSource;
    private final Clock clock;

    public OrderFacts(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** @param capturedAt ce_time, when review-service captured it (null: now) */
    public record Received(ReviewReceivedV1 review, Instant capturedAt) {}

    @Transactional
    public void record(List<Received> fresh) {
        Instant now = Instant.now(clock);
        Jdbc.batch(dataSource, """
                INSERT INTO order_facts (shop_id, order_id, order_amount_fen, distinct_items, neutral_review, bad_review,
                                         buyer_province, buyer_city, buyer_suspected, suspicion_reasons, first_review_at, updated_at,
                                         quality_complaint, goods_received_at, goods_worn_or_used)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (shop_id, order_id) DO UPDATE SET
                    order_amount_fen = excluded.order_amount_fen, distinct_items = excluded.distinct_items,
                    neutral_review = order_facts.neutral_review OR excluded.neutral_review,
                    bad_review = order_facts.bad_review OR excluded.bad_review,
                    buyer_province = excluded.buyer_province, buyer_city = excluded.buyer_city,
                    buyer_suspected = order_facts.buyer_suspected OR excluded.buyer_suspected,
                    suspicion_reasons = CASE WHEN excluded.buyer_suspected THEN excluded.suspicion_reasons
                                             ELSE order_facts.suspicion_reasons END,
                    quality_complaint = order_facts.quality_complaint OR excluded.quality_complaint,
                    goods_received_at = COALESCE(excluded.goods_received_at, order_facts.goods_received_at),
                    goods_worn_or_used = COALESCE(excluded.goods_worn_or_used, order_facts.goods_worn_or_used),
                    updated_at = excluded.updated_at""", fresh, (insert, r) -> {
            ReviewReceivedV1 v = r.review();
            insert.setString(1, v.shopId());
            insert.setString(2, v.orderId());
            insert.setLong(3, v.orderAmountFen());
            insert.setInt(4, v.distinctItems());
            insert.setBoolean(5, "NEUTRAL".equals(v.rating()));
            insert.setBoolean(6, "BAD".equals(v.rating()));
            insert.setString(7, v.buyer().province().strip());
            insert.setString(
                    8, v.buyer().city() == null ? null : v.buyer().city().strip());
            insert.setBoolean(9, v.suspectedProfessional());
            String reasons = v.suspectedProfessional() && v.buyerSuspicion().reasons() != null
                    ? String.join(REASONS_SEPARATOR, v.buyerSuspicion().reasons())
                    : null;
            if (reasons == null) {
                insert.setNull(10, Types.VARCHAR);
            } else {
                insert.setString(10, reasons.length() > 1000 ? reasons.substring(0, 1000) : reasons);
            }
            Jdbc.setInstant(insert, 11, r.capturedAt() == null ? now : r.capturedAt());
            Jdbc.setInstant(insert, 12, now);
            insert.setBoolean(13, v.qualityComplaint());
            Jdbc.setInstant(insert, 14, v.goods() == null ? null : v.goods().receivedAt());
            insert.setObject(15, v.goods() == null ? null : v.goods().wornOrUsed(), Types.BOOLEAN);
        });
    }

    /** What the service knows of the order; empty when no neutral or bad review of it has arrived. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrderFact> find(String shopId, String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return Optional.empty();
        }
        return Jdbc.query(
                        dataSource,
                        """
                SELECT f.order_amount_fen, f.distinct_items, f.neutral_review, f.bad_review, f.buyer_province, f.buyer_city,
                       f.buyer_suspected, f.suspicion_reasons, f.quality_complaint,
                       COALESCE(d.delivered_at, f.goods_received_at), f.goods_worn_or_used
                FROM order_facts f LEFT JOIN parcel_delivery d ON d.shop_id = f.shop_id AND d.order_id = f.order_id
                WHERE f.shop_id = ? AND f.order_id = ?""",
                        (select, connection) -> {
                            select.setString(1, shopId);
                            select.setString(2, orderId.strip());
                        },
                        row -> new OrderFact(
                                shopId,
                                orderId.strip(),
                                row.getLong(1),
                                row.getInt(2),
                                row.getBoolean(3),
                                row.getBoolean(4),
                                row.getString(5),
                                row.getString(6),
                                row.getBoolean(7),
                                row.getString(8) == null
                                        ? List.of()
                                        : Arrays.asList(row.getString(8).split(REASONS_SEPARATOR)),
                                row.getBoolean(9),
                                Jdbc.instant(row, 10),
                                (Boolean) row.getObject(11)))
                .stream()
                .findFirst();
    }
}
