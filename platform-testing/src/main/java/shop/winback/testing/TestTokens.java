package shop.winback.testing;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tokens minted by the tests themselves: a key pair made for this JVM (never stored), whose
 * public half {@link LocalInfraResource} hands to the service under test. Also the bad ones —
 * expired, forged, shop-less — that a service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "winback";
    private static final KeyPair KEYS = rsa();
    private static final KeyPair STRANGER = rsa();
    /** The personal-data key of this test JVM, 32 random bytes, base64. */
    public static final String PERSONAL_DATA_KEY = randomKey();

    private TestTokens() {}

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public static String integration(String shop) {
        return token(shop, "integration", Set.of("integration"));
    }

    public static String supervisor(String shop) {
        return token(shop, "supervisor", Set.of("supervisor"));
    }

    public static String manager(String shop) {
        return token(shop, "manager", Set.of("manager"));
    }

    public static String reporting(String shop) {
        return token(shop, "reporting", Set.of("reporting"));
    }

    public static String agent(String shop, UUID agentId, String tier) {
        return Jwt.issuer(ISSUER)
                .upn(shop + "/agent/" + agentId)
                .groups(Set.of("agent"))
                .claim("shop_id", shop)
                .claim("agent_id", agentId.toString())
                .claim("tier", tier)
                .expiresIn(Duration.ofHours(1))
                .sign(KEYS.getPrivate());
    }

    /** A token of the given roles; several roles in one token are allowed (the bench uses integration + manager). */
    public static String token(String shop, String who, Set<String> roles) {
        return sign(shop, who, roles, Instant.now().plus(Duration.ofHours(1)), KEYS.getPrivate());
    }

    /**
     * A token of the given roles with extra claims, for shapes the others do not mint (a supervisor
     * who also has an agent profile, an agent token without a tier).
     */
    public static String withClaims(String shop, String who, Set<String> roles, Map<String, Object> claims) {
        var builder = Jwt.issuer(ISSUER).upn(shop + "/" + who).groups(roles).claim("shop_id", shop);
        claims.forEach(builder::claim);
        return builder.expiresIn(Duration.ofHours(1)).sign(KEYS.getPrivate());
    }

    public static String expired(String shop, String role) {
        return Jwt.issuer(ISSUER)
                .upn(shop + "/" + role)
                .groups(Set.of(role))
                .claim("shop_id", shop)
                .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign(KEYS.getPrivate());
    }

    /** Well-formed, but signed by a key the service does not trust. */
    public static String forged(String shop, String role) {
        return sign(shop, role, Set.of(role), Instant.now().plus(Duration.ofHours(1)), STRANGER.getPrivate());
    }

    public static String withoutShop(String role) {
        return Jwt.issuer(ISSUER)
                .upn("nobody/" + role)
                .groups(Set.of(role))
                .expiresIn(Duration.ofHours(1))
                .sign(KEYS.getPrivate());
    }

    private static String sign(String shop, String who, Set<String> roles, Instant expires, PrivateKey key) {
        return Jwt.issuer(ISSUER)
                .upn(shop + "/" + who)
                .groups(roles)
                .claim("shop_id", shop)
                .expiresAt(expires)
                .sign(key);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
