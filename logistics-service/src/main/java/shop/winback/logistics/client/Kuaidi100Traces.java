package shop.winback.logistics.client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import shop.winback.logistics.domain.IncomingScan;
import shop.winback.logistics.domain.ScanStatus;

/** Kuaidi100 traces as our scans; an item whose time cannot be read is skipped, not guessed. */
public final class Kuaidi100Traces {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private Kuaidi100Traces() {}

    public static List<IncomingScan> toScans(List<Kuaidi100Trace> traces, ZoneId zone) {
        List<IncomingScan> scans = new ArrayList<>();
        if (traces == null) {
            return scans;
        }
        for (Kuaidi100Trace t : traces) {
            Instant at = parseTime(t.ftime() != null ? t.ftime() : t.time(), zone);
            if (at == null) {
                continue;
            }
            String station = t.areaName() != null && !t.areaName().isBlank() ? t.areaName() : t.context();
            ScanStatus status = ScanStatus.ofKuaidi100(t.status() != null ? t.status() : t.statusCode());
            scans.add(new IncomingScan(station, at, status, grams(t.weight()), t.context()));
        }
        return scans;
    }

    static Instant parseTime(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "0.90" kg → 900 g; absent, unreadable or not positive → none. */
    static Integer grams(String kilograms) {
        if (kilograms == null || kilograms.isBlank()) {
            return null;
        }
        try {
            int grams = new BigDecimal(kilograms.strip())
                    .movePointRight(3)
                    .setScale(0, RoundingMode.HALF_UP)
                    .intValueExact();
            return grams > 0 ? grams : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
