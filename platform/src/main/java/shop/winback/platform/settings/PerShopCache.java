package shop.winback.platform.settings;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Settings read on the hot path of every event, kept for a while per shop: a change made through
 * this instance shows at once ({@link #forget}), one made through another instance within the
 * keeping time.
 */
public final class PerShopCache<T> {

    private final long keepNanos;
    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();

    private record Entry<T>(T value, long at) {}

    public PerShopCache(Duration keep) {
        this.keepNanos = keep.toNanos();
    }

    public T get(String shopId, Supplier<T> load) {
        long now = System.nanoTime();
        Entry<T> entry = entries.get(shopId);
        if (entry != null && now - entry.at() < keepNanos) {
            return entry.value();
        }
        T value = load.get();
        entries.put(shopId, new Entry<>(value, now));
        return value;
    }

    public void forget(String shopId) {
        entries.remove(shopId);
    }
}
