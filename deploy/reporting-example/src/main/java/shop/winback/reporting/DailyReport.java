package shop.winback.reporting;

import java.util.Map;
import java.util.TreeMap;

/**
 * One record of {@code reporting.daily-figures.v1}, keyed {@code shopId|yyyy-MM-dd}: a shop's figures for one local
 * day, in total and by agent, product (SKU) and complaint reason. Each new event of the day writes the day again;
 * the latest record of a key is the day's figures (a compacted topic keeps just that).
 */
public record DailyReport(
        String shopId,
        String date,
        String zone,
        FiguresView total,
        Map<String, FiguresView> byAgent,
        Map<String, FiguresView> byProduct,
        Map<String, FiguresView> byReason) {

    static DailyReport of(DayKey key, DayFigures day, ShopSettings settings) {
        String shop = key.shopId();
        return new DailyReport(
                shop,
                key.date().toString(),
                settings.zone(shop).getId(),
                FiguresView.of(day.total(), shop, settings),
                views(day.byAgent(), shop, settings),
                views(day.byProduct(), shop, settings),
                views(day.byReason(), shop, settings));
    }

    private static Map<String, FiguresView> views(Map<String, Figures> m, String shopId, ShopSettings settings) {
        Map<String, FiguresView> views = new TreeMap<>();
        m.forEach((key, figures) -> views.put(key, FiguresView.of(figures, shopId, settings)));
        return views;
    }
}
