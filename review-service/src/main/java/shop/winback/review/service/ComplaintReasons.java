package shop.winback.review.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import shop.winback.review.reasons.ComplaintReason;
import shop.winback.review.reasons.ReasonClassifier;
import shop.winback.review.reasons.ReasonLexicon;
import shop.winback.review.reasons.ReasonMatch;

/**
 * What a review's words complain about: the default lexicon plus the shop's own terms
 * ({@code reason_term}). Each shop's classifier is built on first use and rebuilt when its terms
 * change here, or after a minute (another instance may have changed them). Created at startup, so
 * the fallback model is learnt (about a third of a second) before the first review arrives.
 */
@Startup
@ApplicationScoped
public class ComplaintReasons {

    private final ReasonLexicon defaults = ReasonLexicon.defaults();
    private final ReasonClassifier standard = new ReasonClassifier(defaults);
    private static final long REBUILD_AFTER_NANOS = 60_000_000_000L;

    private record Built(ReasonClassifier classifier, long at) {}

    private final Map<String, Built> byShop = new ConcurrentHashMap<>();
    private final EntityManager em;

    public ComplaintReasons(EntityManager em) {
        this.em = em;
    }

    /** The reasons of a NEUTRAL or BAD review: its words, else the classifier's guess. */
    public List<ReasonMatch> of(String shopId, String text) {
        return classifier(shopId).classify(text);
    }

    /** The complaints a text names in words, without a guess: for a text that may be praise (a GOOD revision). */
    public List<ReasonMatch> named(String shopId, String text) {
        return classifier(shopId).complaintsNamed(text);
    }

    private ReasonClassifier classifier(String shopId) {
        long now = System.nanoTime();
        Built built = byShop.compute(
                shopId,
                (shop, old) ->
                        old != null && now - old.at() < REBUILD_AFTER_NANOS ? old : new Built(classifierOf(shop), now));
        return built.classifier();
    }

    /** The shop's terms changed: its classifier is rebuilt on next use. */
    public void forget(String shopId) {
        byShop.remove(shopId);
    }

    /** The text still names a complaint (anything but OTHER). */
    public boolean readNegative(List<ReasonMatch> matches) {
        return matches.stream().anyMatch(m -> m.reason() != ComplaintReason.OTHER);
    }

    public static List<String> names(List<ReasonMatch> matches) {
        return matches.stream()
                .map(ReasonMatch::reason)
                .filter(r -> r != ComplaintReason.OTHER)
                .map(Enum::name)
                .distinct()
                .toList();
    }

    private ReasonClassifier classifierOf(String shopId) {
        List<Object[]> rows = QuarkusTransaction.joiningExisting()
                .call(() -> em.createNativeQuery(
                                "SELECT reason, term FROM reason_term WHERE shop_id = ?1", Object[].class)
                        .setParameter(1, shopId)
                        .getResultList());
        if (rows.isEmpty()) {
            return standard;
        }
        Map<ComplaintReason, List<String>> extra = new EnumMap<>(ComplaintReason.class);
        for (Object[] row : rows) {
            String term = (String) row[1];
            try {
                ReasonLexicon.checkedTerm(term);
            } catch (IllegalArgumentException e) {
                // stored before the edge checked terms: it classifies nothing, and capture goes on
                Log.warnf(
                        "Shop %s has a reason term the classifier cannot use (%s), ignored: %s",
                        shopId, e.getMessage(), term);
                continue;
            }
            extra.computeIfAbsent(ComplaintReason.valueOf((String) row[0]), r -> new ArrayList<>())
                    .add(term);
        }
        return new ReasonClassifier(defaults.withExtra(extra));
    }
}
