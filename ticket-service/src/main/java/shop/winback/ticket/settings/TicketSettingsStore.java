package shop.winback.ticket.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import shop.winback.ticket.config.TicketDefaults;

/**
 * Each shop's ticket settings: what it set, over the defaults. Read on the path of every ticket,
 * so kept for a minute (a change made through another instance shows within that minute).
 */
@ApplicationScoped
public class TicketSettingsStore {

    private static final long KEEP_NANOS = 60_000_000_000L;

    private final EntityManager em;
    private final ObjectMapper json;
    private final TicketDefaults defaults;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(TicketSettings effective, long at) {
    }

    public TicketSettingsStore(EntityManager em, ObjectMapper json, TicketDefaults defaults, Clock clock) {
        this.em = em;
        this.json = json;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The settings in force for the shop. */
    @Transactional
    public TicketSettings effective(String shopId) {
        long now = System.nanoTime();
        Cached cached = cache.get(shopId);
        if (cached != null && now - cached.at() < KEEP_NANOS) {
            return cached.effective();
        }
        TicketSettings effective = own(shopId).over(defaults);
        cache.put(shopId, new Cached(effective, now));
        return effective;
    }

    /** What the shop set itself (nulls elsewhere). */
    @Transactional
    public TicketSettings own(String shopId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT settings::text FROM shop_settings WHERE shop_id = ?1", String.class)
                .setParameter(1, shopId).getResultList();
        if (rows.isEmpty()) {
            return TicketSettings.none();
        }
        try {
            return json.readValue(rows.get(0), TicketSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored ticket settings of shop " + shopId + " are unreadable", e);
        }
    }

    /** Replaces what the shop set; omitted fields go back to the defaults. */
    @Transactional
    public TicketSettings replace(String shopId, TicketSettings settings, String by) {
        String stored;
        try {
            stored = json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        em.createNativeQuery("""
                        INSERT INTO shop_settings (shop_id, settings, updated_at, updated_by) VALUES (?1, CAST(?2 AS jsonb), ?3, ?4)
                        ON CONFLICT (shop_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .setParameter(1, shopId).setParameter(2, stored).setParameter(3, Instant.now(clock)).setParameter(4, by)
                .executeUpdate();
        cache.remove(shopId);
        return settings.over(defaults);
    }
}
