package shop.winback.review.settings;

import jakarta.inject.Singleton;
import java.time.Duration;
import shop.winback.platform.settings.PerShopSettings;
import shop.winback.platform.settings.ShopSettingsTable;
import shop.winback.review.config.SignalDefaults;

/**
 * Each shop's thresholds: what it set, over the defaults. Read on the path of every capture, so
 * kept for a minute (a change made through another instance shows within that minute).
 */
@Singleton // no client proxy: its superclass, PerShopSettings, has no no-args constructor
public class ShopSettingsStore extends PerShopSettings<ShopSettings> {

    private final SignalDefaults defaults;

    public ShopSettingsStore(ShopSettingsTable table, SignalDefaults defaults) {
        super(table, ShopSettings.class, Duration.ofMinutes(1));
        this.defaults = defaults;
    }

    @Override
    protected ShopSettings none() {
        return ShopSettings.none();
    }

    @Override
    protected ShopSettings overDefaults(ShopSettings own) {
        return own.over(defaults);
    }
}
