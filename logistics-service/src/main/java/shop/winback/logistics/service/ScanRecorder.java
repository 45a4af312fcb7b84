package shop.winback.logistics.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import shop.winback.logistics.domain.IncomingScan;
import shop.winback.logistics.domain.ParcelScan;
import shop.winback.logistics.domain.ScanSource;
import shop.winback.logistics.domain.Shipment;
import shop.winback.logistics.messaging.out.LogisticsEvents;

/**
 * Stores courier scans once each: Kuaidi100 pushes the whole history every time, couriers retry,
 * look-ups repeat what pushes said. The unique key (shipment, time, station, status) decides, so
 * concurrent duplicates are safe too. Each new scan publishes parcel.scanned.v1.
 */
@ApplicationScoped
public class ScanRecorder {

    private static final int STATION_MAX = 200;
    private static final int DESCRIPTION_MAX = 500;

    private final DataSource dataSource;
    private final LogisticsEvents events;
    private final Clock clock;
    private final CourierTimes times;

    public ScanRecorder(DataSource dataSource, LogisticsEvents events, Clock clock, CourierTimes times) {
        this.dataSource = dataSource;
        this.events = events;
        this.clock = clock;
        this.times = times;
    }

    /** The scans that were new; in the caller's transaction or a new one. */
    @Transactional
    public List<ParcelScan> record(Shipment shipment, List<IncomingScan> scans, ScanSource source) {
        Instant now = Instant.now(clock);
        List<ParcelScan> added = new ArrayList<>();
        for (IncomingScan in : scans) {
            if (times.tooFarAhead(in.scannedAt())) {
                // Kuaidi100's data cannot be answered per scan: the rest of the history is still worth keeping
                Log.warnf(
                        "Skipped a %s scan of %s %s dated %s, far ahead of our clock",
                        source, shipment.courier, shipment.trackingNumber, in.scannedAt());
                continue;
            }
            ParcelScan scan = new ParcelScan();
            scan.id = UUID.randomUUID();
            scan.shipmentId = shipment.id;
            scan.shopId = shipment.shopId;
            scan.station = clip(in.station(), STATION_MAX);
            scan.scannedAt = in.scannedAt()
                    .truncatedTo(ChronoUnit.MICROS); // PostgreSQL's precision: a replay must compare equal
            scan.status = in.status();
            scan.weightGrams = in.weightGrams();
            scan.description = in.description() == null ? null : clip(in.description(), DESCRIPTION_MAX);
            scan.source = source;
            scan.receivedAt = now;
            if (insert(scan)) {
                added.add(scan);
                events.scanned(shipment, scan);
            }
        }
        return added;
    }

    /** Plain JDBC on the transaction's connection: typed nulls, and ON CONFLICT, which the ORM does not speak. */
    private boolean insert(ParcelScan scan) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO parcel_scan (id, shipment_id, shop_id, station, scanned_at, status, weight_grams,
                                              description, source, received_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT ON CONSTRAINT parcel_scan_unique DO NOTHING""")) {
            insert.setObject(1, scan.id);
            insert.setObject(2, scan.shipmentId);
            insert.setString(3, scan.shopId);
            insert.setString(4, scan.station);
            insert.setObject(5, scan.scannedAt.atOffset(ZoneOffset.UTC));
            insert.setString(6, scan.status.name());
            insert.setObject(7, scan.weightGrams, Types.INTEGER);
            insert.setString(8, scan.description);
            insert.setString(9, scan.source.name());
            insert.setObject(10, scan.receivedAt.atOffset(ZoneOffset.UTC));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a scan of shipment " + scan.shipmentId, e);
        }
    }

    private static String clip(String text, int max) {
        String s = text == null || text.isBlank() ? "unknown" : text.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
