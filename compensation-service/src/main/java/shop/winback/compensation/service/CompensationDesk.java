package shop.winback.compensation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.ApprovalLevel;
import shop.winback.compensation.domain.Compensation;
import shop.winback.compensation.domain.CompensationStatus;
import shop.winback.compensation.domain.LedgerEntry;
import shop.winback.compensation.domain.Payout;
import shop.winback.compensation.domain.PayoutStatus;
import shop.winback.compensation.messaging.out.CompensationEvents;
import shop.winback.compensation.settings.ShopSettings;
import shop.winback.compensation.settings.ShopSettingsStore;
import shop.winback.platform.jdbc.TransactionLocks;
import shop.winback.platform.problem.ConflictProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.problem.ProblemException;

/**
 * Requests, approvals and rejections. A request within the requester's authority (per-payout limit
 * and daily count) is granted at once; above it, it waits for a supervisor or the manager. Granting
 * writes the ledger entry, queues the payout and publishes, all in one transaction.
 */
@ApplicationScoped
public class CompensationDesk {

    private final ShopSettingsStore settings;
    private final CompensationEvents events;
    private final EntityManager em;
    private final TransactionLocks locks;
    private final CompensationConfig config;
    private final Clock clock;

    public CompensationDesk(
            ShopSettingsStore settings,
            CompensationEvents events,
            EntityManager em,
            TransactionLocks locks,
            CompensationConfig config,
            Clock clock) {
        this.settings = settings;
        this.events = events;
        this.em = em;
        this.locks = locks;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Compensation request(String shopId, Requester who, NewCompensation r, OrderCases.Assessment assessment) {
        // one requester's grants are counted one at a time, so two parallel requests cannot both use the last quota
        locks.lock(shopId + "/" + who.id());
        ShopSettings s = settings.effective(shopId);
        Instant now = Instant.now(clock);
        long grantedToday = grantedWithinAuthorityToday(shopId, who.id(), now, s);
        Approvals.refuseRoundOffBeyondQuota(who.tier(), r.type(), s, grantedToday);
        Approvals.Verdict verdict = Approvals.decide(who.tier(), r.type(), r.amountFen(), assessment, s, grantedToday);
        boolean within = verdict.atOnce();

        Compensation c = new Compensation();
        c.id = UUID.randomUUID();
        c.shopId = shopId;
        c.orderId = r.orderId().strip();
        c.ticketId = r.ticketId() == null || r.ticketId().isBlank()
                ? null
                : r.ticketId().strip();
        c.agentId = who.id();
        c.agentTier = who.tier();
        c.type = r.type();
        c.amountFen = r.amountFen();
        c.orderAmountFen = assessment.facts().orderAmountFen(); // the order's, not the request's
        c.reason = r.reason().strip();
        c.note = r.note();
        c.withinAuthority = within;
        c.createdAt = now;
        if (within) {
            c.status = CompensationStatus.APPROVED;
            c.comment = "within the " + who.tier() + " authority";
            c.decidedAt = now;
        } else {
            c.status = CompensationStatus.PENDING;
            c.requiredLevel = verdict.level();
            c.approvalBecause = verdict.because();
        }
        c.persist();
        events.requested(c, now);
        if (within) {
            grant(c, now);
        }
        return c;
    }

    @Transactional
    public Compensation approve(String shopId, UUID id, Requester approver, ApprovalLevel level, String comment) {
        Compensation c = pendingForDecision(shopId, id, approver);
        ShopSettings s = settings.effective(shopId);
        if (!Authority.mayApprove(level, c.requiredLevel, c.amountFen, s)) {
            throw new ProblemException(
                    403,
                    "urn:winback:problem:above-authority",
                    "Above your authority",
                    "Compensation " + id + " of " + c.amountFen + " fen needs the "
                            + c.requiredLevel.name().toLowerCase()
                            + (c.requiredLevel == ApprovalLevel.SUPERVISOR
                                    ? " (the supervisor limit is " + s.supervisorLimitFen() + " fen)"
                                    : ""));
        }
        Instant now = Instant.now(clock);
        c.status = CompensationStatus.APPROVED;
        c.decidedBy = approver.id();
        c.comment = comment;
        c.decidedAt = now;
        c.requiredLevel = null;
        grant(c, now);
        return c;
    }

    @Transactional
    public Compensation reject(String shopId, UUID id, Requester approver, String comment) {
        Compensation c = pendingForDecision(shopId, id, approver);
        Instant now = Instant.now(clock);
        c.status = CompensationStatus.REJECTED;
        c.decidedBy = approver.id();
        c.comment = comment;
        c.decidedAt = now;
        c.requiredLevel = null;
        events.rejected(c, now);
        return c;
    }

    private Compensation pendingForDecision(String shopId, UUID id, Requester approver) {
        Compensation c = em.find(Compensation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.shopId.equals(shopId)) {
            throw new NotFoundProblem("Compensation", id);
        }
        if (c.agentId.equals(approver.id())) {
            throw new ProblemException(
                    403,
                    "urn:winback:problem:own-request",
                    "Own request",
                    "Nobody approves or rejects their own request");
        }
        if (c.status != CompensationStatus.PENDING) {
            throw new ConflictProblem(
                    "already-decided",
                    "Already decided",
                    "Compensation " + id + " is " + c.status + " since " + c.decidedAt);
        }
        return c;
    }

    /** Ledger entry, payout order and event: the grant is all or nothing. */
    private void grant(Compensation c, Instant now) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.shopId = c.shopId;
        entry.compensationId = c.id;
        entry.type = c.type;
        entry.amountFen = c.amountFen;
        entry.currency = config.currency();
        entry.orderId = c.orderId;
        entry.ticketId = c.ticketId;
        entry.agentId = c.agentId;
        entry.agentTier = c.agentTier;
        entry.approver = c.decidedBy;
        entry.reason = c.reason;
        entry.grantedAt = now;
        entry.persist();

        Payout payout = new Payout();
        payout.id = UUID.randomUUID();
        payout.shopId = c.shopId;
        payout.compensationId = c.id;
        payout.orderId = c.orderId;
        payout.type = c.type;
        payout.amountFen = c.amountFen;
        payout.currency = config.currency();
        payout.status = PayoutStatus.PENDING;
        payout.createdAt = now;
        payout.updatedAt = now;
        // the payout row is the order to the shop platform: the order system polls GET /api/v1/payouts?status=PENDING,
        // executes each once (the payout id is its idempotency key) and confirms it; written in the granting
        // transaction, so a grant and its payout order never part
        payout.persist();
        events.approved(c, payout.id, now);
    }

    /** Grants within authority since the start of the shop's day (its time zone, the service clock). */
    private long grantedWithinAuthorityToday(String shopId, String agentId, Instant now, ShopSettings s) {
        ZoneId zone = s.zoneId();
        Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        return Compensation.count(
                "shopId = ?1 and agentId = ?2 and withinAuthority = true and createdAt >= ?3",
                shopId,
                agentId,
                startOfDay);
    }
}
