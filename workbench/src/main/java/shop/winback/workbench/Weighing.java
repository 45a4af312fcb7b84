package shop.winback.workbench;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.winback.workbench.Upstream.Service;
import shop.winback.workbench.Views.Scan;
import shop.winback.workbench.Views.Shipment;
import shop.winback.workbench.Views.Ticket;
import shop.winback.workbench.Views.WeightCheck;

/**
 * A missing-item complaint through logistics-service, as the user (agents may read shipments, scans and weight checks
 * of their shop, and run a check): what the page shows, and a check run on the agent's request. The verdict is
 * logistics-service's (DOMAIN "Missing items and courier weights"); the page only shows it.
 */
@ApplicationScoped
public class Weighing {

    private final Upstream upstream;

    public Weighing(Upstream upstream) {
        this.upstream = upstream;
    }

    WeightPanel panel(User user, String orderId) {
        String order = URLEncoder.encode(orderId, StandardCharsets.UTF_8);
        try {
            WeightCheck latest = Arrays.stream(upstream.get(
                            Service.LOGISTICS, "/api/v1/weight-checks?orderId=" + order, user, WeightCheck[].class))
                    .max(Comparator.comparing(WeightCheck::checkedAt))
                    .orElse(null);
            Shipment shipment = Arrays.stream(upstream.get(
                            Service.LOGISTICS, "/api/v1/shipments?orderId=" + order, user, Shipment[].class))
                    .findFirst()
                    .orElse(null);
            List<Scan> scans = shipment == null
                    ? List.of()
                    : List.of(upstream.get(
                            Service.LOGISTICS, "/api/v1/shipments/" + shipment.id() + "/scans", user, Scan[].class));
            return new WeightPanel(latest, shipment, scans, null);
        } catch (UpstreamProblem e) {
            if (e.status == 401) {
                throw e;
            }
            return WeightPanel.failed(e.message());
        }
    }

    /**
     * Asks logistics-service for a verdict on the ticket's item, one piece missing (the page knows no more of the
     * complaint than its reason); a parcel the buyer says arrived damaged is for the agent to say.
     */
    WeightCheck check(User user, Ticket ticket, boolean damaged) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", ticket.item().sku());
        item.put("quantity", 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", ticket.orderId());
        body.put("missingItems", List.of(item));
        body.put("damaged", damaged);
        body.put("ticketId", ticket.id().toString());
        return upstream.post(Service.LOGISTICS, "/api/v1/weight-checks", user, body, WeightCheck.class);
    }
}
