package shop.winback.reporting;

import java.util.List;

/** The public topics the job reads and the topic it writes; the defaults are the documented names. */
public record Topics(String reviews, String tickets, String compensations, String dailyFigures) {

    public static Topics defaults() {
        return new Topics("reviews.v1", "tickets.v1", "compensations.v1", "reporting.daily-figures.v1");
    }

    public List<String> sources() {
        return List.of(reviews, tickets, compensations);
    }
}
