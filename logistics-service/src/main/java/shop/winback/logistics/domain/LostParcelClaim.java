package shop.winback.logistics.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A claim against the courier for a lost or damaged parcel (丢件赔偿登记), settled at month end. */
@Entity
@Table(name = "lost_parcel_claim")
public class LostParcelClaim extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "weight_check_id", nullable = false)
    public UUID weightCheckId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Courier courier;

    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(name = "settled_amount_fen")
    public Long settledAmountFen;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> evidence;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimStatus status;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    @Column(name = "claimed_by", nullable = false)
    public String claimedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    public static Optional<LostParcelClaim> inShop(String shopId, UUID id) {
        return find("id = ?1 and shopId = ?2", id, shopId).firstResultOptional();
    }
}
