package shop.winback.logistics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.logistics.domain.MissingItem;
import shop.winback.logistics.domain.ParcelScan;
import shop.winback.logistics.domain.Shipment;
import shop.winback.logistics.domain.WeightCheck;
import shop.winback.logistics.messaging.out.LogisticsEvents;
import shop.winback.logistics.settings.LogisticsSettings;
import shop.winback.logistics.settings.ShopSettingsStore;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;

/**
 * Runs a weight check: reads the slip and the scans, asks the courier when the weights that would
 * decide are missing (outside any transaction), then stores the verdict and publishes
 * weight-check.completed.v1 in one transaction.
 */
@ApplicationScoped
public class WeightChecks {

    private final ShopSettingsStore settings;
    private final CourierLookup lookup;
    private final LogisticsEvents events;
    private final LogisticsConfig config;
    private final Clock clock;

    public WeightChecks(
            ShopSettingsStore settings,
            CourierLookup lookup,
            LogisticsEvents events,
            LogisticsConfig config,
            Clock clock) {
        this.settings = settings;
        this.lookup = lookup;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    public record Request(String orderId, List<MissingItem> missing, boolean damaged, UUID ticketId) {}

    public WeightCheck check(String shopId, String by, Request request) {
        Shipment shipment = QuarkusTransaction.requiringNew()
                .call(() -> Shipment.ofOrder(shopId, request.orderId())
                        .orElseThrow(() -> new NotFoundProblem("Shipment of order", request.orderId())));
        for (int i = 0; i < request.missing().size(); i++) {
            if (shipment.line(request.missing().get(i).sku()).isEmpty()) {
                throw new InvalidRequestProblem(
                        "missingItems[" + i + "].sku", "is not on the packing slip of order " + request.orderId());
            }
        }
        LogisticsSettings effective = settings.effective(shopId);
        VerdictRules.Inputs inputs = inputs(shipment, request, effective, null);
        if (VerdictRules.needsWeights(inputs)
                && !inputs.weights().complete()
                && config.weightCheck().lookUpWhenMissing()) {
            CourierLookup.Outcome outcome = lookup.lookUp(shipment);
            inputs = inputs(shipment, request, effective, outcome.describe());
        }
        VerdictRules.Decision decision = VerdictRules.decide(inputs);
        WeightReadings w = inputs.weights();
        return QuarkusTransaction.requiringNew().call(() -> {
            WeightCheck c = new WeightCheck();
            c.id = UUID.randomUUID();
            c.shopId = shopId;
            c.orderId = shipment.orderId;
            c.shipmentId = shipment.id;
            c.ticketId = request.ticketId();
            c.missingItems = List.copyOf(request.missing());
            c.damaged = request.damaged();
            c.verdict = decision.verdict();
            c.originWeightGrams = w.originGrams();
            c.lastStationWeightGrams = w.lastGrams();
            c.missingWeightGrams = decision.missingWeightGrams();
            c.toleranceGrams = effective.toleranceGrams();
            c.evidence = decision.evidence();
            c.checkedAt = Instant.now(clock);
            c.checkedBy = by;
            c.persist();
            events.weightChecked(c, shipment);
            return c;
        });
    }

    private static VerdictRules.Inputs inputs(
            Shipment shipment, Request request, LogisticsSettings effective, String lookUpNote) {
        List<ParcelScan> scans = QuarkusTransaction.requiringNew().call(() -> ParcelScan.ofShipment(shipment.id));
        return new VerdictRules.Inputs(
                shipment.packingSlip,
                request.missing(),
                request.damaged(),
                WeightReadings.of(shipment, scans),
                effective.toleranceGrams(),
                effective.damagedFewItemsMax(),
                lookUpNote);
    }
}
