package shop.winback.workbench;

import io.quarkus.qute.TemplateData;
import java.util.List;
import shop.winback.workbench.Views.Scan;
import shop.winback.workbench.Views.Shipment;
import shop.winback.workbench.Views.WeightCheck;

/**
 * The ticket page's weight check (称重) for a buyer who says items are missing: logistics-service's latest verdict for
 * the order with its evidence, the shipment's declared weight and the courier's scans. No shipment, or no scan, is
 * said plainly; a service that refuses leaves its words here instead of failing the whole page.
 */
@TemplateData
public record WeightPanel(WeightCheck latest, Shipment shipment, List<Scan> scans, String error) {

    static WeightPanel failed(String error) {
        return new WeightPanel(null, null, List.of(), error);
    }

    /** Scans that carry a weight: what the verdict compares. */
    public boolean anyWeighed() {
        return scans.stream().anyMatch(s -> s.weightGrams() != null);
    }
}
