package shop.winback.platform.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Buyer phone numbers and addresses are sealed (AES-256-GCM) wherever they are stored or sent:
 * in tables, in events. Only a service holding {@code winback.personal-data.key} can open them,
 * and it shows them in clear only to whoever works that buyer; everyone else sees them masked.
 * A sealed value reads {@code pd1.<base64url(iv | ciphertext | tag)>}; the version prefix leaves
 * room for key rotation.
 */
public final class PersonalData {

    private static final String PREFIX = "pd1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param base64Key 32 random bytes, base64 */
    public PersonalData(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("winback.personal-data.key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(
                    "winback.personal-data.key must be 32 bytes (base64 of 32 random bytes), not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String seal(String clear) {
        if (clear == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalArgumentException when the value was not sealed with this key */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed value cannot be opened with this key", e);
        }
    }

    /** 13812345678 → 138****5678: enough to recognise, not enough to call. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.strip();
        if (digits.length() <= 7) {
            return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** An address shown masked: the region (辽宁沈阳****), never the street. */
    public static String maskAddress(String province, String city) {
        return Objects.toString(province, "") + Objects.toString(city, "") + "****";
    }

    // ID-card numbers first: they contain runs of digits that would otherwise read as phone numbers
    private static final Pattern ID_CARD = Pattern.compile(
            "(?<![0-9A-Za-z])\\d{6}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE =
            Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?(1[3-9]\\d)[- ]?\\d{4}[- ]?(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3})[- ]?\\d{3,4}(\\d{4})(?!\\d)");
    /** A street and house number (…路12号, …街3号院2单元501室): the part of an address that finds a door. */
    private static final Pattern STREET = Pattern.compile(
            "[\\p{IsHan}A-Za-z0-9]{0,20}(?:路|街|道|巷|弄|胡同|里)\\s*[0-9０-９一二三四五六七八九十百]+\\s*号(?:[\\p{IsHan}0-9\\-#]{0,20}(?:室|户|单元|栋|幢|楼|层|号))?");

    /**
     * Free text (a resolution reason, a comment) with what looks like personal data masked, before it
     * leaves the service in an event or a log line: mobile and landline numbers keep their first and
     * last digits (138****5678), ID-card numbers their last four, street addresses become {@code [地址]}.
     * A heuristic: it errs towards masking.
     */
    public static String maskFreeText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = ID_CARD.matcher(text)
                .replaceAll(
                        m -> "**************" + m.group().substring(m.group().length() - 4));
        masked = MOBILE.matcher(masked).replaceAll("$1****$2");
        masked = LANDLINE.matcher(masked).replaceAll("$1-****$2");
        return STREET.matcher(masked).replaceAll("[地址]");
    }
}
