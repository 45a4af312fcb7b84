package shop.winback.ticket.settings;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import shop.winback.platform.settings.PerShopCache;
import shop.winback.platform.settings.ShopSettingsTable;
import shop.winback.ticket.config.TicketDefaults;

/**
 * Each shop's ticket settings: what it set, over the defaults. Read on the path of every ticket,
 * so kept for a minute (a change made through another instance shows within that minute).
 */
@ApplicationScoped
public class TicketSettingsStore {

    private final ShopSettingsTable table;
    private final TicketDefaults defaults;
    private final PerShopCache<TicketSettings> cache = new PerShopCache<>(Duration.ofMinutes(1));

    public TicketSettingsStore(ShopSettingsTable table, TicketDefaults defaults) {
        this.table = table;
        this.defaults = defaults;
    }

    /** The settings in force for the shop. */
    public TicketSettings effective(String shopId) {
        return cache.get(shopId, () -> own(shopId).over(defaults));
    }

    /** The settings in force, read now rather than kept: for decisions that must not use another instance's old copy. */
    public TicketSettings fresh(String shopId) {
        cache.forget(shopId);
        return effective(shopId);
    }

    /** What the shop set itself (nulls elsewhere). */
    public TicketSettings own(String shopId) {
        return table.read(shopId, TicketSettings.class).orElseGet(TicketSettings::none);
    }

    /** Replaces what the shop set; omitted fields go back to the defaults. */
    public TicketSettings replace(String shopId, TicketSettings settings, String by) {
        table.write(shopId, settings, by);
        cache.forget(shopId);
        return settings.over(defaults);
    }
}
