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

/** A weight check (称重) and its verdict. Never changed once made: a new look is a new check. */
@Entity
@Table(name = "weight_check")
public class WeightCheck extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "missing_items", nullable = false, columnDefinition = "jsonb")
    public List<MissingItem> missingItems;

    @Column(nullable = false)
    public boolean damaged;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;

    @Column(name = "origin_weight_grams")
    public Integer originWeightGrams;

    @Column(name = "last_station_weight_grams")
    public Integer lastStationWeightGrams;

    @Column(name = "missing_weight_grams", nullable = false)
    public int missingWeightGrams;

    @Column(name = "tolerance_grams", nullable = false)
    public int toleranceGrams;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> evidence;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    @Column(name = "checked_by", nullable = false)
    public String checkedBy;

    public static Optional<WeightCheck> inShop(String shopId, UUID id) {
        return find("id = ?1 and shopId = ?2", id, shopId).firstResultOptional();
    }

    public List<String> missingSkus() {
        return missingItems.stream().map(MissingItem::sku).toList();
    }
}
