package shop.winback.compensation.client;

import jakarta.enterprise.context.ApplicationScoped;
import shop.winback.compensation.config.PostageFallback;
import shop.winback.compensation.quote.Postage;

/**
 * The documented fallback postage: the courier's first-kilo price (DOMAIN "Couriers and postage"),
 * each further started kilo at a share of it, plus a surcharge for remote provinces.
 */
@ApplicationScoped
public class PostageTable {

    private final PostageFallback config;

    public PostageTable(PostageFallback config) {
        this.config = config;
    }

    public Postage estimate(String courier, String from, String to, int weightGrams) {
        long firstKilo = config.firstKiloFen().getOrDefault(courier, config.unknownCourierFirstKiloFen());
        long extraKilos = Math.max(0, (weightGrams + 999) / 1000 - 1);
        long total = firstKilo + extraKilos * (firstKilo * config.extraKiloPercent() / 100);
        boolean remote = isRemote(to);
        if (remote) {
            total += config.remoteSurchargeFen();
        }
        return new Postage(courier, from, to, weightGrams, total, remote, Postage.FROM_FALLBACK);
    }

    public boolean isRemote(String province) {
        if (province == null) {
            return false;
        }
        String p = province.strip();
        return config.remoteProvinces().stream().anyMatch(r -> p.startsWith(r.strip()));
    }
}
