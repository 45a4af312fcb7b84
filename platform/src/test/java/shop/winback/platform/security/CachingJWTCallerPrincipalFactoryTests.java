package shop.winback.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class CachingJWTCallerPrincipalFactoryTests {

    final AtomicInteger verifications = new AtomicInteger();
    final AtomicLong now = new AtomicLong(1_000_000);

    /** Verifies "good-<exp seconds>" tokens, refuses everything else. */
    final JWTCallerPrincipalFactory verifier = new JWTCallerPrincipalFactory() {
        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
            verifications.incrementAndGet();
            if (!token.startsWith("good-")) {
                throw new ParseException("forged");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject("s");
            claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(Long.parseLong(token.substring(5))));
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        }
    };

    final CachingJWTCallerPrincipalFactory factory = new CachingJWTCallerPrincipalFactory(verifier, now::get);

    @Test
    void aVerifiedTokenIsNotVerifiedAgainForAMinute() throws Exception {
        String token = "good-" + (now.get() / 1000 + 3600);
        JWTCallerPrincipal first = factory.parse(token, null);
        assertThat(factory.parse(token, null)).isSameAs(first);
        assertThat(verifications).hasValue(1);
        now.addAndGet(CachingJWTCallerPrincipalFactory.KEEP_MILLIS);
        factory.parse(token, null);
        assertThat(verifications).as("verified again after a minute").hasValue(2);
    }

    @Test
    void neverPastTheTokensExpiry() throws Exception {
        String token = "good-" + (now.get() / 1000 + 10);
        factory.parse(token, null);
        now.addAndGet(10_000);
        factory.parse(token, null);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThatThrownBy(() -> factory.parse("forged", null)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> factory.parse("forged", null)).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void ourOwnClaimsAndTheStandardOnesReadAsTheTokenHasThem() throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("demo-shop/integration");
        claims.setClaim("upn", "demo-shop/integration");
        claims.setStringListClaim("groups", "integration", "reporting");
        claims.setClaim("shop_id", "demo-shop");
        claims.setClaim("agent_id", "3f2b0a1e-0c3d-4b5a-9e8f-1a2b3c4d5e6f");
        JWTCallerPrincipal principal = new CachingJWTCallerPrincipalFactory.Principal("JWT", claims);
        assertThat(principal.<String>getClaim("shop_id")).isEqualTo("demo-shop");
        assertThat(principal.<String>getClaim("agent_id")).isEqualTo("3f2b0a1e-0c3d-4b5a-9e8f-1a2b3c4d5e6f");
        assertThat(principal.<String>getClaim("tier")).isNull();
        assertThat(principal.getGroups()).containsExactlyInAnyOrder("integration", "reporting");
        assertThat(principal.getName()).isEqualTo("demo-shop/integration");
        assertThat(principal.getSubject()).isEqualTo("demo-shop/integration");
    }
}
