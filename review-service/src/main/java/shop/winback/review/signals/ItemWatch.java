package shop.winback.review.signals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.UUID;
import shop.winback.platform.outbox.Outbox;
import shop.winback.review.config.ReviewConfig;
import shop.winback.review.domain.Review;
import shop.winback.review.messaging.ItemSignalsV1.ItemDsrBelowThresholdV1;
import shop.winback.review.messaging.ItemSignalsV1.ProductProblemAlertV1;
import shop.winback.review.reasons.ComplaintReason;
import shop.winback.review.reasons.ReasonMatch;

/**
 * Watches items as reviews arrive: the rolling DSR falling below the shop's threshold (4.8 by
 * default), and the same complaint from several buyers in a short window (a production problem).
 * Each goes out once when it happens — a state row per item decides, atomically, so concurrent
 * captures and several instances raise it once. Limitation: with several instances, a recovery is
 * noticed by the instance that saw the fall, or at the next review with a low score.
 */
@ApplicationScoped
public class ItemWatch {

    private final EntityManager em;
    private final Outbox outbox;
    private final ReviewConfig config;
    private final Clock clock;
    /** Items this instance saw below the threshold (shop + sku), with when their recovery was last checked. */
    private final Map<String, Long> knownBelow = new ConcurrentHashMap<>();
    /** A fallen item's recovery is checked at most this often: a few seconds late is soon enough for follow-up. */
    static final long RECOVERY_CHECK_NANOS = 10_000_000_000L;

    public ItemWatch(EntityManager em, Outbox outbox, ReviewConfig config, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** @param created reviews stored in this transaction; @param reasons their complaint reasons, by review id */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewsCaptured(List<Review> created, Map<UUID, List<ReasonMatch>> reasons, ShopSettings settings) {
        // items and (item, reason) pairs in sorted order: concurrent captures take row locks in one order, no deadlock
        Map<String, Review> latestOfItem = new TreeMap<>();
        Set<String> mayHaveFallen = new HashSet<>();
        for (Review r : created) {
            latestOfItem.put(r.itemSku, r);
            if (Math.min(r.dsrDescription, Math.min(r.dsrService, r.dsrShipping)) < settings.dsrThreshold()) {
                mayHaveFallen.add(r.itemSku);
            }
        }
        // A review whose scores all reach the threshold cannot pull the average below it, so the
        // averages are read only after a lower score — or, now and then, to notice the recovery of
        // an item this instance saw fall. Most reviews are 5/5/5: they cost no query here.
        long now = System.nanoTime();
        latestOfItem.values().stream()
                .filter(r -> mayHaveFallen.contains(r.itemSku) || recoveryDue(r.shopId + "\u0000" + r.itemSku, now))
                .forEach(r -> watchDsr(r, settings));
        Map<String, Review> complaints = new TreeMap<>();
        for (Review r : created) {
            for (ReasonMatch m : reasons.getOrDefault(r.id, List.of())) {
                if (m.reason() != ComplaintReason.OTHER) {
                    complaints.put(r.itemSku + "\u0000" + m.reason().name(), r);
                }
            }
        }
        complaints.forEach((key, r) -> watchComplaints(r, ComplaintReason.valueOf(key.substring(key.indexOf('\u0000') + 1)), settings));
    }

    private void watchDsr(Review r, ShopSettings settings) {
        // one round trip on the path of every review: the averages and the item's current state together
        Object[] avg = (Object[]) em.createNativeQuery("""
                        SELECT avg(dsr_description), avg(dsr_service), avg(dsr_shipping), count(*),
                               (SELECT below FROM item_dsr_watch WHERE shop_id = ?1 AND item_sku = ?2)
                        FROM (SELECT dsr_description, dsr_service, dsr_shipping FROM review
                              WHERE shop_id = ?1 AND item_sku = ?2 ORDER BY created_at DESC LIMIT ?3) latest""")
                .setParameter(1, r.shopId).setParameter(2, r.itemSku).setParameter(3, settings.dsrWindowReviews())
                .getSingleResult();
        int reviews = ((Number) avg[3]).intValue();
        if (reviews < settings.dsrMinReviews()) {
            return;
        }
        double description = round(avg[0]);
        double service = round(avg[1]);
        double shipping = round(avg[2]);
        boolean below = Math.min(description, Math.min(service, shipping)) < settings.dsrThreshold();
        String key = r.shopId + "\u0000" + r.itemSku;
        if (below) {
            knownBelow.put(key, System.nanoTime());
        } else {
            knownBelow.remove(key);
        }
        if (avg[4] != null && (Boolean) avg[4] == below) {
            return; // no crossing
        }
        Instant now = Instant.now(clock);
        // the row changes only on a crossing, so only the crossing publishes
        int crossed = em.createNativeQuery("""
                        INSERT INTO item_dsr_watch (shop_id, item_sku, below, changed_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (shop_id, item_sku) DO UPDATE SET below = excluded.below, changed_at = excluded.changed_at
                        WHERE item_dsr_watch.below <> excluded.below""")
                .setParameter(1, r.shopId).setParameter(2, r.itemSku).setParameter(3, below).setParameter(4, now)
                .executeUpdate();
        if (crossed == 1 && below) {
            outbox.publish(config.topic(), r.orderId, ItemDsrBelowThresholdV1.TYPE, r.itemSku, now,
                    new ItemDsrBelowThresholdV1(r.shopId, r.itemSku, r.itemTitle, description, service, shipping,
                            settings.dsrThreshold(), reviews, now));
        }
    }

    private boolean recoveryDue(String key, long now) {
        Long checked = knownBelow.get(key);
        return checked != null && now - checked >= RECOVERY_CHECK_NANOS;
    }

    private void watchComplaints(Review r, ComplaintReason reason, ShopSettings settings) {
        Instant now = Instant.now(clock);
        Instant since = now.minus(settings.alertWindow());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.buyer_id, min(rr.evidence) FROM review r JOIN review_reason rr ON rr.review_id = r.id
                        WHERE r.shop_id = ?1 AND r.item_sku = ?2 AND rr.reason = ?3 AND r.created_at >= ?4
                        GROUP BY r.buyer_id""", Object[].class)
                .setParameter(1, r.shopId).setParameter(2, r.itemSku).setParameter(3, reason.name()).setParameter(4, since)
                .getResultList();
        if (rows.size() < settings.alertBuyers()) {
            return;
        }
        // read before writing: an upsert would lock the row even when the alert is recent, and every
        // capture complaining of this item would then wait for the others
        @SuppressWarnings("unchecked")
        List<Instant> last = em.createNativeQuery(
                        "SELECT raised_at FROM product_alert WHERE shop_id = ?1 AND item_sku = ?2 AND reason = ?3", Instant.class)
                .setParameter(1, r.shopId).setParameter(2, r.itemSku).setParameter(3, reason.name()).getResultList();
        if (!last.isEmpty() && !last.get(0).isBefore(since)) {
            return;
        }
        int raised = em.createNativeQuery("""
                        INSERT INTO product_alert (shop_id, item_sku, reason, raised_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (shop_id, item_sku, reason) DO UPDATE SET raised_at = excluded.raised_at
                        WHERE product_alert.raised_at < ?5""")
                .setParameter(1, r.shopId).setParameter(2, r.itemSku).setParameter(3, reason.name()).setParameter(4, now)
                .setParameter(5, since)
                .executeUpdate();
        if (raised == 1) {
            List<String> evidence = rows.stream().map(row -> (String) row[1]).distinct().limit(5).toList();
            outbox.publish(config.topic(), r.orderId, ProductProblemAlertV1.TYPE, r.itemSku, now,
                    new ProductProblemAlertV1(r.shopId, r.itemSku, r.itemTitle, reason.name(), rows.size(),
                            settings.alertWindowHours(), evidence, now));
        }
    }

    private static double round(Object value) {
        return Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }
}
