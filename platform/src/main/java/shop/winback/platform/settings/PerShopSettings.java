package shop.winback.platform.settings;

import java.time.Duration;

/**
 * A service's per-shop settings, the one way every service keeps them: what the shop set itself (a record whose null
 * fields mean "the default"), stored as JSON by {@link ShopSettingsTable}, over the service's configured defaults. A
 * service extends this with its record, its defaults, how long an instance may keep a shop's settings, and, if it
 * needs one, a check of what a shop sends beyond bean validation.
 *
 * @param <S> the service's settings record
 */
public abstract class PerShopSettings<S> {

    private final ShopSettingsTable table;
    private final Class<S> type;
    private final PerShopCache<S> cache;

    /**
     * @param keep how long a shop's settings are kept by an instance (a change through another instance shows within
     *             it); zero to read them every time
     */
    protected PerShopSettings(ShopSettingsTable table, Class<S> type, Duration keep) {
        this.table = table;
        this.type = type;
        this.cache = new PerShopCache<>(keep);
    }

    /** Settings with nothing set: every field null. */
    protected abstract S none();

    /** The shop's own settings with the defaults filled in where it set nothing. */
    protected abstract S overDefaults(S own);

    /** What is stored of what a shop sent: as sent, unless a service checks or normalises more (a 400 names the field). */
    protected S checked(S sent) {
        return sent;
    }

    /** The settings in force for the shop. */
    public S effective(String shopId) {
        return cache.get(shopId, () -> overDefaults(own(shopId)));
    }

    /** The settings in force, read now rather than kept: for decisions that must not use another instance's old copy. */
    public S fresh(String shopId) {
        cache.forget(shopId);
        return effective(shopId);
    }

    /** The defaults alone. */
    public S defaults() {
        return overDefaults(none());
    }

    /** What the shop set itself (nulls elsewhere). */
    public S own(String shopId) {
        return table.read(shopId, type).orElseGet(this::none);
    }

    /** Replaces what the shop set; omitted fields go back to the defaults. @return the settings now in force */
    public S replace(String shopId, S settings, String by) {
        S stored = checked(settings);
        table.write(shopId, stored, by);
        cache.forget(shopId);
        return overDefaults(stored);
    }
}
