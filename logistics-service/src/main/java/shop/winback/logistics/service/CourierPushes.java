package shop.winback.logistics.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import shop.winback.logistics.client.Kuaidi100Json;
import shop.winback.logistics.client.Kuaidi100Push;
import shop.winback.logistics.client.Kuaidi100Traces;
import shop.winback.logistics.client.Signatures;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.logistics.domain.Courier;
import shop.winback.logistics.domain.ParcelScan;
import shop.winback.logistics.domain.ScanSource;
import shop.winback.logistics.domain.Shipment;

/**
 * Courier pushes: the signature is checked first and nothing is read or stored without it. The
 * parcel's shop is the shop of the shipment with that courier and tracking number.
 */
@ApplicationScoped
public class CourierPushes {

    private final LogisticsConfig config;
    private final ScanRecorder recorder;

    public CourierPushes(LogisticsConfig config, ScanRecorder recorder) {
        this.config = config;
        this.recorder = recorder;
    }

    public enum Outcome { STORED, BAD_SIGNATURE, UNREADABLE, UNKNOWN_PARCEL }

    public record Result(Outcome outcome, int added, String detail) {
    }

    /** A Kuaidi100 subscription push: form fields {@code param} (JSON) and {@code sign}. */
    @Transactional
    public Result kuaidi100(String param, String sign) {
        Optional<String> salt = config.kuaidi100().salt();
        if (param == null || salt.isEmpty() || !Signatures.sameHex(Signatures.kuaidi100Push(param, salt.get()), sign)) {
            return new Result(Outcome.BAD_SIGNATURE, 0, "sign does not match");
        }
        Kuaidi100Push push;
        try {
            push = Kuaidi100Json.MAPPER.readValue(param, Kuaidi100Push.class);
        } catch (JsonProcessingException e) {
            return new Result(Outcome.UNREADABLE, 0, "param is not Kuaidi100's push JSON");
        }
        if (push.lastResult() == null || push.lastResult().nu() == null) {
            return new Result(Outcome.UNREADABLE, 0, "param carries no lastResult.nu");
        }
        // Kuaidi100 may have corrected the company code (autoCheck=1, comNew): the parcel is still ours under the old one
        Optional<Shipment> shipment = findShipment(push.lastResult().com(), push.lastResult().nu())
                .or(() -> findShipment(push.comOld(), push.lastResult().nu()));
        if (shipment.isEmpty()) {
            Log.warnf("Kuaidi100 push for unknown parcel %s %s", push.lastResult().com(), push.lastResult().nu());
            return new Result(Outcome.UNKNOWN_PARCEL, 0, "no shipment with tracking number " + push.lastResult().nu());
        }
        List<ParcelScan> added = recorder.record(shipment.get(),
                Kuaidi100Traces.toScans(push.lastResult().data(), config.zone()), ScanSource.KUAIDI100_PUSH);
        return new Result(Outcome.STORED, added.size(), null);
    }

    /** A generic JSON push; {@code signature} is the X-Signature header, {@code sha256=<hex HMAC-SHA256(secret, raw body)>}. */
    public boolean genericSignatureValid(byte[] body, String signature) {
        Optional<String> secret = config.genericPush().secret();
        if (secret.isEmpty() || signature == null) {
            return false;
        }
        String given = signature.strip();
        // the prefix names the algorithm, as documented: a bare hex digest is refused, not guessed at
        if (!given.startsWith("sha256=")) {
            return false;
        }
        return Signatures.sameHex(Signatures.hmacSha256(body, secret.get()), given.substring(7));
    }

    @Transactional
    public Result generic(Courier courier, String trackingNumber, List<IncomingScan> scans) {
        Optional<Shipment> shipment = Shipment.ofTracking(courier, trackingNumber);
        if (shipment.isEmpty()) {
            return new Result(Outcome.UNKNOWN_PARCEL, 0, "no shipment with " + courier + " tracking number " + trackingNumber);
        }
        return new Result(Outcome.STORED, recorder.record(shipment.get(), scans, ScanSource.GENERIC_PUSH).size(), null);
    }

    private static Optional<Shipment> findShipment(String kuaidi100Code, String trackingNumber) {
        return Courier.ofKuaidi100Code(kuaidi100Code).flatMap(c -> Shipment.ofTracking(c, trackingNumber.strip()));
    }
}
