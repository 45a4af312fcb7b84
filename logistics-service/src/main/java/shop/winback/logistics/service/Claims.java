package shop.winback.logistics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import shop.winback.logistics.domain.ClaimStatus;
import shop.winback.logistics.domain.LostParcelClaim;
import shop.winback.logistics.domain.Shipment;
import shop.winback.logistics.domain.WeightCheck;
import shop.winback.logistics.messaging.out.LogisticsEvents;
import shop.winback.platform.problem.ConflictProblem;
import shop.winback.platform.problem.NotFoundProblem;

/**
 * Claims against couriers (丢件赔偿登记): filed from a LOST_IN_TRANSIT or DAMAGED_PARCEL verdict,
 * decided (settled or rejected) once. Every change publishes lost-parcel.claimed.v1 with the new status.
 */
@ApplicationScoped
@Transactional
public class Claims {

    private final EntityManager em;
    private final LogisticsEvents events;
    private final Clock clock;

    public Claims(EntityManager em, LogisticsEvents events, Clock clock) {
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    public LostParcelClaim file(
            String shopId, String by, UUID weightCheckId, long amountFen, List<String> extraEvidence, String note) {
        WeightCheck check = WeightCheck.inShop(shopId, weightCheckId)
                .orElseThrow(() -> new NotFoundProblem("Weight check", weightCheckId));
        if (!check.verdict.claimable()) {
            throw new ConflictProblem(
                    "verdict-not-claimable",
                    "Nothing to claim from the courier",
                    "Weight check " + weightCheckId + " concluded " + check.verdict
                            + "; only LOST_IN_TRANSIT and DAMAGED_PARCEL are claimed against the courier");
        }
        if (LostParcelClaim.count("weightCheckId", weightCheckId) > 0) {
            throw alreadyClaimed(weightCheckId);
        }
        Shipment shipment = em.find(Shipment.class, check.shipmentId);
        LostParcelClaim c = new LostParcelClaim();
        c.id = UUID.randomUUID();
        c.shopId = shopId;
        c.weightCheckId = weightCheckId;
        c.orderId = check.orderId;
        c.courier = shipment.courier;
        c.trackingNumber = shipment.trackingNumber;
        c.verdict = check.verdict;
        c.amountFen = amountFen;
        List<String> evidence = new ArrayList<>(check.evidence);
        if (extraEvidence != null) {
            evidence.addAll(extraEvidence);
        }
        c.evidence = evidence;
        c.note = note;
        c.status = ClaimStatus.OPEN;
        c.claimedAt = Instant.now(clock);
        c.claimedBy = by;
        try {
            c.persist();
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw alreadyClaimed(weightCheckId); // the unique key: a concurrent second claim
        }
        events.claim(c);
        return c;
    }

    public LostParcelClaim settle(String shopId, UUID id, String by, Long settledAmountFen, String note) {
        LostParcelClaim c = open(shopId, id);
        c.status = ClaimStatus.SETTLED;
        c.settledAmountFen = settledAmountFen != null ? settledAmountFen : c.amountFen;
        return decided(c, by, note);
    }

    public LostParcelClaim reject(String shopId, UUID id, String by, String reason) {
        LostParcelClaim c = open(shopId, id);
        c.status = ClaimStatus.REJECTED;
        c.settledAmountFen = 0L;
        return decided(c, by, reason);
    }

    private LostParcelClaim decided(LostParcelClaim c, String by, String reason) {
        c.decidedAt = Instant.now(clock);
        c.decidedBy = by;
        c.decisionReason = reason;
        events.claim(c);
        return c;
    }

    private LostParcelClaim open(String shopId, UUID id) {
        LostParcelClaim c = LostParcelClaim.<LostParcelClaim>find("id = ?1 and shopId = ?2", id, shopId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundProblem("Claim", id));
        if (c.status != ClaimStatus.OPEN) {
            throw new ConflictProblem("claim-decided", "Claim already decided", "Claim " + id + " is " + c.status);
        }
        return c;
    }

    private static ConflictProblem alreadyClaimed(UUID weightCheckId) {
        return new ConflictProblem(
                "already-claimed", "Already claimed", "Weight check " + weightCheckId + " already has a claim");
    }
}
