package shop.winback.review.signals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.review.domain.Review;
import shop.winback.review.settings.ShopSettings;

/**
 * Is this a professional bad-reviewer (职业差评师)? A score with its reasons, from the buyer's
 * history in this shop: many neutral/bad reviews lately, a high share of them, the same words
 * posted again, a young account. A suspected buyer goes to a supervisor — evidence first, no quick
 * cash (DOMAIN "Reviews").
 */
@ApplicationScoped
public class BuyerSuspicion {

    static final double MANY_NEGATIVE = 0.4;
    static final double HIGH_SHARE = 0.3;
    static final double SAME_WORDS = 0.2;
    static final double YOUNG_ACCOUNT = 0.1;

    /** Punctuation, spaces and symbols: what the same words posted again may differ in. Compiled once: every capture uses it. */
    private static final Pattern NOT_WORDS = Pattern.compile("[\\p{P}\\p{Z}\\p{S}\\s]");

    private final DataSource dataSource;

    public BuyerSuspicion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param suspected score at or above the shop's threshold */
    public record Assessment(boolean suspected, double score, List<String> reasons) {}

    /** The text as words only: what "the same words again" compares. */
    public static String fingerprint(String text) {
        if (text == null) {
            return null;
        }
        String words = NOT_WORDS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? null : words;
    }

    /**
     * For neutral or bad reviews of one shop just stored (each counts itself): two queries for the
     * whole capture, whatever the number of buyers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Assessment> assess(List<Review> negative, ShopSettings settings) {
        Map<UUID, Assessment> assessments = new HashMap<>();
        if (negative.isEmpty()) {
            return assessments;
        }
        String shop = negative.get(0).shopId;
        Instant since = negative.stream()
                .map(r -> r.createdAt)
                .min(Instant::compareTo)
                .orElseThrow()
                .minus(settings.suspicionWindow());
        String[] buyers = negative.stream().map(r -> r.buyerId).distinct().toArray(String[]::new);
        Map<String, long[]> history = new HashMap<>();
        // One index lookup per buyer (shop, buyer, time): never a scan of the shop's reviews. The shop is
        // given as (SELECT ?) so the planner cannot plan for its value: for a shop new to the statistics it
        // estimated one row, took the shop's item index and filtered every review of the shop per buyer
        // (up to seconds a capture while a new shop syncs its history).
        Jdbc.query(
                dataSource,
                """
                        SELECT b.id, h.total, h.negative
                        FROM unnest(?::text[]) AS b(id)
                        CROSS JOIN LATERAL (
                            SELECT count(*) AS total, count(*) FILTER (WHERE rating <> 'GOOD') AS negative
                            FROM review WHERE shop_id = (SELECT ?) AND buyer_id = b.id AND created_at >= ?) h""",
                (q, c) -> {
                    q.setArray(1, c.createArrayOf("text", buyers));
                    q.setString(2, shop);
                    Jdbc.setInstant(q, 3, since);
                },
                rs -> history.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}));
        String[] fingerprints = negative.stream()
                .map(r -> r.textFingerprint)
                .filter(f -> f != null)
                .distinct()
                .toArray(String[]::new);
        Map<String, Long> sameWords = new HashMap<>();
        if (fingerprints.length > 0) {
            // per buyer again, the shop hidden from the planner in the same way
            Jdbc.query(
                    dataSource,
                    """
                            SELECT b.id, w.text_fingerprint, w.n
                            FROM unnest(?::text[]) AS b(id)
                            CROSS JOIN LATERAL (
                                SELECT text_fingerprint, count(*) AS n FROM review
                                WHERE shop_id = (SELECT ?) AND buyer_id = b.id AND created_at >= ?
                                  AND rating <> 'GOOD' AND text_fingerprint = ANY(?::text[])
                                GROUP BY text_fingerprint) w""",
                    (q, c) -> {
                        q.setArray(1, c.createArrayOf("text", buyers));
                        q.setString(2, shop);
                        Jdbc.setInstant(q, 3, since);
                        q.setArray(4, c.createArrayOf("text", fingerprints));
                    },
                    rs -> sameWords.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getLong(3)));
        }
        for (Review review : negative) {
            long[] h = history.getOrDefault(review.buyerId, new long[] {1, 1});
            long others = review.textFingerprint == null
                    ? 0
                    : sameWords.getOrDefault(review.buyerId + "\u0000" + review.textFingerprint, 1L) - 1; // not itself
            assessments.put(review.id, score(review, h[0], h[1], others, settings));
        }
        return assessments;
    }

    private static Assessment score(Review review, long total, long negative, long sameWords, ShopSettings settings) {
        double score = 0;
        List<String> reasons = new ArrayList<>();
        if (negative >= settings.suspicionMinNegative()) {
            score += MANY_NEGATIVE;
            reasons.add(negative + " neutral/bad reviews in " + settings.suspicionWindowDays() + " days");
        }
        if (total >= 3 && (double) negative / total >= settings.suspicionNegativeShare()) {
            score += HIGH_SHARE;
            reasons.add(Math.round(100.0 * negative / total) + " % of " + total + " reviews neutral/bad");
        }
        if (sameWords > 0) {
            score += SAME_WORDS;
            reasons.add("the same words in " + sameWords + " other neutral/bad review" + (sameWords > 1 ? "s" : ""));
        }
        if (review.buyerAccountCreatedAt != null
                && Duration.between(review.buyerAccountCreatedAt, review.createdAt)
                                .toDays()
                        < settings.suspicionYoungAccountDays()) {
            score += YOUNG_ACCOUNT;
            reasons.add("account "
                    + Math.max(
                            0,
                            Duration.between(review.buyerAccountCreatedAt, review.createdAt)
                                    .toDays()) + " days old");
        }
        score = Math.round(score * 100) / 100.0;
        return new Assessment(score >= settings.suspicionThreshold(), score, List.copyOf(reasons));
    }
}
