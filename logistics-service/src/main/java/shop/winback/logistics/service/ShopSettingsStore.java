package shop.winback.logistics.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import shop.winback.logistics.config.LogisticsConfig;

/** Each shop's settings over the configured defaults. */
@ApplicationScoped
public class ShopSettingsStore {

    private final EntityManager em;
    private final ObjectMapper json;
    private final LogisticsConfig config;
    private final Clock clock;

    public ShopSettingsStore(EntityManager em, ObjectMapper json, LogisticsConfig config, Clock clock) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** The numbers in force for the shop. */
    @Transactional
    public LogisticsSettings effective(String shopId) {
        return own(shopId).over(config.weightCheck());
    }

    /** What the shop set itself. */
    @Transactional
    public LogisticsSettings own(String shopId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT cast(settings AS text) FROM shop_settings WHERE shop_id = ?1", String.class)
                .setParameter(1, shopId).getResultList();
        if (rows.isEmpty()) {
            return LogisticsSettings.none();
        }
        try {
            return json.readValue(rows.get(0), LogisticsSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored settings of shop " + shopId + " are unreadable", e);
        }
    }

    /** Replaces what the shop set; omitted fields go back to the defaults. */
    @Transactional
    public LogisticsSettings replace(String shopId, LogisticsSettings settings, String by) {
        String stored;
        try {
            stored = json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        em.createNativeQuery("""
                        INSERT INTO shop_settings (shop_id, settings, updated_at, updated_by) VALUES (?1, cast(?2 AS jsonb), ?3, ?4)
                        ON CONFLICT (shop_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .setParameter(1, shopId).setParameter(2, stored).setParameter(3, Instant.now(clock)).setParameter(4, by)
                .executeUpdate();
        return settings.over(config.weightCheck());
    }
}
