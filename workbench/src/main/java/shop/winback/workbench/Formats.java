package shop.winback.workbench;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.ConfigProvider;

/** How pages write times (the shop's zone), money (元) and clocks. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {}

    /** {t.openedAt.local}: in the shop's time zone, to the minute. */
    static String local(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone()));
    }

    /** {t.openedAt.iso}: for a &lt;time datetime&gt; attribute. */
    static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** {t.orderAmountFen.yuan}: 12900 → 129.00 元. */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString() + " 元";
    }

    /** A clock's seconds as the page first shows them (the script keeps them running): 1:02:03, −0:05:00. */
    static String hms(long seconds) {
        long s = Math.abs(seconds);
        return (seconds < 0 ? "−" : "") + (s / 3600) + ":" + two((s / 60) % 60) + ":" + two(s % 60);
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    private static ZoneId zone() {
        return ConfigProvider.getConfig()
                .getOptionalValue("workbench.zone", ZoneId.class)
                .orElse(ZoneId.of("Asia/Shanghai"));
    }
}
