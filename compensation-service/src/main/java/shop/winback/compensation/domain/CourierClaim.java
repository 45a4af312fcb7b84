package shop.winback.compensation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A lost or damaged parcel claimed against the courier (丢件赔偿登记), as logistics-service reported it. */
@Entity
@Table(name = "courier_claim")
public class CourierClaim extends PanacheEntityBase {

    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(nullable = false)
    public String courier;

    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(nullable = false)
    public String currency;

    /** LOST_IN_TRANSIT or DAMAGED_PARCEL. */
    @Column(nullable = false)
    public String verdict;

    /** OPEN, SETTLED or REJECTED. */
    @Column(nullable = false)
    public String status;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
