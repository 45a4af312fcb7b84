package shop.winback.ticket.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;

/** The work of winning back one buyer who left a neutral or bad review. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "review_id", nullable = false)
    public UUID reviewId;

    @Column(name = "platform_review_id", nullable = false)
    public String platformReviewId;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Column(name = "buyer_province")
    public String buyerProvince;

    @Column(name = "buyer_city")
    public String buyerCity;

    @Column(name = "buyer_phone_masked")
    public String buyerPhoneMasked;

    /** Sealed by review-service with the personal-data key; see PersonalData. */
    @Column(name = "buyer_phone_sealed")
    public String buyerPhoneSealed;

    @Column(name = "buyer_address_sealed")
    public String buyerAddressSealed;

    @Column(name = "item_sku", nullable = false)
    public String itemSku;

    @Column(name = "item_title")
    public String itemTitle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rating rating;

    @Column(name = "order_amount_fen", nullable = false)
    public long orderAmountFen;

    @Column(name = "distinct_items", nullable = false)
    public int distinctItems;

    /** The shop's product category of the item, for agents' skills; null when the shop sends none. */
    @Column(name = "item_category")
    public String itemCategory;

    @Column(name = "buyer_vip", nullable = false)
    public boolean buyerVip;

    /** REVIEW_RECOVERY, or SUPERVISOR for a suspected professional bad-reviewer. */
    @Enumerated(EnumType.STRING)
    @Column(name = "required_tier", nullable = false)
    public Tier requiredTier = Tier.REVIEW_RECOVERY;

    /** The agent who handled this buyer last: gets the ticket when eligible. */
    @Column(name = "preferred_agent_id")
    public UUID preferredAgentId;

    /** Higher first when tickets wait for an agent; see TicketPriority. */
    @Column(nullable = false)
    public long priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    @Column(name = "agent_id")
    public UUID agentId;

    @Column(name = "review_created_at", nullable = false)
    public Instant reviewCreatedAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "first_contact_at")
    public Instant firstContactAt;

    /** SLA: first contact by then (business time from opening). */
    @Column(name = "first_contact_due_at")
    public Instant firstContactDueAt;

    /** SLA: resolved by then (business time from opening). */
    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;

    /** Escalated when still waiting then (business time from entering the queue; the shop's queue-wait limit). */
    @Column(name = "queue_due_at")
    public Instant queueDueAt;

    @Column(name = "queue_escalated_at")
    public Instant queueEscalatedAt;

    /** Handed from the night shift to the day shift at this time. */
    @Column(name = "handed_over_at")
    public Instant handedOverAt;

    /** SLA of the handover: touched (contact logged or resolved) by then. */
    @Column(name = "handover_due_at")
    public Instant handoverDueAt;

    /** Last contact attempt or resolution. */
    @Column(name = "last_touched_at")
    public Instant lastTouchedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "pending_task")
    public PendingTask pendingTask;

    @Enumerated(EnumType.STRING)
    @Column
    public Outcome outcome;

    @Column(name = "outcome_reason")
    public String outcomeReason;

    /** Incentive earned by the agent for recovering it, fen. */
    @Column(name = "credit_fen", nullable = false)
    public long creditFen;

    /** What the ticket's reviews complain about (review.received.v1 complaintReasons); null for tickets from before. */
    @Column(name = "complaint_reasons")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public String[] complaintReasons;

    /** The trace of the event being handled (W3C traceparent), for the events this change causes; not stored. */
    @Transient
    public String traceParent;

    public boolean isOpen() {
        return status != TicketStatus.CLOSED;
    }

    /** Touched since the handover: a contact attempt or a resolution after it. */
    public boolean touchedSinceHandover() {
        return handedOverAt != null && lastTouchedAt != null && !lastTouchedAt.isBefore(handedOverAt);
    }
}
