package shop.winback.logistics.service;

import jakarta.enterprise.context.ApplicationScoped;
import shop.winback.logistics.domain.Courier;
import shop.winback.logistics.postage.PostageTable;
import shop.winback.logistics.postage.Rate;
import shop.winback.logistics.postage.RemoteAreas;
import shop.winback.logistics.postage.Zone;
import shop.winback.logistics.settings.LogisticsSettings;
import shop.winback.logistics.settings.ShopSettingsStore;

/** Postage for a parcel: the shop's own price for the courier and zone, else the default. */
@ApplicationScoped
public class PostageEstimator {

    private final PostageTable table;
    private final ShopSettingsStore settings;

    public PostageEstimator(PostageTable table, ShopSettingsStore settings) {
        this.table = table;
        this.settings = settings;
    }

    public record Estimate(
            Courier courier,
            String from,
            String to,
            int weightGrams,
            Zone zone,
            Rate rate,
            long totalFen,
            boolean remote) {}

    /** {@code from} and {@code to} are short province names (see Provinces.normalize); the cities may be null. */
    public Estimate estimate(
            String shopId, Courier courier, String from, String fromCity, String to, String toCity, int weightGrams) {
        LogisticsSettings shop = settings.effective(shopId);
        RemoteAreas areas = shop.remote();
        boolean remote = areas.contains(from, fromCity) || areas.contains(to, toCity);
        Zone zone = table.zoneOf(from, to, remote);
        Rate rate = shop.rateFor(courier, zone)
                .map(r -> new Rate(r.firstKiloFen(), r.extraKiloFen()))
                .orElseGet(() -> table.rate(courier, zone));
        return new Estimate(courier, from, to, weightGrams, zone, rate, rate.totalFen(weightGrams), remote);
    }
}
