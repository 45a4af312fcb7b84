package shop.winback.compensation.messaging.out;

import java.time.Instant;
import java.util.UUID;
import shop.winback.compensation.domain.Compensation;
import shop.winback.platform.privacy.PersonalData;

/**
 * The payload of every event on {@code compensations.v1} (requested, approved, rejected, paid): the
 * public contract documented in asyncapi.yaml. Nullable fields are always present, as null.
 */
public record CompensationEventV1(
        UUID compensationId,
        String shopId,
        String orderId,
        String ticketId,
        String agentId,
        String agentTier,
        String type,
        long amountFen,
        String currency,
        String status,
        String reason,
        String decidedBy,
        String comment,
        String requiredLevel,
        boolean withinAuthority,
        UUID payoutId,
        Instant occurredAt,
        String approvalBecause) {

    public static final String REQUESTED = "compensation.requested.v1";
    public static final String APPROVED = "compensation.approved.v1";
    public static final String REJECTED = "compensation.rejected.v1";
    public static final String PAID = "compensation.paid.v1";

    static CompensationEventV1 of(Compensation c, String currency, UUID payoutId, Instant at) {
        return new CompensationEventV1(
                c.id,
                c.shopId,
                c.orderId,
                c.ticketId,
                c.agentId,
                c.agentTier.name(),
                c.type.name(),
                // typed by people: a phone or address in them must not reach every reporting consumer
                c.amountFen,
                currency,
                c.status.name(),
                PersonalData.maskFreeText(c.reason),
                c.decidedBy,
                PersonalData.maskFreeText(c.comment),
                c.requiredLevel == null ? null : c.requiredLevel.name(),
                c.withinAuthority,
                payoutId,
                at,
                c.approvalBecause);
    }
}
