package shop.winback.platform.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shop.winback.platform.json.StrictJson;

/**
 * The {@code shop_settings} table every service keeps (shop_id, settings as JSON, updated_at,
 * updated_by): what each shop set itself, and nothing else — each service lays its own defaults
 * (DOMAIN's numbers, typed config) over it.
 */
@ApplicationScoped
public class ShopSettingsTable {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public ShopSettingsTable(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** What the shop set, or empty when it never set anything. */
    @Transactional
    public <S> Optional<S> read(String shopId, Class<S> type) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery(
                        "SELECT CAST(settings AS text) FROM shop_settings WHERE shop_id = ?1", String.class)
                .setParameter(1, shopId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            // stored by this or an earlier version: a setting since retired is ignored, not fatal
            return Optional.of(StrictJson.lenient(json, type).readValue(rows.get(0)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored settings of shop " + shopId + " are unreadable", e);
        }
    }

    /** Replaces what the shop set (a text or jsonb column alike takes the JSON). */
    @Transactional
    public void write(String shopId, Object settings, String by) {
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
                .setParameter(1, shopId)
                .setParameter(2, stored)
                .setParameter(3, Instant.now(clock))
                .setParameter(4, by)
                .executeUpdate();
    }
}
