package shop.winback.logistics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import shop.winback.logistics.domain.Shipment;
import shop.winback.platform.problem.ConflictProblem;

/** Registers the shop's shipments; the same shipment posted again changes nothing. */
@ApplicationScoped
public class Shipments {

    private final EntityManager em;
    private final Clock clock;

    public Shipments(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public record Registered(Shipment shipment, boolean created) {}

    @Transactional
    public Registered register(Shipment candidate) {
        var existing = Shipment.ofOrder(candidate.shopId, candidate.orderId);
        if (existing.isPresent()) {
            Shipment s = existing.get();
            if (s.courier == candidate.courier && s.trackingNumber.equals(candidate.trackingNumber)) {
                return new Registered(s, false);
            }
            throw new ConflictProblem(
                    "shipment-exists",
                    "Order already shipped",
                    "Order " + candidate.orderId + " is already registered with " + s.courier + " " + s.trackingNumber);
        }
        // only the shop's own parcels: whether another shop uses the number is none of this shop's business
        if (Shipment.ofTracking(candidate.shopId, candidate.courier, candidate.trackingNumber)
                .isPresent()) {
            throw trackingTaken(candidate);
        }
        candidate.id = UUID.randomUUID();
        candidate.createdAt = Instant.now(clock);
        try {
            em.persist(candidate);
            em.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                // an identical post racing this one won: the client retries and gets the stored shipment
                throw new ConflictProblem(
                        "shipment-exists",
                        "Shipment registered concurrently",
                        "Order " + candidate.orderId + " or tracking number " + candidate.trackingNumber
                                + " was registered at the same moment; retry");
            }
            throw e;
        }
        return new Registered(candidate, true);
    }

    private static ConflictProblem trackingTaken(Shipment candidate) {
        return new ConflictProblem(
                "tracking-number-taken",
                "Tracking number in use",
                candidate.courier + " tracking number " + candidate.trackingNumber + " belongs to another order");
    }
}
