package shop.winback.logistics.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shop.winback.logistics.client.Kuaidi100Json;
import shop.winback.logistics.client.Kuaidi100Push;
import shop.winback.logistics.client.Kuaidi100Traces;
import shop.winback.logistics.client.Signatures;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.logistics.domain.Courier;
import shop.winback.logistics.domain.IncomingScan;
import shop.winback.logistics.domain.ScanSource;
import shop.winback.logistics.domain.Shipment;

/**
 * Courier pushes: the signature is checked first and nothing is read or stored without it. A
 * tracking number is unique within a shop only: a push is stored for every shop's shipment with
 * that courier and number, each shop seeing its own copy.
 */
@ApplicationScoped
public class CourierPushes {

    /**
     * The replay window is a security check like a token's expiry: it is measured on the real clock, never on the
     * business clock a test may shift (winback.clock.offset).
     */
    private static final Clock REAL_TIME = Clock.systemUTC();

    private final LogisticsConfig config;
    private final ScanRecorder recorder;

    public CourierPushes(LogisticsConfig config, ScanRecorder recorder) {
        this.config = config;
        this.recorder = recorder;
    }

    public enum Outcome {
        STORED,
        BAD_SIGNATURE,
        UNREADABLE,
        UNKNOWN_PARCEL
    }

    public record Result(Outcome outcome, int added, String detail) {}

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
        // Kuaidi100 may have corrected the company code (autoCheck=1, comNew): the parcel is still ours under the old
        // one
        List<Shipment> shipments =
                findShipments(push.lastResult().com(), push.lastResult().nu());
        if (shipments.isEmpty()) {
            shipments = findShipments(push.comOld(), push.lastResult().nu());
        }
        if (shipments.isEmpty()) {
            Log.warnf(
                    "Kuaidi100 push for unknown parcel %s %s",
                    push.lastResult().com(), push.lastResult().nu());
            return new Result(
                    Outcome.UNKNOWN_PARCEL,
                    0,
                    "no shipment with tracking number " + push.lastResult().nu());
        }
        List<IncomingScan> scans = Kuaidi100Traces.toScans(push.lastResult().data(), config.zone());
        return new Result(Outcome.STORED, recordForEach(shipments, scans, ScanSource.KUAIDI100_PUSH), null);
    }

    /** Why a generic push's signature was refused; null when it holds. */
    public String genericSignatureRefusal(byte[] body, String signature, String timestamp) {
        Optional<String> secret = config.genericPush().secret();
        if (secret.isEmpty()) {
            return "no secret is configured for generic pushes";
        }
        if (signature == null || timestamp == null) {
            return "X-Signature and X-Signature-Timestamp are both required";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "X-Signature-Timestamp must be the signing time in whole seconds since 1970-01-01T00:00:00Z";
        }
        Duration window = config.genericPush().replayWindow();
        Instant now = Instant.now(REAL_TIME);
        if (seconds < now.minus(window).getEpochSecond()
                || seconds > now.plus(window).getEpochSecond()) {
            return "X-Signature-Timestamp is more than " + window.toMinutes()
                    + " minutes from our clock (a replayed or delayed push)";
        }
        String given = signature.strip();
        // the prefix names the algorithm, as documented: a bare hex digest is refused, not guessed at
        if (!given.startsWith("sha256=")
                || !Signatures.sameHex(
                        Signatures.hmacSha256(signedText(timestamp.strip(), body), secret.get()), given.substring(7))) {
            return "X-Signature must be sha256=<hex HMAC-SHA256 of the timestamp, a dot and the raw body, with the shared secret>";
        }
        return null;
    }

    /** The timestamp is signed with the body, so it cannot be changed to pass a replay off as new. */
    static byte[] signedText(String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, text, 0, prefix.length);
        System.arraycopy(body, 0, text, prefix.length, body.length);
        return text;
    }

    @Transactional
    public Result generic(Courier courier, String trackingNumber, List<IncomingScan> scans) {
        List<Shipment> shipments = Shipment.withTracking(courier, trackingNumber);
        if (shipments.isEmpty()) {
            return new Result(
                    Outcome.UNKNOWN_PARCEL, 0, "no shipment with " + courier + " tracking number " + trackingNumber);
        }
        return new Result(Outcome.STORED, recordForEach(shipments, scans, ScanSource.GENERIC_PUSH), null);
    }

    /** How many scans were new, counted once (the same scans land in every shop's shipment of the parcel). */
    private int recordForEach(List<Shipment> shipments, List<IncomingScan> scans, ScanSource source) {
        int added = 0;
        for (Shipment shipment : shipments) {
            added = Math.max(added, recorder.record(shipment, scans, source).size());
        }
        return added;
    }

    private static List<Shipment> findShipments(String kuaidi100Code, String trackingNumber) {
        return Courier.ofKuaidi100Code(kuaidi100Code)
                .map(c -> Shipment.withTracking(c, trackingNumber.strip()))
                .orElse(List.of());
    }
}
