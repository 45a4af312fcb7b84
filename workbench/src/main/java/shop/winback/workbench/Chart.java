package shop.winback.workbench;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import shop.winback.workbench.Economics.Row;

/**
 * The results page's bar chart, drawn on the server as inline SVG (no script, nothing downloaded): per day, the
 * neutral and bad reviews that came in beside those recovered. The geometry is in the SVG's own units
 * ({@link #WIDTH} × {@link #HEIGHT}); the page scales it to its width. The table below it holds the same numbers:
 * the chart's text alternative says so.
 */
@TemplateData
public record Chart(List<Bar> bars, long max, String maxY, String baseY, String axisX) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 260;
    static final double LEFT = 44;
    static final double RIGHT = 8;
    static final double TOP = 12;
    static final double BOTTOM = 36;
    /** At most so many day labels under the bars, so they stay readable when the page is narrow. */
    static final int LABELS = 7;

    /** One day: its two bars (x, y, height), and its label if it is one of those shown. */
    @TemplateData
    public record Bar(
            String day,
            long reviewsIn,
            long recovered,
            String inX,
            String inY,
            String inHeight,
            String recoveredX,
            String recoveredY,
            String recoveredHeight,
            String width,
            String labelX,
            boolean labelled) {

        /** MM-dd: the period and its year are in the form above the chart. */
        public String label() {
            return day.length() == 10 ? day.substring(5) : day;
        }
    }

    static Chart of(List<Row> days) {
        long max = 1;
        for (Row d : days) {
            max = Math.max(max, Math.max(d.figures().reviewsIn(), d.figures().recovered()));
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, days.size());
        double barWidth = slot * 0.38;
        int every = (int) Math.ceil(days.size() / (double) LABELS);
        List<Bar> bars = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            Row d = days.get(i);
            long in = d.figures().reviewsIn();
            long recovered = d.figures().recovered();
            double x = LEFT + i * slot + slot * 0.1;
            double inHeight = plotHeight * in / max;
            double recoveredHeight = plotHeight * recovered / max;
            bars.add(new Bar(
                    d.day().toString(),
                    in,
                    recovered,
                    n(x),
                    n(TOP + plotHeight - inHeight),
                    n(inHeight),
                    n(x + barWidth),
                    n(TOP + plotHeight - recoveredHeight),
                    n(recoveredHeight),
                    n(barWidth),
                    n(LEFT + i * slot + slot / 2),
                    i % every == 0));
        }
        return new Chart(bars, max, n(TOP), n(TOP + plotHeight), n(LEFT));
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    /** Where the day labels sit. */
    public String labelY() {
        return n(HEIGHT - BOTTOM + 22);
    }

    public String right() {
        return n(WIDTH - RIGHT);
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
