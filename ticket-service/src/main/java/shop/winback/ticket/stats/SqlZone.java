package shop.winback.ticket.stats;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A time zone as PostgreSQL's {@code AT TIME ZONE} reads it. Region ids (Asia/Shanghai) pass as
 * they are; a fixed offset must not, since PostgreSQL reads {@code +08:00} the POSIX way (west of
 * Greenwich), so it becomes a POSIX spec whose meaning is unambiguous: {@code <+0800>-08:00}.
 */
final class SqlZone {

    private SqlZone() {}

    static String of(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (!(normalized instanceof ZoneOffset offset)) {
            return zone.getId();
        }
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int abs = Math.abs(seconds);
        String hhmm = "%02d%02d".formatted(abs / 3600, abs / 60 % 60);
        String posix = "%02d:%02d".formatted(abs / 3600, abs / 60 % 60);
        return seconds > 0 ? "<+" + hhmm + ">-" + posix : "<-" + hhmm + ">+" + posix;
    }
}
