package shop.winback.compensation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import javax.sql.DataSource;
import shop.winback.compensation.messaging.in.ParcelScannedV1;
import shop.winback.platform.jdbc.Jdbc;

/**
 * When each order's parcel was signed for, from the courier's DELIVERED scan on logistics.v1: the receipt a quality
 * complaint's return window counts from (DOMAIN "Quality problems"), preferred to what the order system says.
 * The earliest signed-for scan wins, so a repeated or late scan changes nothing (idempotent without an inbox).
 */
@ApplicationScoped
public class Deliveries {

    private final DataSource dataSource;

    public Deliveries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public void record(List<ParcelScannedV1> delivered) {
        Jdbc.batch(dataSource, """
                INSERT INTO parcel_delivery (shop_id, order_id, delivered_at) VALUES (?, ?, ?)
                ON CONFLICT (shop_id, order_id) DO UPDATE SET delivered_at = LEAST(parcel_delivery.delivered_at, excluded.delivered_at)""", delivered, (insert, scan) -> {
            insert.setString(1, scan.shopId());
            insert.setString(2, scan.orderId());
            Jdbc.setInstant(insert, 3, scan.scannedAt());
        });
    }
}
