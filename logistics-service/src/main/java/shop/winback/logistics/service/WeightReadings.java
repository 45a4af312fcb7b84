package shop.winback.logistics.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shop.winback.logistics.domain.ParcelScan;
import shop.winback.logistics.domain.Shipment;

/**
 * The two weights a check compares: at origin (the order system's, else the earliest weighed scan)
 * and at the last station (the latest weighed scan after the origin one).
 */
public record WeightReadings(
        Integer originGrams, String originSource, Integer lastGrams, String lastStation, Instant lastAt) {

    public static WeightReadings of(Shipment shipment, List<ParcelScan> scansOldestFirst) {
        List<ParcelScan> weighed =
                scansOldestFirst.stream().filter(s -> s.weightGrams != null).toList();
        Integer origin = shipment.originWeightGrams;
        String originSource = origin != null ? "the origin weight the order system recorded" : null;
        int firstLater = 0;
        if (origin == null && !weighed.isEmpty()) {
            ParcelScan first = weighed.get(0);
            origin = first.weightGrams;
            originSource = "the first weighed scan (" + first.station + ", " + first.scannedAt + ")";
            firstLater = 1;
        }
        Optional<ParcelScan> last =
                weighed.size() > firstLater ? Optional.of(weighed.get(weighed.size() - 1)) : Optional.empty();
        return new WeightReadings(
                origin,
                originSource,
                last.map(s -> s.weightGrams).orElse(null),
                last.map(s -> s.station).orElse(null),
                last.map(s -> s.scannedAt).orElse(null));
    }

    public boolean complete() {
        return originGrams != null && lastGrams != null;
    }
}
