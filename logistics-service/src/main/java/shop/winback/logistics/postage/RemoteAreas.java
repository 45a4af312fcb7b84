package shop.winback.logistics.postage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 偏远地区 as a shop counts them: whole provinces ("新疆") or single cities and counties of a province ("四川/甘孜",
 * "广东/湛江"), where the buyer may have to travel to a county town to post a parcel. A city entry matches a city
 * whose name starts with it (甘孜 matches 甘孜藏族自治州).
 *
 * @param entries each one a short province name, or province/city
 */
public record RemoteAreas(List<String> entries) {

    public static final String SEPARATOR = "/";

    public RemoteAreas {
        entries = List.copyOf(entries);
    }

    /** Whether a place (province short name, city as the order system gave it, or null) is remote. */
    public boolean contains(String province, String city) {
        for (String entry : entries) {
            int slash = entry.indexOf(SEPARATOR);
            if (slash < 0) {
                if (entry.equals(province)) {
                    return true;
                }
            } else if (entry.substring(0, slash).equals(province)
                    && city != null
                    && city.strip().startsWith(entry.substring(slash + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Entries as people write them ("新疆维吾尔自治区", "四川省/甘孜"), in their short form; what is not a place is
     * named in {@code wrong} (its index) and left out.
     */
    public static RemoteAreas parse(List<String> written, List<Integer> wrong) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Optional<String> entry = normalize(written.get(i));
            if (entry.isPresent()) {
                entries.add(entry.get());
            } else {
                wrong.add(i);
            }
        }
        return new RemoteAreas(entries);
    }

    private static Optional<String> normalize(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String[] parts = written.strip().split(SEPARATOR, -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        Optional<String> province = Provinces.normalize(parts[0].strip());
        if (parts.length == 1) {
            return province;
        }
        String city = parts[1].strip();
        if (city.isEmpty() || city.length() > 30) {
            return Optional.empty();
        }
        return province.map(p -> p + SEPARATOR + city);
    }
}
