package shop.winback.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.winback.workbench.Economics.Figures;
import shop.winback.workbench.Economics.Row;
import shop.winback.workbench.Economics.Times;

class ChartTests {

    static Row day(LocalDate day, long bad, long recovered) {
        return new Row(
                day, null, null, new Figures(bad, 0, bad, bad, 0, recovered, 0, 0, null, 0, new Times(0, null, null)));
    }

    @Test
    void barsAreAsTallAsTheirShareOfTheBusiestDayAndStandOnTheAxis() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Chart chart = Chart.of(List.of(day(today.minusDays(1), 4, 1), day(today, 2, 2)));
        assertThat(chart.max()).isEqualTo(4);
        var first = chart.bars().get(0);
        var second = chart.bars().get(1);
        double full = Double.parseDouble(chart.baseY()) - Double.parseDouble(chart.maxY());
        assertThat(Double.parseDouble(first.inHeight())).isEqualTo(full);
        assertThat(Double.parseDouble(first.recoveredHeight()))
                .isEqualTo(full / 4, org.assertj.core.data.Offset.offset(0.1));
        assertThat(Double.parseDouble(second.inY()) + Double.parseDouble(second.inHeight()))
                .isEqualTo(Double.parseDouble(chart.baseY()), org.assertj.core.data.Offset.offset(0.1));
        assertThat(first.label()).isEqualTo(today.minusDays(1).toString().substring(5));
    }

    @Test
    void aQuietPeriodHasFlatBarsAndAYearAtMostSevenLabels() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Row> year = new ArrayList<>();
        for (int i = 365; i >= 0; i--) {
            year.add(day(today.minusDays(i), 0, 0));
        }
        Chart chart = Chart.of(year);
        assertThat(chart.max()).isEqualTo(1); // no division by zero
        assertThat(chart.bars()).hasSize(366).allMatch(b -> b.inHeight().equals("0.0"));
        assertThat(chart.bars().stream().filter(Chart.Bar::labelled)).hasSizeLessThanOrEqualTo(Chart.LABELS);
    }
}
