package shop.winback.logistics.postage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import shop.winback.logistics.config.PostageConfig;
import shop.winback.logistics.domain.Courier;

/** The default prices from {@link PostageConfig}, read once; a malformed entry fails startup. */
@ApplicationScoped
public class PostageTable {

    private final Map<Courier, Map<Zone, Rate>> rates = new EnumMap<>(Courier.class);
    private final RemoteAreas remote;

    public PostageTable(PostageConfig config) {
        rates.put(Courier.STO, parse("sto", config.sto()));
        rates.put(Courier.YTO, parse("yto", config.yto()));
        rates.put(Courier.ZTO, parse("zto", config.zto()));
        rates.put(Courier.YUNDA, parse("yunda", config.yunda()));
        rates.put(Courier.SF, parse("sf", config.sf()));
        rates.put(Courier.EMS, parse("ems", config.ems()));
        rates.put(Courier.BEST, parse("best", config.best()));
        rates.put(Courier.TTK, parse("ttk", config.ttk()));
        List<Integer> wrong = new ArrayList<>();
        remote = RemoteAreas.parse(config.remoteProvinces(), wrong);
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("logistics.postage.remote-provinces: not a province or province/city: "
                    + config.remoteProvinces().get(wrong.get(0)));
        }
    }

    public Rate rate(Courier courier, Zone zone) {
        return rates.get(courier).get(zone);
    }

    /** The default remote areas; a shop may list its own (logistics-settings). */
    public RemoteAreas remoteAreas() {
        return remote;
    }

    /** Where from → to falls; both short province names; {@code remote} whether either end is a remote area. */
    public Zone zoneOf(String from, String to, boolean remote) {
        if (from.equals(to)) {
            return Zone.LOCAL;
        }
        if (remote) {
            return Zone.REMOTE;
        }
        return Provinces.regionOf(from).equals(Provinces.regionOf(to)) ? Zone.REGIONAL : Zone.NATIONAL;
    }

    static Map<Zone, Rate> parse(String key, String spec) {
        Map<Zone, Rate> parsed = new EnumMap<>(Zone.class);
        for (String entry : spec.split(",")) {
            String[] parts = entry.strip().split("\\s+");
            String[] prices = parts.length == 2 ? parts[1].split("/") : new String[0];
            if (prices.length != 2) {
                throw new IllegalArgumentException(
                        "logistics.postage." + key + ": '" + entry.strip() + "' is not 'ZONE first/extra'");
            }
            parsed.put(Zone.valueOf(parts[0]), new Rate(Long.parseLong(prices[0]), Long.parseLong(prices[1])));
        }
        if (parsed.size() != Zone.values().length) {
            throw new IllegalArgumentException(
                    "logistics.postage." + key + ": needs a price for every zone " + List.of(Zone.values()));
        }
        return parsed;
    }
}
