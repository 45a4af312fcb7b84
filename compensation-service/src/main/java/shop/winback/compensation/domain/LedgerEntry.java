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
import org.hibernate.annotations.Immutable;

/** One granted compensation. Append-only: the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "compensation_id", nullable = false)
    public UUID compensationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompensationType type;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(nullable = false)
    public String currency;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "agent_tier", nullable = false)
    public Tier agentTier;

    /** Who approved it; null when granted within the requester's own authority. */
    public String approver;

    @Column(nullable = false)
    public String reason;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;
}
