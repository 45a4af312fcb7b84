package shop.winback.logistics.settings;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.logistics.postage.PostageTable;
import shop.winback.logistics.postage.RemoteAreas;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.settings.PerShopSettings;
import shop.winback.platform.settings.ShopSettingsTable;

/** Each shop's settings over the configured defaults; read every time (weight checks and postage are not a hot path). */
@Singleton // no client proxy: its superclass, PerShopSettings, has no no-args constructor
public class ShopSettingsStore extends PerShopSettings<LogisticsSettings> {

    private final LogisticsConfig config;
    private final PostageTable postage;

    public ShopSettingsStore(ShopSettingsTable table, LogisticsConfig config, PostageTable postage) {
        super(table, LogisticsSettings.class, Duration.ZERO);
        this.config = config;
        this.postage = postage;
    }

    @Override
    protected LogisticsSettings none() {
        return LogisticsSettings.none();
    }

    @Override
    protected LogisticsSettings overDefaults(LogisticsSettings own) {
        return own.over(config.weightCheck(), postage.remoteAreas());
    }

    /** Remote areas are stored in their short form; one that is no place is a 400 naming it, and nothing changes. */
    @Override
    protected LogisticsSettings checked(LogisticsSettings settings) {
        if (settings.remoteAreas() == null) {
            return settings;
        }
        List<Integer> wrong = new ArrayList<>();
        RemoteAreas areas = RemoteAreas.parse(settings.remoteAreas(), wrong);
        if (!wrong.isEmpty()) {
            throw new InvalidRequestProblem(wrong.stream()
                    .map(i -> new Problem.Violation(
                            "remoteAreas[" + i + "]", "is not a mainland province, or province/city (e.g. 新疆, 四川/甘孜)"))
                    .toList());
        }
        return new LogisticsSettings(
                settings.toleranceGrams(), settings.damagedFewItemsMax(), settings.postageRates(), areas.entries());
    }
}
