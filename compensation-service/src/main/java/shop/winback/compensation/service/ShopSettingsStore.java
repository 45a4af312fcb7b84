package shop.winback.compensation.service;

import jakarta.enterprise.context.ApplicationScoped;
import shop.winback.compensation.config.ShopDefaults;
import shop.winback.platform.settings.ShopSettingsTable;

/** Each shop's compensation numbers: what it set, over the defaults. */
@ApplicationScoped
public class ShopSettingsStore {

    private final ShopSettingsTable table;
    private final ShopDefaults defaults;

    public ShopSettingsStore(ShopSettingsTable table, ShopDefaults defaults) {
        this.table = table;
        this.defaults = defaults;
    }

    /** The numbers in force for the shop. */
    public ShopSettings effective(String shopId) {
        return own(shopId).over(defaults);
    }

    /** The defaults alone (for pure rule checks). */
    public ShopSettings defaults() {
        return ShopSettings.none().over(defaults);
    }

    /** What the shop set itself (nulls elsewhere). */
    public ShopSettings own(String shopId) {
        return table.read(shopId, ShopSettings.class).orElseGet(ShopSettings::none);
    }

    /** Replaces what the shop set; omitted fields go back to the defaults. */
    public ShopSettings replace(String shopId, ShopSettings settings, String by) {
        table.write(shopId, settings, by);
        return settings.over(defaults);
    }
}
