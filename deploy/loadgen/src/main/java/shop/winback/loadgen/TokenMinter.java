package shop.winback.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints bearer tokens with the local signing key, as {@code deploy/lib/tokens.sh mint} does (same claims: iss
 * winback, sub and upn, groups, shop_id, iat, exp, jti; RS256): scale needs one token per shop, hundreds of them, and
 * openssl in a shell loop takes a second or so each on a busy 2-core box.
 */
final class TokenMinter {

    static final String ISSUER = "winback";

    private final PrivateKey key;
    private final ObjectMapper json = new ObjectMapper();

    TokenMinter(PrivateKey key) {
        this.key = key;
    }

    /** Reads a PKCS#8 PEM ("BEGIN PRIVATE KEY", what openssl genpkey writes and tokens.sh makes). */
    static TokenMinter fromPem(Path pem) throws SetupException {
        try {
            return new TokenMinter(privateKey(Files.readString(pem, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new SetupException("cannot read the signing key " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SetupException(pem + " is not an RSA private key in PKCS#8 PEM: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** A token for {@code shop}, subject {@code shop/<name>}, with the given roles, valid {@code ttlSeconds}. */
    String mint(String shop, String name, List<String> groups, long ttlSeconds) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", shop + "/" + name);
        claims.put("upn", shop + "/" + name);
        claims.put("groups", groups);
        claims.put("shop_id", shop);
        claims.put("iat", now);
        claims.put("exp", now + ttlSeconds);
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = encode(json.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encode(rs256.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
