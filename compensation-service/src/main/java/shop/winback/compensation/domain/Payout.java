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

/** A granted compensation for the shop platform to execute; its id is the platform's idempotency key. */
@Entity
@Table(name = "payout")
public class Payout extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "compensation_id", nullable = false)
    public UUID compensationId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompensationType type;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PayoutStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "platform_reference")
    public String platformReference;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "executed_at")
    public Instant executedAt;
}
