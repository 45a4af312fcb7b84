package shop.winback.logistics.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.winback.logistics.domain.MissingItem;
import shop.winback.logistics.domain.SlipLine;
import shop.winback.logistics.domain.Verdict;

/** DOMAIN "Missing items and courier weights", case by case. */
class VerdictRulesTests {

    static final SlipLine SHIRTS = new SlipLine("SKU-TS", "T恤", 2, 250, false);
    static final SlipLine SOCKS = new SlipLine("SKU-SOCK", "袜子", 1, 100, false);
    static final SlipLine SOCKS_OUT = new SlipLine("SKU-SOCK", "袜子", 1, 100, true);
    static final List<SlipLine> FULL_SLIP = List.of(SHIRTS, SOCKS);
    static final int TOLERANCE = 50;

    static WeightReadings weights(Integer origin, Integer last) {
        return new WeightReadings(
                origin,
                origin == null ? null : "the origin weight the order system recorded",
                last,
                last == null ? null : "沈阳转运中心",
                last == null ? null : Instant.parse("2026-11-21T22:10:00Z"));
    }

    static VerdictRules.Decision decide(List<SlipLine> slip, MissingItem missing, boolean damaged, WeightReadings w) {
        return VerdictRules.decide(new VerdictRules.Inputs(slip, List.of(missing), damaged, w, TOLERANCE, 2, null));
    }

    @Test
    void slipMarksTheMissingItemOutOfStock_shortShipped() {
        var d = decide(List.of(SHIRTS, SOCKS_OUT), new MissingItem("SKU-SOCK", 1), false, weights(1000, 1000));
        assertThat(d.verdict()).isEqualTo(Verdict.SHORT_SHIPPED);
        assertThat(d.evidence()).anyMatch(e -> e.contains("SKU-SOCK") && e.contains("out of stock"));
        assertThat(d.evidence()).anyMatch(e -> e.contains("refund or resend"));
    }

    @Test
    void shortShippedWinsEvenWhenTheParcelArrivedDamaged() {
        var d = decide(List.of(SHIRTS, SOCKS_OUT), new MissingItem("SKU-SOCK", 1), true, weights(null, null));
        assertThat(d.verdict()).isEqualTo(Verdict.SHORT_SHIPPED);
    }

    @Test
    void damagedAndLittleMissing_damagedParcel_withoutNeedingWeights() {
        var in = new VerdictRules.Inputs(
                FULL_SLIP, List.of(new MissingItem("SKU-SOCK", 1)), true, weights(null, null), TOLERANCE, 2, null);
        assertThat(VerdictRules.needsWeights(in)).isFalse();
        var d = VerdictRules.decide(in);
        assertThat(d.verdict()).isEqualTo(Verdict.DAMAGED_PARCEL);
        assertThat(d.evidence()).anyMatch(e -> e.contains("damaged") && e.contains("1 piece"));
    }

    @Test
    void damagedButManyMissing_theWeightsDecide() {
        // a shop that refunds at most one piece directly; two T-shirts (500 g) missing, 500 g gone
        var in = new VerdictRules.Inputs(
                FULL_SLIP, List.of(new MissingItem("SKU-TS", 2)), true, weights(1000, 500), TOLERANCE, 1, null);
        assertThat(VerdictRules.needsWeights(in)).isTrue();
        var d = VerdictRules.decide(in);
        assertThat(d.verdict()).isEqualTo(Verdict.LOST_IN_TRANSIT);
        assertThat(d.evidence()).anyMatch(e -> e.contains("more than the 1"));
    }

    @Test
    void oneKiloAtOriginPointNineAtTheLastStation_lostInTransit() {
        var d = decide(FULL_SLIP, new MissingItem("SKU-SOCK", 1), false, weights(1000, 900));
        assertThat(d.verdict()).isEqualTo(Verdict.LOST_IN_TRANSIT);
        assertThat(d.missingWeightGrams()).isEqualTo(100);
        assertThat(d.evidence()).anyMatch(e -> e.contains("1000 g") && e.contains("900 g"));
        assertThat(d.evidence()).anyMatch(e -> e.contains("lost 100 g"));
    }

    @Test
    void lostWithinTheTolerance_stillLost() {
        // the socks weigh 100 g; a scale reading 60 g lighter is within 50 g of that
        assertThat(decide(FULL_SLIP, new MissingItem("SKU-SOCK", 1), false, weights(1000, 940))
                        .verdict())
                .isEqualTo(Verdict.LOST_IN_TRANSIT);
    }

    @Test
    void sameWeightAndEverythingPacked_claimNotSupported() {
        var d = decide(FULL_SLIP, new MissingItem("SKU-SOCK", 1), false, weights(1000, 1000));
        assertThat(d.verdict()).isEqualTo(Verdict.CLAIM_NOT_SUPPORTED);
        assertThat(d.evidence()).anyMatch(e -> e.contains("same at both ends") && e.contains("everything packed"));
    }

    @Test
    void equalWithinTheTolerance_claimNotSupported() {
        assertThat(decide(FULL_SLIP, new MissingItem("SKU-SOCK", 1), false, weights(1000, 970))
                        .verdict())
                .isEqualTo(Verdict.CLAIM_NOT_SUPPORTED);
        assertThat(decide(FULL_SLIP, new MissingItem("SKU-SOCK", 1), false, weights(1000, 1030))
                        .verdict())
                .isEqualTo(Verdict.CLAIM_NOT_SUPPORTED);
    }

    @Test
    void sameWeightButOtherLinesMarkedOutOfStock_inconclusive() {
        var slip = List.of(SHIRTS, SOCKS, new SlipLine("SKU-HAT", "帽子", 1, 80, true));
        var d = decide(slip, new MissingItem("SKU-SOCK", 1), false, weights(1000, 1000));
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.evidence()).anyMatch(e -> e.contains("other lines out of stock"));
    }

    @Test
    void noWeights_inconclusive_sayingWhatIsMissing() {
        var in = new VerdictRules.Inputs(
                FULL_SLIP,
                List.of(new MissingItem("SKU-SOCK", 1)),
                false,
                weights(null, null),
                TOLERANCE,
                2,
                "courier look-up failed: Kuaidi100 did not answer in time");
        assertThat(VerdictRules.needsWeights(in)).isTrue();
        var d = VerdictRules.decide(in);
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.evidence()).anyMatch(e -> e.startsWith("no weight at origin"));
        assertThat(d.evidence()).anyMatch(e -> e.startsWith("no weight from a later station"));
        assertThat(d.evidence()).contains("courier look-up failed: Kuaidi100 did not answer in time");
    }

    @Test
    void onlyTheOriginWeight_inconclusive() {
        var d = decide(FULL_SLIP, new MissingItem("SKU-SOCK", 1), false, weights(1000, null));
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.evidence()).anyMatch(e -> e.startsWith("origin weighed 1000 g"));
        assertThat(d.evidence()).anyMatch(e -> e.startsWith("no weight from a later station"));
    }

    @Test
    void lostLessThanTheMissingItems_inconclusive() {
        // both T-shirts (500 g) missing, but only 200 g gone
        var d = decide(FULL_SLIP, new MissingItem("SKU-TS", 2), false, weights(1000, 800));
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.evidence()).anyMatch(e -> e.contains("lost 200 g") && e.contains("less than the 500 g"));
    }

    @Test
    void heavierAtTheLastStation_inconclusive() {
        var d = decide(FULL_SLIP, new MissingItem("SKU-SOCK", 1), false, weights(1000, 1200));
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.evidence()).anyMatch(e -> e.contains("200 g more"));
    }

    @Test
    void itemsLighterThanTheScalesTolerance_cannotBeToldByWeight() {
        var slip = List.of(SHIRTS, new SlipLine("SKU-PIN", "胸针", 1, 30, false));
        var d = decide(slip, new MissingItem("SKU-PIN", 1), false, weights(1000, 1000));
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.evidence()).anyMatch(e -> e.contains("cannot tell"));
    }

    @Test
    void aTighterToleranceChangesTheVerdict() {
        var in = new VerdictRules.Inputs(
                FULL_SLIP, List.of(new MissingItem("SKU-SOCK", 1)), false, weights(1000, 970), 10, 2, null);
        assertThat(VerdictRules.decide(in).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE); // 30 g lost: neither equal nor the socks
    }
}
