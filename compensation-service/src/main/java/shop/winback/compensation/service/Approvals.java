package shop.winback.compensation.service;

import shop.winback.compensation.domain.ApprovalLevel;
import shop.winback.compensation.domain.CompensationType;
import shop.winback.compensation.domain.Tier;
import shop.winback.compensation.quote.QuoteEngine;
import shop.winback.compensation.settings.ShopSettings;
import shop.winback.platform.problem.ProblemException;

/**
 * Whether a request is granted at once or waits, and for whom (DOMAIN "Who works here", the
 * ceiling 心理价位, professional bad-reviewers). The manager's own request is the manager's
 * decision; for anyone else, in this order:
 * <ol>
 * <li>an order no neutral or bad review has told us about: the manager (ORDER_UNKNOWN);</li>
 * <li>above the tier's per-payout limit (ABOVE_AUTHORITY) or its daily count (DAILY_COUNT_USED);</li>
 * <li>above the quote's ceiling for the order, unless an offered option of the type costs that much
 * (ABOVE_CEILING): the ceiling is a rule, not advice;</li>
 * <li>cash for a suspected professional bad-reviewer (SUSPECTED_PROFESSIONAL): evidence first;</li>
 * <li>a return, exchange or refund for a quality problem after the return window or with the goods worn
 * (QUALITY_LATE_OR_WORN): the supervisor decides.</li>
 * </ol>
 * Waiting requests go to the next tier: a supervisor, or the manager for a supervisor's own
 * request or above the supervisor limit. A round-off beyond the day's count is refused outright.
 */
public final class Approvals {

    public static final String ORDER_UNKNOWN = "ORDER_UNKNOWN";
    public static final String ABOVE_AUTHORITY = "ABOVE_AUTHORITY";
    public static final String DAILY_COUNT_USED = "DAILY_COUNT_USED";
    public static final String ABOVE_CEILING = "ABOVE_CEILING";
    public static final String SUSPECTED_PROFESSIONAL = "SUSPECTED_PROFESSIONAL";
    public static final String QUALITY_LATE_OR_WORN = QuoteEngine.QUALITY_LATE_OR_WORN;
    public static final String QUOTA_USED = "urn:winback:problem:daily-quota-used";

    private Approvals() {}

    /** Granted at once ({@code level} null), or waiting at {@code level} because of {@code because}. */
    public record Verdict(ApprovalLevel level, String because) {

        static final Verdict AT_ONCE = new Verdict(null, null);

        public boolean atOnce() {
            return level == null;
        }
    }

    public static Verdict decide(
            Tier tier,
            CompensationType type,
            long amountFen,
            OrderCases.Assessment a,
            ShopSettings s,
            long grantedToday) {
        if (tier == Tier.MANAGER) {
            return Verdict.AT_ONCE;
        }
        if (!a.facts().known()) {
            return new Verdict(ApprovalLevel.MANAGER, ORDER_UNKNOWN);
        }
        ApprovalLevel next = Authority.approverFor(tier, amountFen, s);
        if (amountFen > Authority.limitFen(tier, a.facts().orderAmountFen(), s)) {
            return new Verdict(next, ABOVE_AUTHORITY);
        }
        if (grantedToday >= Authority.dailyCount(tier, s)) {
            return new Verdict(next, DAILY_COUNT_USED);
        }
        if (!a.withinQuote(type, amountFen)) {
            return new Verdict(next, ABOVE_CEILING);
        }
        if (type.cash() && a.facts().suspectedProfessional()) {
            return new Verdict(next, SUSPECTED_PROFESSIONAL);
        }
        if (a.quote() != null
                && a.quote().rules().contains(QUALITY_LATE_OR_WORN)
                && QuoteEngine.TAKES_BACK_OR_REFUNDS.contains(type.name())) {
            return new Verdict(next, QUALITY_LATE_OR_WORN);
        }
        return Verdict.AT_ONCE;
    }

    /** Quotas refuse: a round-off beyond the day's count is not a larger request for a supervisor, it is refused. */
    public static void refuseRoundOffBeyondQuota(Tier tier, CompensationType type, ShopSettings s, long grantedToday) {
        long quota = Authority.dailyCount(tier, s);
        if (type == CompensationType.ROUND_OFF && grantedToday >= quota) {
            throw new ProblemException(
                    422,
                    QUOTA_USED,
                    "Daily round-off quota used",
                    "A " + tier + " agent may round off " + quota + " time(s) a day (the shop's day, " + s.timeZone()
                            + "); today's are used");
        }
    }
}
