package shop.winback.compensation.settings;

import jakarta.inject.Singleton;
import java.time.Duration;
import shop.winback.compensation.config.ShopDefaults;
import shop.winback.platform.settings.PerShopSettings;
import shop.winback.platform.settings.ShopSettingsTable;

/**
 * Each shop's compensation numbers: what it set, over the defaults. Read every time, not kept: an agent's authority
 * and the ladder's amounts apply from the moment a manager changes them, on every instance.
 */
@Singleton // no client proxy: its superclass, PerShopSettings, has no no-args constructor
public class ShopSettingsStore extends PerShopSettings<ShopSettings> {

    private final ShopDefaults defaults;

    public ShopSettingsStore(ShopSettingsTable table, ShopDefaults defaults) {
        super(table, ShopSettings.class, Duration.ZERO);
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
