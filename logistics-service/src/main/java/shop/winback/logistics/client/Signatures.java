package shop.winback.logistics.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signatures couriers use, and a comparison that takes as long whatever the guess. */
public final class Signatures {

    private Signatures() {}

    /** Kuaidi100's sign: MD5 of the UTF-8 text, upper-case hex. */
    public static String kuaidi100(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Push: MD5(param + salt). */
    public static String kuaidi100Push(String param, String salt) {
        return kuaidi100(param + salt);
    }

    /** Real-time query: MD5(param + key + customer). */
    public static String kuaidi100Query(String param, String key, String customer) {
        return kuaidi100(param + key + customer);
    }

    /** HMAC-SHA256 of the raw body, lower-case hex. */
    public static String hmacSha256(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time, case-insensitive comparison of two hex signatures; a null is never equal. */
    public static boolean sameHex(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                given.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
