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
import java.util.UUID;

/** One courier scan of a parcel: station, time, status and, when the courier gives it, the weight. */
@Entity
@Table(name = "parcel_scan")
public class ParcelScan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(nullable = false)
    public String station;

    @Column(name = "scanned_at", nullable = false)
    public Instant scannedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScanStatus status;

    @Column(name = "weight_grams")
    public Integer weightGrams;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScanSource source;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Oldest first. */
    public static List<ParcelScan> ofShipment(UUID shipmentId) {
        return list("shipmentId = ?1 order by scannedAt, id", shipmentId);
    }
}
