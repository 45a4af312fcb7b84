package shop.winback.compensation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A compensation someone asked for, and what became of it. */
@Entity
@Table(name = "compensation")
public class Compensation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "ticket_id")
    public String ticketId;

    /** The requester: the token's agent_id, or its principal name when it carries none. */
    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "agent_tier", nullable = false)
    public Tier agentTier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompensationType type;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(name = "order_amount_fen", nullable = false)
    public long orderAmountFen;

    @Column(nullable = false)
    public String reason;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompensationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "required_level")
    public ApprovalLevel requiredLevel;

    /** Why it waits for approval (Approvals: ORDER_UNKNOWN, ABOVE_AUTHORITY, …); null when granted at once. */
    @Column(name = "approval_because")
    public String approvalBecause;

    @Column(name = "within_authority", nullable = false)
    public boolean withinAuthority;

    @Column(name = "decided_by")
    public String decidedBy;

    public String comment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "paid_at")
    public Instant paidAt;
}
