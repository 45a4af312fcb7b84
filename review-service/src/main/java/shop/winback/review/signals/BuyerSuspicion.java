package shop.winback.review.signals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import shop.winback.review.domain.Review;

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

    private final EntityManager em;

    public BuyerSuspicion(EntityManager em) {
        this.em = em;
    }

    /** @param suspected score at or above the shop's threshold */
    public record Assessment(boolean suspected, double score, List<String> reasons) {
    }

    /** The text as words only: what "the same words again" compares. */
    public static String fingerprint(String text) {
        if (text == null) {
            return null;
        }
        String words = text.replaceAll("[\\p{P}\\p{Z}\\p{S}\\s]", "").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? null : words;
    }

    /** For a neutral or bad review just stored (it counts itself). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Assessment assess(Review review, ShopSettings settings) {
        Object[] history = (Object[]) em.createNativeQuery("""
                        SELECT count(*),
                               count(*) FILTER (WHERE rating <> 'GOOD'),
                               count(*) FILTER (WHERE rating <> 'GOOD' AND id <> ?4 AND text_fingerprint = ?5)
                        FROM review WHERE shop_id = ?1 AND buyer_id = ?2 AND created_at >= ?3""")
                .setParameter(1, review.shopId).setParameter(2, review.buyerId)
                .setParameter(3, review.createdAt.minus(settings.suspicionWindow()))
                .setParameter(4, review.id).setParameter(5, review.textFingerprint)
                .getSingleResult();
        long total = ((Number) history[0]).longValue();
        long negative = ((Number) history[1]).longValue();
        long sameWords = ((Number) history[2]).longValue();
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
            reasons.add("the same words in " + sameWords + " earlier neutral/bad review" + (sameWords > 1 ? "s" : ""));
        }
        if (review.buyerAccountCreatedAt != null
                && Duration.between(review.buyerAccountCreatedAt, review.createdAt).toDays() < settings.suspicionYoungAccountDays()) {
            score += YOUNG_ACCOUNT;
            reasons.add("account " + Math.max(0, Duration.between(review.buyerAccountCreatedAt, review.createdAt).toDays())
                    + " days old");
        }
        score = Math.round(score * 100) / 100.0;
        return new Assessment(score >= settings.suspicionThreshold(), score, List.copyOf(reasons));
    }
}
