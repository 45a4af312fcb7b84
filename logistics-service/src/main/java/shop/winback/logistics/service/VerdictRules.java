package shop.winback.logistics.service;

import java.util.ArrayList;
import java.util.List;
import shop.winback.logistics.domain.MissingItem;
import shop.winback.logistics.domain.SlipLine;
import shop.winback.logistics.domain.Verdict;

/**
 * DOMAIN "Missing items and courier weights", in its order:
 * <ol>
 * <li>the packing slip marks a missing item out of stock → SHORT_SHIPPED (refund or resend);</li>
 * <li>the parcel arrived damaged and few pieces are missing → DAMAGED_PARCEL (refund them directly);</li>
 * <li>the weights: the last station weighed less than origin by at least the missing items' weight
 *     (less the tolerance) → LOST_IN_TRANSIT; the same weight within the tolerance and the slip shows
 *     everything packed → CLAIM_NOT_SUPPORTED;</li>
 * <li>anything else → INCONCLUSIVE, saying what is missing.</li>
 * </ol>
 * Pure: no database, no clock. Every verdict carries its evidence in words a ticket can show.
 */
public final class VerdictRules {

    private VerdictRules() {}

    public record Inputs(
            List<SlipLine> slip,
            List<MissingItem> missing,
            boolean damaged,
            WeightReadings weights,
            int toleranceGrams,
            int damagedFewItemsMax,
            String lookUpNote) {}

    public record Decision(Verdict verdict, int missingWeightGrams, List<String> evidence) {}

    /** Whether the weights decide this case (so a courier look-up can help when they are missing). */
    public static boolean needsWeights(Inputs in) {
        return markedOutOfStock(in).isEmpty() && !(in.damaged() && pieces(in) <= in.damagedFewItemsMax());
    }

    public static Decision decide(Inputs in) {
        List<String> evidence = new ArrayList<>();
        int missingWeight = 0;
        for (MissingItem m : in.missing()) {
            missingWeight += line(in, m.sku()).unitWeightGrams() * m.quantity();
        }

        List<MissingItem> marked = markedOutOfStock(in);
        if (!marked.isEmpty()) {
            for (MissingItem m : marked) {
                SlipLine l = line(in, m.sku());
                evidence.add("packing slip marks " + l.sku() + " (" + l.quantity()
                        + " ordered) out of stock: it was never packed");
            }
            in.missing().stream()
                    .filter(m -> !marked.contains(m))
                    .forEach(m -> evidence.add("packing slip shows " + m.sku() + " packed: check it separately"));
            evidence.add("remedy: refund or resend the items not packed");
            return new Decision(Verdict.SHORT_SHIPPED, missingWeight, evidence);
        }
        evidence.add("packing slip shows every missing item packed: "
                + String.join(", ", in.missing().stream().map(MissingItem::sku).toList()));

        int pieces = pieces(in);
        if (in.damaged()) {
            if (pieces <= in.damagedFewItemsMax()) {
                evidence.add("parcel arrived damaged and " + pieces + " piece(s) are missing (at most "
                        + in.damagedFewItemsMax() + " are refunded directly)");
                evidence.add("remedy: refund the missing items; the courier can be claimed against for the damage");
                return new Decision(Verdict.DAMAGED_PARCEL, missingWeight, evidence);
            }
            evidence.add("parcel arrived damaged but " + pieces + " pieces are missing, more than the "
                    + in.damagedFewItemsMax() + " refunded directly: the weights decide");
        }

        WeightReadings w = in.weights();
        int tolerance = in.toleranceGrams();
        if (!w.complete()) {
            if (w.originGrams() == null) {
                evidence.add("no weight at origin: the order system recorded none and no courier scan carries one");
            } else {
                evidence.add("origin weighed " + w.originGrams() + " g (" + w.originSource() + ")");
            }
            if (w.lastGrams() == null) {
                evidence.add("no weight from a later station: no courier scan after origin carries one");
            }
            if (in.lookUpNote() != null) {
                evidence.add(in.lookUpNote());
            }
            evidence.add("to decide: ask the courier for the parcel's weight at origin and at the last station");
            return new Decision(Verdict.INCONCLUSIVE, missingWeight, evidence);
        }

        int drop = w.originGrams() - w.lastGrams();
        evidence.add("origin weighed " + w.originGrams() + " g (" + w.originSource() + "); the last station, "
                + w.lastStation() + ", weighed " + w.lastGrams() + " g at " + w.lastAt());
        evidence.add("the missing items weigh " + missingWeight + " g by the packing slip; scales agree within "
                + tolerance + " g");
        if (missingWeight <= tolerance) {
            evidence.add("the missing items weigh no more than the scales' tolerance: the weights cannot tell");
            return new Decision(Verdict.INCONCLUSIVE, missingWeight, evidence);
        }
        if (drop > tolerance && drop >= missingWeight - tolerance) {
            evidence.add(
                    "the parcel lost " + drop
                            + " g in transit, at least the weight of the missing items: lost in transit, claim against the courier");
            return new Decision(Verdict.LOST_IN_TRANSIT, missingWeight, evidence);
        }
        if (Math.abs(drop) <= tolerance) {
            boolean allPacked = in.slip().stream().noneMatch(SlipLine::outOfStock);
            if (allPacked) {
                evidence.add("the parcel weighed the same at both ends (difference " + drop
                        + " g) and the slip shows everything packed: " + "the complaint is not supported");
                return new Decision(Verdict.CLAIM_NOT_SUPPORTED, missingWeight, evidence);
            }
            evidence.add(
                    "the weights agree but the slip marks other lines out of stock: a mix-up is possible, check with the buyer");
            return new Decision(Verdict.INCONCLUSIVE, missingWeight, evidence);
        }
        evidence.add(
                drop > 0
                        ? "the parcel lost " + drop + " g in transit, less than the " + missingWeight
                                + " g the missing items weigh"
                        : "the parcel weighed " + (-drop) + " g more at the last station than at origin");
        return new Decision(Verdict.INCONCLUSIVE, missingWeight, evidence);
    }

    private static List<MissingItem> markedOutOfStock(Inputs in) {
        return in.missing().stream().filter(m -> line(in, m.sku()).outOfStock()).toList();
    }

    private static int pieces(Inputs in) {
        return in.missing().stream().mapToInt(MissingItem::quantity).sum();
    }

    private static SlipLine line(Inputs in, String sku) {
        return in.slip().stream()
                .filter(l -> l.sku().equals(sku))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not on the packing slip: " + sku));
    }
}
