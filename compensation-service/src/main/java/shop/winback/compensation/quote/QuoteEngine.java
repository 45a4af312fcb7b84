package shop.winback.compensation.quote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import shop.winback.compensation.domain.CompensationType;
import shop.winback.compensation.domain.Rating;
import shop.winback.compensation.settings.ShopSettings;

/**
 * The compensation ladder (DOMAIN "Compensation ladder"), as a pure function of the case, the
 * return postage and the shop's numbers:
 * <ul>
 * <li>the ceiling (心理价位) is a refund just above the return postage, never above the order;</li>
 * <li>many distinct items (each can earn a bad review) raise it; remote areas (偏远地区) are lenient,
 * ~13 元, and sometimes a full refund without return;</li>
 * <li>1–2 items: firm, a small 5–6 元 refund;</li>
 * <li>a return is first proposed with the postage split 50/50;</li>
 * <li>nothing costs more than the ceiling, except what the remote-area rule allows and the shop's own
 * standard offer (中评/差评 coupon): the ceiling bounds cash refunds, not the shop's standard coupon;</li>
 * <li>no quick cash for a suspected professional bad-reviewer, and nothing at once for an order no
 * review has told us about;</li>
 * <li>a free resend only when the complaint is about the goods;</li>
 * <li>quality problems: within the shop's days of receipt and unworn, a return or exchange or a discount;
 * later or worn, negotiate, and a return, exchange or refund is the supervisor's decision; the buyer's own
 * fault, no return or exchange ({@link QualityCase});</li>
 * <li>always at least two options (explaining costs nothing), cheapest first.</li>
 * </ul>
 */
public final class QuoteEngine {

    public static final String EXPLAIN = "EXPLAIN";
    public static final String FIRM = "FIRM";
    public static final String MANY_ITEMS = "MANY_ITEMS";
    public static final String REMOTE_AREA = "REMOTE_AREA";
    public static final String STANDARD_OFFER = "STANDARD_OFFER";
    public static final String SUSPECTED_PROFESSIONAL = "SUSPECTED_PROFESSIONAL";
    public static final String ORDER_UNKNOWN = "ORDER_UNKNOWN";
    public static final String ABOVE_AUTHORITY = "ABOVE_AUTHORITY";
    public static final String QUALITY_RETURN_WINDOW = "QUALITY_RETURN_WINDOW";
    public static final String QUALITY_LATE_OR_WORN = "QUALITY_LATE_OR_WORN";
    public static final String BUYER_AT_FAULT = "BUYER_AT_FAULT";
    /** Complaint reasons (review-service's codes) a resend can put right. */
    static final Set<String> GOODS_FAULTS = Set.of(
            "QUALITY_DAMAGE", "MISSING_ITEM", "PARCEL_DAMAGED", "NOT_AS_DESCRIBED", "SIZE_FIT", "COLOUR_DIFFERENCE");
    /** What takes the goods back or pays for them: after the return window, or worn, the supervisor's decision. */
    public static final Set<String> TAKES_BACK_OR_REFUNDS = Set.of(
            CompensationType.RETURN_FOR_REFUND.name(),
            CompensationType.FREE_RESEND.name(),
            CompensationType.PARTIAL_REFUND.name(),
            CompensationType.FULL_REFUND_NO_RETURN.name());
    /** Return or exchange: never for the buyer's own fault. */
    static final Set<String> RETURN_OR_EXCHANGE =
            Set.of(CompensationType.RETURN_FOR_REFUND.name(), CompensationType.FREE_RESEND.name());

    private QuoteEngine() {}

    /** @param authorityLimitFen what the requesting tier may grant alone; {@link Long#MAX_VALUE} for unlimited */
    public static Quote quote(QuoteInput in, Postage postage, ShopSettings s, long authorityLimitFen) {
        long order = in.orderAmountFen();
        long postageFen = postage.totalFen();
        boolean remote = postage.remote();
        boolean many = in.distinctItems() >= s.manyItemsThreshold();
        boolean firm = !many && in.distinctItems() <= s.firmMaxItems();
        QualityCase.Verdict quality =
                in.quality() == null ? QualityCase.Verdict.NONE : in.quality().verdict(s.qualityReturnDays());
        List<String> rules = new ArrayList<>();
        switch (quality) {
            case RETURN_WINDOW -> rules.add(QUALITY_RETURN_WINDOW);
            case LATE_OR_WORN -> rules.add(QUALITY_LATE_OR_WORN);
            case BUYER_AT_FAULT -> rules.add(BUYER_AT_FAULT);
            case NONE -> {}
        }

        long base = Math.min(postageFen + s.ceilingMarginFen(), order);
        long ceiling = base;
        String raisedBy = null;
        if (many) {
            rules.add(MANY_ITEMS);
            long extraItems = Math.max(0, in.distinctItems() - s.firmMaxItems());
            long generous = Math.min(base + s.manyItemsExtraPerItemFen() * extraItems, order);
            if (generous > ceiling) {
                ceiling = generous;
                raisedBy = MANY_ITEMS;
            }
        }
        if (remote) {
            rules.add(REMOTE_AREA);
            long lenient = Math.min(Math.max(base, s.remoteRefundFen()), order);
            if (lenient > ceiling) {
                ceiling = lenient;
                raisedBy = REMOTE_AREA;
            }
        }
        if (firm) {
            rules.add(FIRM);
        }
        // the shop's own standard offer stands whatever the return postage: only never above the order
        long standardOffer = Math.min(in.rating() == Rating.BAD ? s.badOfferFen() : s.neutralOfferFen(), order);

        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate(EXPLAIN, 0, null, "Explain and help (答疑解惑): costs nothing", 0));
        candidates.add(new Candidate(
                CompensationType.GIFT_NEXT_ORDER.name(),
                s.giftCostFen(),
                null,
                "Apology and a small gift with the next order",
                1));
        candidates.add(new Candidate(
                CompensationType.FREE_SHIPPING_NEXT_ORDER.name(),
                postageFen,
                null,
                "Apology and free shipping on the next order",
                2));
        long coupon = standardOffer;
        candidates.add(new Candidate(
                CompensationType.COUPON.name(),
                coupon,
                null,
                (in.rating() == Rating.BAD ? "差评" : "中评") + " standard offer: a " + yuan(coupon) + " coupon",
                3));
        long refund;
        String refundWhy;
        if (remote) {
            refund = s.remoteRefundFen();
            refundWhy = "remote area: lenient";
        } else if (many) {
            refund = ceiling;
            refundWhy = in.distinctItems() + " distinct items, each can earn a bad review: generous";
        } else if (firm) {
            refund = s.firmRefundFen();
            refundWhy = in.distinctItems() + " distinct item(s): firm";
        } else {
            refund = standardOffer;
            refundWhy = "the standard offer";
        }
        refund = Math.min(refund, ceiling);
        candidates.add(new Candidate(
                CompensationType.PARTIAL_REFUND.name(),
                refund,
                null,
                "Partial refund of " + yuan(refund) + " (" + refundWhy + ")",
                4));
        long shopShare = (postageFen * s.returnPostageSharePercent() + 50) / 100;
        candidates.add(new Candidate(
                CompensationType.RETURN_FOR_REFUND.name(),
                shopShare,
                postageFen - shopShare,
                "Return for a full refund; the shop pays " + yuan(shopShare) + " of the " + yuan(postageFen)
                        + " return postage (" + s.returnPostageSharePercent() + " % split)",
                5));
        if (resendCanHelp(in.complaintReasons())) {
            long resend = order * s.resendCostPercent() / 100;
            candidates.add(new Candidate(
                    CompensationType.FREE_RESEND.name(),
                    resend,
                    null,
                    "Free resend (" + s.resendCostPercent() + " % of the order)",
                    6));
        }
        candidates.add(new Candidate(
                CompensationType.FULL_REFUND_NO_RETURN.name(),
                order,
                null,
                "Full refund, the buyer keeps the goods",
                7));

        List<QuoteOption> options = new ArrayList<>();
        for (Candidate c : candidates) {
            if (quality == QualityCase.Verdict.BUYER_AT_FAULT && RETURN_OR_EXCHANGE.contains(c.type)) {
                continue; // the buyer's own fault: no return, no exchange
            }
            String exceeds = null;
            if (c.type.equals(CompensationType.COUPON.name()) && c.costFen > base) {
                exceeds = c.costFen > ceiling ? STANDARD_OFFER : raisedBy;
            } else if (c.costFen > ceiling) {
                boolean remoteFullRefund = remote
                        && c.type.equals(CompensationType.FULL_REFUND_NO_RETURN.name())
                        && order <= s.remoteFullRefundMaxFen();
                if (!remoteFullRefund) {
                    continue; // above the ceiling and no rule allows it
                }
                exceeds = REMOTE_AREA;
            } else if (c.costFen > base) {
                exceeds = raisedBy;
            }
            String approval = approvalBecause(in, quality, c.type, c.costFen, authorityLimitFen);
            options.add(new QuoteOption(
                    c.type,
                    c.costFen,
                    c.buyerPaysFen,
                    c.description,
                    exceeds,
                    approval == null,
                    approval,
                    Ladder.shareOfOrderPercent(c.costFen, order),
                    Ladder.stepOf(c.type)));
        }
        options.sort(Comparator.comparingLong(QuoteOption::costFen).thenComparingInt(o -> rank(candidates, o.type())));

        QuoteOption recommended;
        String because;
        QuoteOption returnOption = find(options, CompensationType.RETURN_FOR_REFUND.name());
        if (in.suspectedProfessional()) {
            recommended = options.stream()
                    .filter(o -> o.costFen() > 0 && !CompensationType.isCash(o.type()))
                    .findFirst()
                    .orElse(options.get(0));
            because = "The buyer looks like a professional bad-reviewer: evidence first, no quick cash; "
                    + "any cash option needs a supervisor's approval";
        } else if (quality == QualityCase.Verdict.RETURN_WINDOW) {
            recommended = returnOption != null
                    ? returnOption
                    : options.stream().filter(o -> o.costFen() > 0).findFirst().orElse(options.get(0));
            because = "A quality problem within " + s.qualityReturnDays()
                    + " days of receipt, the goods unworn: ask for photos, "
                    + "then offer a return or exchange, or a discount";
        } else if (quality == QualityCase.Verdict.LATE_OR_WORN) {
            recommended = options.stream()
                    .filter(o -> o.costFen() > 0 && !TAKES_BACK_OR_REFUNDS.contains(o.type()))
                    .findFirst()
                    .orElse(options.get(0));
            because = "A quality problem more than " + s.qualityReturnDays()
                    + " days after receipt, or the goods worn or used: "
                    + "negotiate; a return, exchange or refund is the supervisor's decision";
        } else if (quality == QualityCase.Verdict.BUYER_AT_FAULT) {
            recommended =
                    options.stream().filter(o -> o.costFen() > 0).findFirst().orElse(options.get(0));
            because =
                    "The buyer's own fault: no return or exchange, but still avoid the bad review with an apology and a small token";
        } else if (in.buyerWantsReturn() && returnOption != null) {
            recommended = returnOption;
            because = "The buyer wants to return: first propose splitting the return postage";
        } else {
            recommended =
                    options.stream().filter(o -> o.costFen() > 0).findFirst().orElse(options.get(0));
            because = "About half of buyers settle for an apology and a small token: open with the cheapest one";
        }
        if (in.suspectedProfessional()) {
            rules.add(SUSPECTED_PROFESSIONAL);
        }
        if (!in.orderKnown()) {
            rules.add(ORDER_UNKNOWN);
        }
        return new Quote(
                List.copyOf(options),
                recommended,
                because,
                base,
                ceiling,
                standardOffer,
                List.copyOf(rules),
                authorityLimitFen == Long.MAX_VALUE ? null : authorityLimitFen,
                postage,
                null);
    }

    /**
     * Why the requesting tier may not grant the option alone, or null when it may: explaining never
     * needs approval; the manager (unlimited) decides alone; an unknown order goes to the manager;
     * cash for a suspected professional bad-reviewer goes to approval; above the tier's limit too.
     */
    static String approvalBecause(
            QuoteInput in, QualityCase.Verdict quality, String type, long costFen, long authorityLimitFen) {
        if (costFen == 0 || authorityLimitFen == Long.MAX_VALUE) {
            return null;
        }
        if (!in.orderKnown()) {
            return ORDER_UNKNOWN;
        }
        if (costFen > authorityLimitFen) {
            return ABOVE_AUTHORITY;
        }
        if (in.suspectedProfessional() && CompensationType.isCash(type)) {
            return SUSPECTED_PROFESSIONAL;
        }
        if (quality == QualityCase.Verdict.LATE_OR_WORN && TAKES_BACK_OR_REFUNDS.contains(type)) {
            return QUALITY_LATE_OR_WORN;
        }
        return null;
    }

    /** A resend fixes the goods, not slow shipping or a rude agent; with no reasons known it stays on the list. */
    static boolean resendCanHelp(List<String> reasons) {
        return reasons == null || reasons.isEmpty() || reasons.stream().anyMatch(GOODS_FAULTS::contains);
    }

    private record Candidate(String type, long costFen, Long buyerPaysFen, String description, int rank) {}

    private static int rank(List<Candidate> candidates, String type) {
        return candidates.stream()
                .filter(c -> c.type.equals(type))
                .findFirst()
                .map(Candidate::rank)
                .orElse(99);
    }

    private static QuoteOption find(List<QuoteOption> options, String type) {
        return options.stream().filter(o -> o.type().equals(type)).findFirst().orElse(null);
    }

    static String yuan(long fen) {
        return String.format("%d.%02d 元", fen / 100, fen % 100);
    }
}
