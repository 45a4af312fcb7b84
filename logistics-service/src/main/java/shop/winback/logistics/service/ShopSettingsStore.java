package shop.winback.logistics.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.logistics.postage.PostageTable;
import shop.winback.logistics.postage.RemoteAreas;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.settings.ShopSettingsTable;

/** Each shop's settings over the configured defaults. */
@ApplicationScoped
public class ShopSettingsStore {

    private final ShopSettingsTable table;
    private final LogisticsConfig config;
    private final PostageTable postage;

    public ShopSettingsStore(ShopSettingsTable table, LogisticsConfig config, PostageTable postage) {
        this.table = table;
        this.config = config;
        this.postage = postage;
    }

    /** The numbers in force for the shop. */
    public LogisticsSettings effective(String shopId) {
        return own(shopId).over(config.weightCheck(), postage.remoteAreas());
    }

    /** What the shop set itself. */
    public LogisticsSettings own(String shopId) {
        return table.read(shopId, LogisticsSettings.class).orElseGet(LogisticsSettings::none);
    }

    /**
     * Replaces what the shop set; omitted fields go back to the defaults. Remote areas are stored in their short
     * form; one that is no place is a 400 naming it, and nothing changes.
     */
    public LogisticsSettings replace(String shopId, LogisticsSettings settings, String by) {
        LogisticsSettings stored = settings;
        if (settings.remoteAreas() != null) {
            List<Integer> wrong = new ArrayList<>();
            RemoteAreas areas = RemoteAreas.parse(settings.remoteAreas(), wrong);
            if (!wrong.isEmpty()) {
                throw new InvalidRequestProblem(wrong.stream().map(i -> new Problem.Violation("remoteAreas[" + i + "]",
                        "is not a mainland province, or province/city (e.g. 新疆, 四川/甘孜)")).toList());
            }
            stored = new LogisticsSettings(settings.toleranceGrams(), settings.damagedFewItemsMax(), settings.postageRates(),
                    areas.entries());
        }
        table.write(shopId, stored, by);
        return stored.over(config.weightCheck(), postage.remoteAreas());
    }
}
