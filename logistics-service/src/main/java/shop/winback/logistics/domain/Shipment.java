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

/** A parcel the shop sent, with its packing slip. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Courier courier;

    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;

    @Column(name = "origin_province", nullable = false)
    public String originProvince;

    @Column(name = "origin_city")
    public String originCity;

    @Column(name = "buyer_province", nullable = false)
    public String buyerProvince;

    @Column(name = "buyer_city")
    public String buyerCity;

    /** What the origin station weighed, when the order system knows it; scans may add it later. */
    @Column(name = "origin_weight_grams")
    public Integer originWeightGrams;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "packing_slip", nullable = false, columnDefinition = "jsonb")
    public List<SlipLine> packingSlip;

    @Column(name = "shipped_at")
    public Instant shippedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Shipment> inShop(String shopId, UUID id) {
        return find("id = ?1 and shopId = ?2", id, shopId).firstResultOptional();
    }

    public static Optional<Shipment> ofOrder(String shopId, String orderId) {
        return find("shopId = ?1 and orderId = ?2", shopId, orderId).firstResultOptional();
    }

    /** The shop's parcel with that number. */
    public static Optional<Shipment> ofTracking(String shopId, Courier courier, String trackingNumber) {
        return find("shopId = ?1 and courier = ?2 and trackingNumber = ?3", shopId, courier, trackingNumber)
                .firstResultOptional();
    }

    /** Every shop's parcel with that number: a courier's push concerns each of them (numbers are unique per shop only). */
    public static List<Shipment> withTracking(Courier courier, String trackingNumber) {
        return list("courier = ?1 and trackingNumber = ?2", courier, trackingNumber);
    }

    public Optional<SlipLine> line(String sku) {
        return packingSlip.stream().filter(l -> l.sku().equals(sku)).findFirst();
    }
}
