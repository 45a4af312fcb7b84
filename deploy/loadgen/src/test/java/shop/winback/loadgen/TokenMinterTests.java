package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenMinterTests {

    @Test
    void mintsWhatTokensShMints() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        TokenMinter minter = new TokenMinter(TokenMinter.privateKey(pem));
        String token = minter.mint("bench-abc123-1s001", "bench", List.of("integration", "manager"), 3600);
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(pair.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
        ObjectMapper json = new ObjectMapper();
        assertEquals(
                "RS256",
                json.readTree(Base64.getUrlDecoder().decode(parts[0]))
                        .path("alg")
                        .asText());
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("winback", claims.path("iss").asText());
        assertEquals("bench-abc123-1s001", claims.path("shop_id").asText());
        assertEquals("bench-abc123-1s001/bench", claims.path("sub").asText());
        assertEquals("bench-abc123-1s001/bench", claims.path("upn").asText());
        assertEquals("[\"integration\",\"manager\"]", claims.path("groups").toString());
        assertEquals(3600, claims.path("exp").asLong() - claims.path("iat").asLong());
        assertTrue(claims.path("jti").asText().matches("[0-9a-f-]{36}"));
    }
}
