package shop.winback.reporting;

import java.time.LocalDate;

/** A shop's local day, written {@code shopId|yyyy-MM-dd}: the key of the aggregates and of the output topic. */
public record DayKey(String shopId, LocalDate date) {

    @Override
    public String toString() {
        return shopId + "|" + date;
    }

    /** Parses {@link #toString()}; the date is after the last bar, so a shop id may hold one. */
    public static DayKey parse(String key) {
        int bar = key.lastIndexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("not shopId|yyyy-MM-dd: " + key);
        }
        return new DayKey(key.substring(0, bar), LocalDate.parse(key.substring(bar + 1)));
    }
}
