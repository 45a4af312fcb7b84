package shop.winback.review.signals;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import shop.winback.platform.settings.PerShopCache;
import shop.winback.platform.settings.ShopSettingsTable;
import shop.winback.review.config.SignalDefaults;

/**
 * Each shop's thresholds: what it set, over the defaults. Read on the path of every capture, so
 * kept for a minute (a change made through another instance shows within that minute).
 */
@ApplicationScoped
public class ShopSettingsStore {

    private final ShopSettingsTable table;
    private final SignalDefaults defaults;
    private final PerShopCache<ShopSettings> cache = new PerShopCache<>(Duration.ofMinutes(1));

    public ShopSettingsStore(ShopSettingsTable table, SignalDefaults defaults) {
        this.table = table;
        this.defaults = defaults;
    }

    /** The thresholds in force for the shop. */
    public ShopSettings effective(String shopId) {
        return cache.get(shopId, () -> own(shopId).over(defaults));
    }

    /** What the shop set itself (nulls elsewhere). */
    public ShopSettings own(String shopId) {
        return table.read(shopId, ShopSettings.class).orElseGet(ShopSettings::none);
    }

    /** Replaces what the shop set; omitted fields go back to the defaults. */
    public ShopSettings replace(String shopId, ShopSettings settings, String by) {
        table.write(shopId, settings, by);
        cache.forget(shopId);
        return settings.over(defaults);
    }
}
