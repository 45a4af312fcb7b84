package shop.winback.logistics.service;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import shop.winback.logistics.client.CourierRejectedException;
import shop.winback.logistics.client.CourierUnavailableException;
import shop.winback.logistics.client.Kuaidi100Client;
import shop.winback.logistics.client.Kuaidi100Traces;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.logistics.domain.ParcelScan;
import shop.winback.logistics.domain.ScanSource;
import shop.winback.logistics.domain.Shipment;

/**
 * Fills in what pushes did not bring: asks the courier (through Kuaidi100) and stores the scans it
 * reports, each once. Never throws for the courier's failures: the outcome says what went wrong,
 * and a weight check then names it as missing evidence. Runs outside any transaction, so no
 * database connection waits on the courier.
 */
@ApplicationScoped
public class CourierLookup {

    private final Kuaidi100Client client;
    private final ScanRecorder recorder;
    private final LogisticsConfig config;

    public CourierLookup(Kuaidi100Client client, ScanRecorder recorder, LogisticsConfig config) {
        this.client = client;
        this.recorder = recorder;
        this.config = config;
    }

    /** {@code added}: scans stored by this look-up; {@code failure}: why the courier could not be asked, or null. */
    public record Outcome(boolean asked, int reported, List<ParcelScan> added, String failure) {
        public String describe() {
            if (failure != null) {
                return "courier look-up failed: " + failure;
            }
            return "courier look-up via Kuaidi100 reported " + reported + " scan(s), " + added.size() + " new";
        }
    }

    public Outcome lookUp(Shipment shipment) {
        if (!config.lookUpConfigured()) {
            return new Outcome(
                    false, 0, List.of(), "no Kuaidi100 credentials configured (logistics.kuaidi100.customer/key)");
        }
        try {
            var traces = client.query(shipment.courier, shipment.trackingNumber);
            var scans = Kuaidi100Traces.toScans(traces, config.zone());
            List<ParcelScan> added = recorder.record(shipment, scans, ScanSource.KUAIDI100_QUERY);
            return new Outcome(true, scans.size(), added, null);
        } catch (CircuitBreakerOpenException e) {
            return failed(shipment, "the courier system failed repeatedly; calls are paused (circuit open)");
        } catch (RateLimitException e) {
            return failed(shipment, "too many look-ups just now (rate limit); try again shortly");
        } catch (TimeoutException e) {
            return failed(shipment, "Kuaidi100 did not answer in time");
        } catch (CourierUnavailableException | CourierRejectedException e) {
            return failed(shipment, e.getMessage());
        }
    }

    private static Outcome failed(Shipment shipment, String reason) {
        Log.warnf("Courier look-up of %s %s failed: %s", shipment.courier, shipment.trackingNumber, reason);
        return new Outcome(true, 0, List.of(), reason);
    }
}
