package shop.winback.logistics.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Published test vectors: RFC 1321 (MD5) and RFC 4231 (HMAC-SHA256), then the couriers' compositions of them. */
class SignaturesTests {

    @Test
    void md5MatchesRfc1321VectorsInKuaidi100sUpperCase() {
        assertThat(Signatures.kuaidi100("")).isEqualTo("D41D8CD98F00B204E9800998ECF8427E");
        assertThat(Signatures.kuaidi100("abc")).isEqualTo("900150983CD24FB0D6963F7D28E17F72");
        assertThat(Signatures.kuaidi100("message digest")).isEqualTo("F96B697D7CB7938D525A2F31AAF161D0");
    }

    @Test
    void pushSignIsMd5OfParamThenSalt() {
        // "ab" + "c" must sign exactly as "abc" does: the salt is appended, nothing in between
        assertThat(Signatures.kuaidi100Push("ab", "c")).isEqualTo("900150983CD24FB0D6963F7D28E17F72");
        assertThat(Signatures.kuaidi100Push("message ", "digest")).isEqualTo("F96B697D7CB7938D525A2F31AAF161D0");
    }

    @Test
    void querySignIsMd5OfParamKeyCustomerInThatOrder() {
        assertThat(Signatures.kuaidi100Query("mess", "age dig", "est")).isEqualTo("F96B697D7CB7938D525A2F31AAF161D0");
        assertThat(Signatures.kuaidi100Query("est", "age dig", "mess"))
                .isNotEqualTo("F96B697D7CB7938D525A2F31AAF161D0");
    }

    @Test
    void chineseTextIsSignedAsUtf8() {
        // MD5 of the UTF-8 bytes of "中" (E4 B8 AD), as coreutils' md5sum gives it; the GBK bytes (D6 D0) would give
        // 5301DA37…
        assertThat(Signatures.kuaidi100("中")).isEqualTo("AED1DFBC31703955E64806B799B67645");
    }

    @Test
    void hmacSha256MatchesRfc4231TestCase2() {
        String mac = Signatures.hmacSha256("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII), "Jefe");
        assertThat(mac).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void comparisonIgnoresCaseAndRejectsMissingOrDifferent() {
        assertThat(Signatures.sameHex("abcdef", "ABCDEF")).isTrue();
        assertThat(Signatures.sameHex("abcdef", " abcdef ")).isTrue();
        assertThat(Signatures.sameHex("abcdef", "abcdee")).isFalse();
        assertThat(Signatures.sameHex("abcdef", "abcdef00")).isFalse();
        assertThat(Signatures.sameHex("abcdef", null)).isFalse();
    }

    @Test
    void kuaidi100WeightsAreKilogramsAndTimesChinaTime() {
        assertThat(Kuaidi100Traces.grams("0.90")).isEqualTo(900);
        assertThat(Kuaidi100Traces.grams("1")).isEqualTo(1000);
        assertThat(Kuaidi100Traces.grams("")).isNull();
        assertThat(Kuaidi100Traces.grams("heavy")).isNull();
        assertThat(Kuaidi100Traces.grams("0")).isNull();
        assertThat(Kuaidi100Traces.parseTime("2026-11-21 08:00:00", java.time.ZoneId.of("Asia/Shanghai")))
                .isEqualTo(java.time.Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(Kuaidi100Traces.parseTime("yesterday", java.time.ZoneId.of("Asia/Shanghai")))
                .isNull();
    }
}
