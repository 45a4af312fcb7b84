package shop.winback.compensation.service;

import shop.winback.compensation.domain.ApprovalLevel;
import shop.winback.compensation.domain.Tier;
import shop.winback.compensation.settings.ShopSettings;

/**
 * What each tier may grant alone (DOMAIN "Who works here"): PRE_SALES rounds off about 1 % of the
 * order a few times a day; IN_SALES, AFTER_SALES and REVIEW_RECOVERY ≤ 20 元; SUPERVISOR up to the
 * shop's supervisor limit; MANAGER without limit. Above that a request waits for approval.
 */
public final class Authority {

    public static final long UNLIMITED = Long.MAX_VALUE;

    private Authority() {}

    /** The most the tier may grant alone per payout, in fen. */
    public static long limitFen(Tier tier, long orderAmountFen, ShopSettings s) {
        return switch (tier) {
            case PRE_SALES -> orderAmountFen * s.preSalesRoundOffPercent() / 100;
            case IN_SALES, AFTER_SALES, REVIEW_RECOVERY -> s.agentLimitFen();
            case SUPERVISOR -> s.supervisorLimitFen();
            case MANAGER -> UNLIMITED;
        };
    }

    /** How many grants within authority one person of the tier may make per day. */
    public static long dailyCount(Tier tier, ShopSettings s) {
        return switch (tier) {
            case PRE_SALES -> s.preSalesDailyCount();
            case IN_SALES, AFTER_SALES, REVIEW_RECOVERY -> s.agentDailyCount();
            case SUPERVISOR -> s.supervisorDailyCount();
            case MANAGER -> UNLIMITED;
        };
    }

    /** Who must approve an amount the requester may not grant alone. */
    public static ApprovalLevel approverFor(Tier requester, long amountFen, ShopSettings s) {
        if (requester == Tier.SUPERVISOR || requester == Tier.MANAGER || amountFen > s.supervisorLimitFen()) {
            return ApprovalLevel.MANAGER;
        }
        return ApprovalLevel.SUPERVISOR;
    }

    /** Whether an approver of this level may approve the amount. */
    public static boolean mayApprove(ApprovalLevel approver, ApprovalLevel required, long amountFen, ShopSettings s) {
        if (approver == ApprovalLevel.MANAGER) {
            return true;
        }
        return required == ApprovalLevel.SUPERVISOR && amountFen <= s.supervisorLimitFen();
    }
}
