package shop.winback.review.signals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.review.domain.Review;
import shop.winback.review.messaging.out.ItemSignalsV1.ItemDsrBelowThresholdV1;
import shop.winback.review.messaging.out.ItemSignalsV1.ProductProblemAlertV1;
import shop.winback.review.messaging.out.ReviewEvents;
import shop.winback.review.reasons.ComplaintReason;
import shop.winback.review.reasons.ReasonMatch;
import shop.winback.review.settings.ShopSettings;

/**
 * Watches items as reviews arrive: the rolling DSR falling below the shop's threshold (4.8 by
 * default), and the same complaint from several buyers in a short window (a production problem).
 * Each goes out once when it happens — a state row per item decides, atomically, so concurrent
 * captures and several instances raise it once. A capture of many reviews costs one query per
 * signal, whatever the number of items; state rows are written only when something happens, in
 * sorted order, so concurrent captures neither wait for each other nor deadlock.
 * Limitation: with several instances, a recovery is noticed by the instance that saw the fall, or
 * at the next review with a low score.
 */
@ApplicationScoped
public class ItemWatch {

    /** A fallen item's recovery is checked at most this often: a few seconds late is soon enough for follow-up. */
    static final long RECOVERY_CHECK_NANOS = 10_000_000_000L;

    private static final char SEP = '\u0000';

    private final DataSource dataSource;
    private final ReviewEvents events;
    private final Clock clock;
    /** Items this instance saw below the threshold (shop + sku), with when their recovery was last checked. */
    private final Map<String, Long> knownBelow = new ConcurrentHashMap<>();

    public ItemWatch(DataSource dataSource, ReviewEvents events, Clock clock) {
        this.dataSource = dataSource;
        this.events = events;
        this.clock = clock;
    }

    /** @param created reviews of one shop stored in this transaction; @param reasons their complaint reasons, by review id */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewsCaptured(List<Review> created, Map<UUID, List<ReasonMatch>> reasons, ShopSettings settings) {
        if (created.isEmpty()) {
            return;
        }
        String shop = created.get(0).shopId;
        Instant now = Instant.now(clock);
        watchDsr(shop, created, settings, now);
        watchComplaints(shop, created, reasons, settings, now);
    }

    /**
     * A review whose scores all reach the threshold cannot pull the average below it, so the
     * averages are read only for items with a lower score in this capture — or, now and then, to
     * notice the recovery of an item this instance saw fall. Most reviews are 5/5/5: no query.
     */
    private void watchDsr(String shop, List<Review> created, ShopSettings settings, Instant now) {
        Map<String, Review> latestOfItem = new TreeMap<>();
        long nanos = System.nanoTime();
        for (Review r : created) {
            boolean low = Math.min(r.dsrDescription, Math.min(r.dsrService, r.dsrShipping)) < settings.dsrThreshold();
            if (low || recoveryDue(shop + SEP + r.itemSku, nanos)) {
                latestOfItem.put(r.itemSku, r);
            }
        }
        if (latestOfItem.isEmpty()) {
            return;
        }
        // per item, only its latest reviews are read (an index scan that stops after the window), so
        // the cost does not grow with the item's history; the shop as (SELECT ?) keeps the planner on the
        // item index for a shop new to its statistics (see BuyerSuspicion)
        List<Object[]> rows = Jdbc.query(
                dataSource,
                """
                        SELECT s.sku, a.d, a.sv, a.sh, a.n,
                               (SELECT w.below FROM item_dsr_watch w WHERE w.shop_id = ? AND w.item_sku = s.sku)
                        FROM unnest(?::text[]) AS s(sku)
                        CROSS JOIN LATERAL (
                            SELECT avg(dsr_description) AS d, avg(dsr_service) AS sv, avg(dsr_shipping) AS sh, count(*) AS n
                            FROM (SELECT dsr_description, dsr_service, dsr_shipping FROM review
                                  WHERE shop_id = (SELECT ?) AND item_sku = s.sku ORDER BY created_at DESC LIMIT ?) latest) a
                        ORDER BY s.sku""",
                (q, c) -> {
                    q.setString(1, shop);
                    q.setArray(2, c.createArrayOf("text", latestOfItem.keySet().toArray(String[]::new)));
                    q.setString(3, shop);
                    q.setInt(4, settings.dsrWindowReviews());
                },
                rs -> new Object[] {
                    rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5), rs.getObject(6)
                });
        for (Object[] row : rows) {
            String sku = (String) row[0];
            int reviews = ((Number) row[4]).intValue();
            if (reviews < settings.dsrMinReviews()) {
                continue;
            }
            double description = round(row[1]);
            double service = round(row[2]);
            double shipping = round(row[3]);
            boolean below = Math.min(description, Math.min(service, shipping)) < settings.dsrThreshold();
            String key = shop + SEP + sku;
            if (below) {
                knownBelow.put(key, System.nanoTime());
            } else {
                knownBelow.remove(key);
            }
            if (row[5] != null && (Boolean) row[5] == below) {
                continue; // no crossing
            }
            // the row changes only on a crossing, so only the crossing publishes
            int crossed = Jdbc.update(dataSource, """
                            INSERT INTO item_dsr_watch (shop_id, item_sku, below, changed_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT (shop_id, item_sku) DO UPDATE SET below = excluded.below, changed_at = excluded.changed_at
                            WHERE item_dsr_watch.below <> excluded.below""", (q, c) -> {
                q.setString(1, shop);
                q.setString(2, sku);
                q.setBoolean(3, below);
                Jdbc.setInstant(q, 4, now);
            });
            if (crossed == 1 && below) {
                Review r = latestOfItem.get(sku);
                events.itemDsrBelowThreshold(
                        r.orderId,
                        new ItemDsrBelowThresholdV1(
                                shop,
                                sku,
                                r.itemTitle,
                                description,
                                service,
                                shipping,
                                settings.dsrThreshold(),
                                reviews,
                                now));
            }
        }
    }

    /** Distinct buyers with the same reason about the same item within the window, for every pair this capture touched. */
    private void watchComplaints(
            String shop,
            List<Review> created,
            Map<UUID, List<ReasonMatch>> reasons,
            ShopSettings settings,
            Instant now) {
        Map<String, Review> pairs = new TreeMap<>();
        Set<String> skus = new HashSet<>();
        for (Review r : created) {
            for (ReasonMatch m : reasons.getOrDefault(r.id, List.of())) {
                if (m.reason() != ComplaintReason.OTHER) {
                    pairs.put(r.itemSku + SEP + m.reason().name(), r);
                    skus.add(r.itemSku);
                }
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        Instant since = now.minus(settings.alertWindow());
        // pairs alerted within the window are settled: one cheap read, no counting
        Jdbc.query(
                dataSource,
                """
                        SELECT item_sku, reason FROM product_alert
                        WHERE shop_id = ? AND item_sku = ANY(?::text[]) AND raised_at >= ?""",
                (q, c) -> {
                    q.setString(1, shop);
                    q.setArray(2, c.createArrayOf("text", skus.toArray(String[]::new)));
                    Jdbc.setInstant(q, 3, since);
                },
                rs -> pairs.remove(rs.getString(1) + SEP + rs.getString(2)));
        for (Map.Entry<String, Review> pair : pairs.entrySet()) {
            Review r = pair.getValue();
            String reason = pair.getKey().substring(pair.getKey().indexOf(SEP) + 1);
            // distinct buyers, newest first, stopping at the threshold: the cost does not grow with the history
            List<String> buyers = Jdbc.query(
                    dataSource,
                    """
                            SELECT r.buyer_id, min(rr.evidence) FROM review r JOIN review_reason rr ON rr.review_id = r.id
                            WHERE r.shop_id = (SELECT ?) AND r.item_sku = ? AND rr.reason = ? AND r.created_at >= ?
                            GROUP BY r.buyer_id LIMIT ?""",
                    (q, c) -> {
                        q.setString(1, shop);
                        q.setString(2, r.itemSku);
                        q.setString(3, reason);
                        Jdbc.setInstant(q, 4, since);
                        q.setInt(5, Math.max(settings.alertBuyers(), 5));
                    },
                    rs -> rs.getString(2)); // the evidence, one per buyer
            if (buyers.size() < settings.alertBuyers()) {
                continue;
            }
            int raised = Jdbc.update(dataSource, """
                            INSERT INTO product_alert (shop_id, item_sku, reason, raised_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT (shop_id, item_sku, reason) DO UPDATE SET raised_at = excluded.raised_at
                            WHERE product_alert.raised_at < ?""", (q, c) -> {
                q.setString(1, shop);
                q.setString(2, r.itemSku);
                q.setString(3, reason);
                Jdbc.setInstant(q, 4, now);
                Jdbc.setInstant(q, 5, since);
            });
            if (raised == 1) {
                List<String> evidence = buyers.stream().distinct().toList();
                events.productProblemAlert(
                        r.orderId,
                        new ProductProblemAlertV1(
                                shop,
                                r.itemSku,
                                r.itemTitle,
                                reason,
                                buyers.size(),
                                settings.alertWindowHours(),
                                evidence,
                                now));
            }
        }
    }

    private boolean recoveryDue(String key, long now) {
        Long checked = knownBelow.get(key);
        return checked != null && now - checked >= RECOVERY_CHECK_NANOS;
    }

    private static double round(Object value) {
        return Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }
}
