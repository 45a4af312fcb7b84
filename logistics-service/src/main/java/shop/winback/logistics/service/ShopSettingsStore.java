package shop.winback.logistics.service;

import jakarta.enterprise.context.ApplicationScoped;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.platform.settings.ShopSettingsTable;

/** Each shop's settings over the configured defaults. */
@ApplicationScoped
public class ShopSettingsStore {

    private final ShopSettingsTable table;
    private final LogisticsConfig config;

    public ShopSettingsStore(ShopSettingsTable table, LogisticsConfig config) {
        this.table = table;
        this.config = config;
    }

    /** The numbers in force for the shop. */
    public LogisticsSettings effective(String shopId) {
        return own(shopId).over(config.weightCheck());
    }

    /** What the shop set itself. */
    public LogisticsSettings own(String shopId) {
        return table.read(shopId, LogisticsSettings.class).orElseGet(LogisticsSettings::none);
    }

    /** Replaces what the shop set; omitted fields go back to the defaults. */
    public LogisticsSettings replace(String shopId, LogisticsSettings settings, String by) {
        table.write(shopId, settings, by);
        return settings.over(config.weightCheck());
    }
}
