package shop.winback.compensation.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.domain.Rating;
import shop.winback.compensation.service.Authority;
import shop.winback.compensation.settings.ShopSettings;

/** The ladder's rules, as properties over thousands of random cases, plus DOMAIN's worked numbers. */
class QuoteEngineTests {

    /** DOMAIN's defaults (the same as ShopDefaults'). */
    static final ShopSettings DEFAULTS = new ShopSettings(
            500L,
            1000L,
            100L,
            50,
            2,
            600L,
            5,
            100L,
            1300L,
            3000L,
            300L,
            70,
            "广东",
            "STO",
            1,
            3,
            2000L,
            30,
            20000L,
            100,
            "Asia/Shanghai",
            3);

    static final List<String> REASONS = List.of(
            "QUALITY_DAMAGE",
            "SIZE_FIT",
            "NOT_AS_DESCRIBED",
            "MISSING_ITEM",
            "PARCEL_DAMAGED",
            "SLOW_SHIPPING",
            "SERVICE_ATTITUDE",
            "PRICE",
            "OTHER");

    record Case(QuoteInput input, Postage postage, ShopSettings settings, long limit) {}

    static List<Case> randomCases(long seed, int n) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long order = random.nextInt(5) == 0 ? 1 + random.nextInt(3000) : 1 + random.nextInt(200_000);
            int items = random.nextInt(4) == 0 ? 1 + random.nextInt(30) : 1 + random.nextInt(4);
            List<String> reasons = new ArrayList<>();
            for (int r = random.nextInt(3); r > 0; r--) {
                reasons.add(REASONS.get(random.nextInt(REASONS.size())));
            }
            boolean remote = random.nextInt(4) == 0;
            long postage = 500 + random.nextInt(2500);
            ShopSettings settings = random.nextBoolean()
                    ? DEFAULTS
                    : new ShopSettings(
                            (long) random.nextInt(2000),
                            (long) random.nextInt(3000),
                            (long) random.nextInt(500),
                            random.nextInt(101),
                            1 + random.nextInt(3),
                            (long) random.nextInt(2000),
                            4 + random.nextInt(6),
                            (long) random.nextInt(300),
                            (long) random.nextInt(3000),
                            (long) random.nextInt(10_000),
                            (long) random.nextInt(800),
                            random.nextInt(101),
                            "广东",
                            "STO",
                            1,
                            3,
                            2000L,
                            30,
                            20000L,
                            100,
                            "Asia/Shanghai",
                            3);
            Rating rating = random.nextBoolean() ? Rating.BAD : Rating.NEUTRAL;
            cases.add(new Case(
                    new QuoteInput(order, items, rating, reasons, random.nextInt(5) == 0),
                    new Postage("STO", "广东", remote ? "新疆" : "辽宁", 1000, postage, remote, Postage.FROM_LOGISTICS),
                    settings,
                    random.nextBoolean() ? Authority.UNLIMITED : random.nextInt(5000)));
        }
        return cases;
    }

    @Test
    void alwaysAtLeastTwoOptionsSortedCheapestFirstAndTheRecommendationIsOneOfThem() {
        for (Case c : randomCases(1, 5000)) {
            Quote q = QuoteEngine.quote(c.input(), c.postage(), c.settings(), c.limit());
            assertThat(q.options()).as("%s", c).hasSizeGreaterThanOrEqualTo(2);
            assertThat(q.options()).as("%s", c).isSortedAccordingTo((a, b) -> Long.compare(a.costFen(), b.costFen()));
            assertThat(q.options()).as("%s", c).contains(q.recommended());
            assertThat(q.options())
                    .extracting(QuoteOption::type)
                    .as("%s", c)
                    .doesNotHaveDuplicates()
                    .contains(QuoteEngine.EXPLAIN);
            assertThat(q.options()).allSatisfy(o -> assertThat(o.costFen()).isGreaterThanOrEqualTo(0));
        }
    }

    @Test
    void nothingCostsMoreThanTheCeilingUnlessTheRemoteOrManyItemsRuleSaysSo() {
        for (Case c : randomCases(2, 5000)) {
            Quote q = QuoteEngine.quote(c.input(), c.postage(), c.settings(), c.limit());
            boolean remote = c.postage().remote();
            boolean many = c.input().distinctItems() >= c.settings().manyItemsThreshold();
            assertThat(q.baseCeilingFen())
                    .as("%s", c)
                    .isEqualTo(Math.min(
                            c.postage().totalFen() + c.settings().ceilingMarginFen(),
                            c.input().orderAmountFen()));
            if (!remote && !many) {
                assertThat(q.ceilingFen()).as("%s", c).isEqualTo(q.baseCeilingFen());
            }
            for (QuoteOption o : q.options()) {
                if (o.costFen() > q.baseCeilingFen()) {
                    assertThat(o.exceedsBaseCeilingBecause())
                            .as("%s in %s", o, c)
                            .isIn(QuoteEngine.REMOTE_AREA, QuoteEngine.MANY_ITEMS, QuoteEngine.STANDARD_OFFER);
                    if (!o.exceedsBaseCeilingBecause().equals(QuoteEngine.STANDARD_OFFER)) {
                        assertThat(o.exceedsBaseCeilingBecause().equals(QuoteEngine.REMOTE_AREA) ? remote : many)
                                .as("%s in %s", o, c)
                                .isTrue();
                    }
                } else {
                    assertThat(o.exceedsBaseCeilingBecause())
                            .as("%s in %s", o, c)
                            .isNull();
                }
                if (o.costFen() > q.ceilingFen()) {
                    // beyond even the raised ceiling: the shop's standard coupon, or the remote area's full refund
                    // without return
                    assertThat(o.type()).as("%s in %s", o, c).isIn("COUPON", "FULL_REFUND_NO_RETURN");
                    if (o.type().equals("COUPON")) {
                        assertThat(o.costFen()).isEqualTo(q.standardOfferFen());
                        assertThat(o.exceedsBaseCeilingBecause()).isEqualTo(QuoteEngine.STANDARD_OFFER);
                    } else {
                        assertThat(remote).isTrue();
                        assertThat(c.input().orderAmountFen())
                                .isLessThanOrEqualTo(c.settings().remoteFullRefundMaxFen());
                    }
                }
            }
            // the shop's standard offer always stands, never above the order
            long standard = c.input().rating() == Rating.BAD
                    ? c.settings().badOfferFen()
                    : c.settings().neutralOfferFen();
            assertThat(q.standardOfferFen())
                    .as("%s", c)
                    .isEqualTo(Math.min(standard, c.input().orderAmountFen()));
            assertThat(option(q, "COUPON").costFen()).as("%s", c).isEqualTo(q.standardOfferFen());
            assertThat(q.ceilingFen()).as("%s", c).isLessThanOrEqualTo(c.input().orderAmountFen());
        }
    }

    @Test
    void withinAuthorityMarksExactlyTheOptionsTheTierMayGrantAlone() {
        for (Case c : randomCases(3, 2000)) {
            Quote q = QuoteEngine.quote(c.input(), c.postage(), c.settings(), c.limit());
            assertThat(q.options())
                    .allSatisfy(o -> assertThat(o.withinAuthority()).isEqualTo(o.costFen() <= c.limit()));
        }
    }

    @Test
    void moreDistinctItemsNeverMakeTheCeilingLower() {
        for (Case c : randomCases(4, 2000)) {
            QuoteInput more = new QuoteInput(
                    c.input().orderAmountFen(),
                    c.input().distinctItems() + 3,
                    c.input().rating(),
                    c.input().complaintReasons(),
                    c.input().buyerWantsReturn());
            long before = QuoteEngine.quote(c.input(), c.postage(), c.settings(), c.limit())
                    .ceilingFen();
            long after = QuoteEngine.quote(more, c.postage(), c.settings(), c.limit())
                    .ceilingFen();
            assertThat(after).as("%s", c).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void eachOptionShowsItsShareOfTheOrderAndItsRungOfTheLadder() {
        for (Case c : randomCases(5, 2000)) {
            Quote q = QuoteEngine.quote(c.input(), c.postage(), c.settings(), c.limit());
            for (QuoteOption o : q.options()) {
                double share = o.costFen() * 100.0 / c.input().orderAmountFen();
                assertThat(o.shareOfOrderPercent())
                        .as("%s in %s", o, c)
                        .isCloseTo(share, org.assertj.core.data.Offset.offset(0.05));
                assertThat(o.ladderStep()).as("%s", o).isEqualTo(Ladder.stepOf(o.type()));
            }
        }
        Quote q = QuoteEngine.quote(
                new QuoteInput(12000, 2, Rating.BAD, List.of("QUALITY_DAMAGE"), false),
                sto("辽宁", 1500, false),
                DEFAULTS,
                2000);
        // DOMAIN's example: a 10 元 coupon on a 120 元 order
        assertThat(option(q, "COUPON").shareOfOrderPercent()).isEqualTo(8.3);
        assertThat(option(q, "COUPON").ladderStep()).isEqualTo(new Ladder.Step(2, "COUPON", 10, 20));
        assertThat(option(q, "EXPLAIN").ladderStep()).isEqualTo(new Ladder.Step(1, "EXPLAIN", 0, 0));
        assertThat(option(q, "EXPLAIN").shareOfOrderPercent()).isZero();
        assertThat(option(q, "PARTIAL_REFUND").ladderStep().name()).isEqualTo("PARTIAL_REFUND");
        assertThat(option(q, "PARTIAL_REFUND").ladderStep().lossMinPercent()).isEqualTo(20);
        Quote remote = QuoteEngine.quote(
                new QuoteInput(2500, 1, Rating.BAD, List.of("MISSING_ITEM"), false),
                sto("新疆", 900, true),
                DEFAULTS,
                2000);
        assertThat(option(remote, "FULL_REFUND_NO_RETURN").ladderStep())
                .isEqualTo(new Ladder.Step(5, "FULL_REFUND", 100, 100));
        assertThat(option(remote, "FULL_REFUND_NO_RETURN").shareOfOrderPercent())
                .isEqualTo(100.0);
        assertThat(Ladder.stepOf("FREE_RESEND")).isEqualTo(new Ladder.Step(4, "FREE_RESEND", 65, 80));
    }

    @Test
    void theShopsStandardOfferIsNeverCutByTheReturnPostageCeiling() {
        // a buyer near the shop: 3 元 postage, ceiling 4 元 — the 差评 coupon is still 10 元, the cash refund bounded
        Quote bad = QuoteEngine.quote(
                new QuoteInput(12900, 3, Rating.BAD, List.of("QUALITY_DAMAGE"), false),
                sto("广东", 300, false),
                DEFAULTS,
                2000);
        assertThat(bad.ceilingFen()).isEqualTo(400);
        assertThat(bad.standardOfferFen()).isEqualTo(1000);
        assertThat(option(bad, "COUPON").costFen()).isEqualTo(1000);
        assertThat(option(bad, "COUPON").exceedsBaseCeilingBecause()).isEqualTo(QuoteEngine.STANDARD_OFFER);
        assertThat(option(bad, "COUPON").withinAuthority()).isTrue();
        assertThat(option(bad, "PARTIAL_REFUND").costFen())
                .as("cash stays under the ceiling")
                .isEqualTo(400);
        Quote neutral = QuoteEngine.quote(
                new QuoteInput(12900, 3, Rating.NEUTRAL, List.of(), false), sto("广东", 300, false), DEFAULTS, 2000);
        assertThat(option(neutral, "COUPON").costFen()).isEqualTo(500);
    }

    @Test
    void aSuspectedProfessionalBadReviewerGetsNoCashAtOnce() {
        QuoteInput suspected = new QuoteInput(12900, 2, Rating.BAD, List.of("QUALITY_DAMAGE"), true, true, true);
        Quote q = QuoteEngine.quote(suspected, sto("辽宁", 1500, false), DEFAULTS, 2000);
        assertThat(q.rules()).contains(QuoteEngine.SUSPECTED_PROFESSIONAL);
        assertThat(q.recommendedBecause()).contains("professional bad-reviewer");
        assertThat(shop.winback.compensation.domain.CompensationType.isCash(
                        q.recommended().type()))
                .isFalse();
        for (QuoteOption o : q.options()) {
            boolean cash = shop.winback.compensation.domain.CompensationType.isCash(o.type());
            assertThat(o.withinAuthority()).as("%s", o).isEqualTo(!cash);
            assertThat(o.approvalBecause()).as("%s", o).isEqualTo(cash ? QuoteEngine.SUSPECTED_PROFESSIONAL : null);
        }
        assertThat(option(q, "PARTIAL_REFUND")).isNotNull();
        // the manager decides alone
        assertThat(QuoteEngine.quote(suspected, sto("辽宁", 1500, false), DEFAULTS, Authority.UNLIMITED)
                        .options())
                .allSatisfy(o -> assertThat(o.withinAuthority()).isTrue());
    }

    @Test
    void nothingCostingMoneyIsWithinAuthorityForAnOrderNoReviewToldUsAbout() {
        QuoteInput unknown = new QuoteInput(12900, 2, Rating.BAD, List.of(), false, false, false);
        Quote q = QuoteEngine.quote(unknown, sto("辽宁", 1500, false), DEFAULTS, 2000);
        assertThat(q.rules()).contains(QuoteEngine.ORDER_UNKNOWN);
        assertThat(q.options()).allSatisfy(o -> {
            assertThat(o.withinAuthority()).isEqualTo(o.costFen() == 0);
            assertThat(o.approvalBecause()).isEqualTo(o.costFen() == 0 ? null : QuoteEngine.ORDER_UNKNOWN);
        });
    }

    static Postage sto(String to, long fen, boolean remote) {
        return new Postage("STO", "广东", to, 1000, fen, remote, Postage.FROM_LOGISTICS);
    }

    static QuoteOption option(Quote q, String type) {
        return q.options().stream()
                .filter(o -> o.type().equals(type))
                .findFirst()
                .orElse(null);
    }

    @Test
    void twoItemsToTheNorthEastAreHandledFirmly() {
        // 129 元, 2 items, STO 15 元 to 辽宁: ceiling 16 元, firm 6 元 refund, 差评 coupon 10 元, return split 7.50/7.50
        Quote q = QuoteEngine.quote(
                new QuoteInput(12900, 2, Rating.BAD, List.of("QUALITY_DAMAGE"), false),
                sto("辽宁", 1500, false),
                DEFAULTS,
                2000);
        assertThat(q.baseCeilingFen()).isEqualTo(1600);
        assertThat(q.ceilingFen()).isEqualTo(1600);
        assertThat(q.rules()).containsExactly(QuoteEngine.FIRM);
        assertThat(q.standardOfferFen()).isEqualTo(1000);
        assertThat(option(q, "PARTIAL_REFUND").costFen()).isEqualTo(600);
        assertThat(option(q, "COUPON").costFen()).isEqualTo(1000);
        assertThat(option(q, "RETURN_FOR_REFUND").costFen()).isEqualTo(750);
        assertThat(option(q, "RETURN_FOR_REFUND").buyerPaysFen()).isEqualTo(750);
        assertThat(option(q, "FREE_RESEND"))
                .as("70 % of 129 元 is far above the ceiling")
                .isNull();
        assertThat(option(q, "FULL_REFUND_NO_RETURN")).isNull();
        assertThat(q.options())
                .extracting(QuoteOption::type)
                .containsExactly(
                        "EXPLAIN",
                        "GIFT_NEXT_ORDER",
                        "PARTIAL_REFUND",
                        "RETURN_FOR_REFUND",
                        "COUPON",
                        "FREE_SHIPPING_NEXT_ORDER");
        assertThat(q.recommended().type()).isEqualTo("GIFT_NEXT_ORDER");
    }

    @Test
    void aNeutralReviewsStandardOfferIsFiveYuan() {
        Quote q = QuoteEngine.quote(
                new QuoteInput(12900, 3, Rating.NEUTRAL, List.of(), false), sto("辽宁", 1500, false), DEFAULTS, 2000);
        assertThat(q.standardOfferFen()).isEqualTo(500);
        assertThat(option(q, "COUPON").costFen()).isEqualTo(500);
        assertThat(option(q, "PARTIAL_REFUND").costFen())
                .as("3 items: neither firm nor generous")
                .isEqualTo(500);
    }

    @Test
    void tenItemsAreHandledGenerously() {
        Quote q = QuoteEngine.quote(
                new QuoteInput(50000, 10, Rating.BAD, List.of("QUALITY_DAMAGE"), false),
                sto("辽宁", 1500, false),
                DEFAULTS,
                2000);
        assertThat(q.rules()).containsExactly(QuoteEngine.MANY_ITEMS);
        assertThat(q.ceilingFen()).isEqualTo(1600 + 8 * 100);
        QuoteOption refund = option(q, "PARTIAL_REFUND");
        assertThat(refund.costFen()).isEqualTo(2400);
        assertThat(refund.exceedsBaseCeilingBecause()).isEqualTo(QuoteEngine.MANY_ITEMS);
        assertThat(refund.withinAuthority()).as("24 元 is above an agent's 20 元").isFalse();
    }

    @Test
    void remoteAreasAreLenientUpToAFullRefundWithoutReturn() {
        Quote q = QuoteEngine.quote(
                new QuoteInput(2500, 1, Rating.BAD, List.of("QUALITY_DAMAGE"), false),
                sto("新疆", 900, true),
                DEFAULTS,
                2000);
        assertThat(q.rules()).contains(QuoteEngine.REMOTE_AREA);
        assertThat(q.baseCeilingFen()).isEqualTo(1000);
        assertThat(q.ceilingFen()).isEqualTo(1300);
        assertThat(option(q, "PARTIAL_REFUND").costFen()).isEqualTo(1300);
        assertThat(option(q, "PARTIAL_REFUND").exceedsBaseCeilingBecause()).isEqualTo(QuoteEngine.REMOTE_AREA);
        QuoteOption full = option(q, "FULL_REFUND_NO_RETURN");
        assertThat(full.costFen()).isEqualTo(2500);
        assertThat(full.exceedsBaseCeilingBecause()).isEqualTo(QuoteEngine.REMOTE_AREA);
        // the same order elsewhere: no full refund without return
        Quote near = QuoteEngine.quote(
                new QuoteInput(2500, 1, Rating.BAD, List.of("QUALITY_DAMAGE"), false),
                sto("辽宁", 900, false),
                DEFAULTS,
                2000);
        assertThat(option(near, "FULL_REFUND_NO_RETURN")).isNull();
    }

    @Test
    void aCheapOrderIsRefundedRatherThanReturned() {
        // a 9 元 order: taking it back costs more than it is worth
        Quote q = QuoteEngine.quote(
                new QuoteInput(900, 1, Rating.BAD, List.of(), false), sto("辽宁", 1500, false), DEFAULTS, 2000);
        assertThat(q.ceilingFen()).isEqualTo(900);
        assertThat(option(q, "FULL_REFUND_NO_RETURN").costFen()).isEqualTo(900);
        assertThat(q.options()).allSatisfy(o -> assertThat(o.costFen()).isLessThanOrEqualTo(900));
    }

    @Test
    void aBuyerWhoWantsToReturnIsFirstOfferedAFiftyFiftyPostageSplit() {
        Quote q = QuoteEngine.quote(
                new QuoteInput(12900, 2, Rating.BAD, List.of("SIZE_FIT"), true),
                sto("辽宁", 1500, false),
                DEFAULTS,
                2000);
        assertThat(q.recommended().type()).isEqualTo("RETURN_FOR_REFUND");
        assertThat(q.recommended().costFen()).isEqualTo(750);
        assertThat(q.recommended().buyerPaysFen()).isEqualTo(750);
    }

    @Test
    void aResendIsOfferedOnlyForComplaintsAboutTheGoods() {
        Set<String> types = Set.of("FREE_RESEND");
        Quote goods = QuoteEngine.quote(
                new QuoteInput(1000, 1, Rating.BAD, List.of("MISSING_ITEM"), false),
                sto("辽宁", 1500, false),
                DEFAULTS,
                2000);
        Quote shipping = QuoteEngine.quote(
                new QuoteInput(1000, 1, Rating.BAD, List.of("SLOW_SHIPPING"), false),
                sto("辽宁", 1500, false),
                DEFAULTS,
                2000);
        assertThat(goods.options()).extracting(QuoteOption::type).containsAnyElementsOf(types);
        assertThat(shipping.options()).extracting(QuoteOption::type).doesNotContainAnyElementsOf(types);
    }

    /** A quality complaint about goods received {@code daysAgo} days before now, worn or not. */
    static QuoteInput quality(double daysAgo, Boolean worn, boolean buyerAtFault) {
        java.time.Instant now = shop.winback.testing.TestClock.now();
        java.time.Instant received = now.minusSeconds((long) (daysAgo * 86_400));
        return new QuoteInput(
                12900,
                2,
                Rating.BAD,
                List.of("QUALITY_DAMAGE"),
                false,
                true,
                false,
                new QualityCase(true, received, worn, buyerAtFault, now));
    }

    @Test
    void aQualityProblemWithinThreeDaysOfReceiptUnwornIsOfferedAReturnOrExchangeOrADiscount() {
        Quote q = QuoteEngine.quote(quality(2.5, false, false), sto("辽宁", 1500, false), DEFAULTS, 2000);
        assertThat(q.rules()).contains(QuoteEngine.QUALITY_RETURN_WINDOW);
        assertThat(q.recommended().type()).isEqualTo("RETURN_FOR_REFUND");
        assertThat(q.recommendedBecause())
                .contains("photos")
                .contains("return or exchange")
                .contains("discount");
        assertThat(q.options()).extracting(QuoteOption::type).contains("RETURN_FOR_REFUND", "PARTIAL_REFUND");
        assertThat(option(q, "RETURN_FOR_REFUND").withinAuthority()).isTrue();
    }

    @Test
    void aQualityProblemLaterThanThreeDaysOrWornLeavesReturnsAndRefundsToTheSupervisor() {
        for (QuoteInput late : List.of(quality(3.5, false, false), quality(1, true, false))) {
            Quote q = QuoteEngine.quote(late, sto("辽宁", 1500, false), DEFAULTS, 2000);
            assertThat(q.rules()).contains(QuoteEngine.QUALITY_LATE_OR_WORN);
            for (QuoteOption o : q.options()) {
                boolean takesBack = QuoteEngine.TAKES_BACK_OR_REFUNDS.contains(o.type());
                assertThat(o.approvalBecause())
                        .as("%s", o)
                        .isEqualTo(takesBack ? QuoteEngine.QUALITY_LATE_OR_WORN : null);
            }
            assertThat(QuoteEngine.TAKES_BACK_OR_REFUNDS)
                    .doesNotContain(q.recommended().type());
            assertThat(q.recommendedBecause()).contains("negotiate").contains("supervisor");
        }
        // the shop's own window: ten days make three and a half days early
        ShopSettings patient = new ShopSettings(
                500L,
                1000L,
                100L,
                50,
                2,
                600L,
                5,
                100L,
                1300L,
                3000L,
                300L,
                70,
                "广东",
                "STO",
                1,
                3,
                2000L,
                30,
                20000L,
                100,
                "Asia/Shanghai",
                10);
        assertThat(QuoteEngine.quote(quality(3.5, false, false), sto("辽宁", 1500, false), patient, 2000)
                        .rules())
                .contains(QuoteEngine.QUALITY_RETURN_WINDOW);
    }

    @Test
    void theBuyersOwnFaultOffersNoReturnButStillSomethingToAvoidTheBadReview() {
        Quote q = QuoteEngine.quote(quality(1, false, true), sto("辽宁", 1500, false), DEFAULTS, 2000);
        assertThat(q.rules()).contains(QuoteEngine.BUYER_AT_FAULT);
        assertThat(q.options()).extracting(QuoteOption::type).doesNotContain("RETURN_FOR_REFUND", "FREE_RESEND");
        assertThat(q.recommended().costFen()).isPositive();
        assertThat(q.recommendedBecause()).contains("no return");
    }

    @Test
    void withoutAKnownReceiptTheQualityRuleStaysOut() {
        QuoteInput unknown = new QuoteInput(
                12900,
                2,
                Rating.BAD,
                List.of("QUALITY_DAMAGE"),
                false,
                true,
                false,
                new QualityCase(true, null, null, false, shop.winback.testing.TestClock.now()));
        assertThat(QuoteEngine.quote(unknown, sto("辽宁", 1500, false), DEFAULTS, 2000)
                        .rules())
                .doesNotContain(QuoteEngine.QUALITY_RETURN_WINDOW, QuoteEngine.QUALITY_LATE_OR_WORN);
    }
}
