package shop.winback.ticket.settings;

import jakarta.inject.Singleton;
import java.time.Duration;
import shop.winback.platform.settings.PerShopSettings;
import shop.winback.platform.settings.ShopSettingsTable;
import shop.winback.ticket.config.TicketDefaults;

/**
 * Each shop's ticket settings: what it set, over the defaults. Read on the path of every ticket,
 * so kept for a minute (a change made through another instance shows within that minute; {@link #fresh} reads now).
 */
@Singleton // no client proxy: its superclass, PerShopSettings, has no no-args constructor
public class TicketSettingsStore extends PerShopSettings<TicketSettings> {

    private final TicketDefaults defaults;

    public TicketSettingsStore(ShopSettingsTable table, TicketDefaults defaults) {
        super(table, TicketSettings.class, Duration.ofMinutes(1));
        this.defaults = defaults;
    }

    @Override
    protected TicketSettings none() {
        return TicketSettings.none();
    }

    @Override
    protected TicketSettings overDefaults(TicketSettings own) {
        return own.over(defaults);
    }
}
