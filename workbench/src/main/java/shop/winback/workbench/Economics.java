package shop.winback.workbench;

import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.List;

/** What the results page reads from ticket-service's recovery economics: the fields it shows, nothing more. */
public final class Economics {

    private Economics() {}

    /** Seconds from the review to a step (median, 90th percentile) over the tickets that reached it. */
    @TemplateData
    public record Times(long count, Long medianSeconds, Long p90Seconds) {}

    /** Money in fen; reviews on the day the buyer wrote them, outcomes on the day the ticket ended. */
    @TemplateData
    public record Figures(
            long reviewsReceived,
            long neutralReviews,
            long badReviews,
            long ticketsOpened,
            long stillOpen,
            long recovered,
            long unrecovered,
            long compensationPaidFen,
            Long costPerRecoveryFen,
            long valueRecoveredFen,
            Times toFirstContact) {

        /** The reviews a recovery starts from: neutral and bad. */
        public long reviewsIn() {
            return neutralReviews + badReviews;
        }

        /** Nothing to recover and nothing done: no neutral or bad review, no ticket, no outcome, nothing paid. */
        public boolean quiet() {
            return reviewsIn() == 0
                    && ticketsOpened == 0
                    && recovered == 0
                    && unrecovered == 0
                    && compensationPaidFen == 0;
        }

        /** "0:09:00 / 0:24:26" (median / 90th percentile), or — when no ticket was contacted. */
        public String firstContact() {
            if (toFirstContact == null || toFirstContact.count() == 0 || toFirstContact.medianSeconds() == null) {
                return "—";
            }
            Long p90 = toFirstContact.p90Seconds();
            return Formats.hms(toFirstContact.medianSeconds()) + " / " + (p90 == null ? "—" : Formats.hms(p90));
        }

        /** In 元, or — when nothing was recovered (ticket-service gives no cost per recovery then). */
        public String costPerRecovery() {
            return costPerRecoveryFen == null ? "—" : Formats.yuan(costPerRecoveryFen);
        }
    }

    /** A day (by=shop) or a member's totals (by=agent: id and name; by=product: the SKU). */
    @TemplateData
    public record Row(LocalDate day, String key, String name, Figures figures) {

        public String label() {
            if (day != null) {
                return day.toString();
            }
            return name != null && !name.isBlank() ? name : key;
        }
    }

    @TemplateData
    public record Report(
            String shopId,
            LocalDate from,
            LocalDate to,
            String timeZone,
            String by,
            Figures total,
            List<Row> rows,
            List<Row> totals) {}
}
