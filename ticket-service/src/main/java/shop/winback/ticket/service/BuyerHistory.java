package shop.winback.ticket.service;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who worked each buyer's latest assigned ticket: a returning buyer goes back to that agent. */
final class BuyerHistory {

    private BuyerHistory() {
    }

    static Map<String, UUID> lastAgents(EntityManager em, String shopId, Collection<String> buyerIds) {
        if (buyerIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT ON (buyer_id) buyer_id, agent_id FROM ticket
                        WHERE shop_id = ?1 AND buyer_id = ANY(?2) AND agent_id IS NOT NULL
                        ORDER BY buyer_id, assigned_at DESC""")
                .setParameter(1, shopId)
                .setParameter(2, buyerIds.stream().distinct().toArray(String[]::new))
                .getResultList();
        Map<String, UUID> last = new HashMap<>();
        for (Object[] row : rows) {
            last.put((String) row[0], (UUID) row[1]);
        }
        return last;
    }
}
