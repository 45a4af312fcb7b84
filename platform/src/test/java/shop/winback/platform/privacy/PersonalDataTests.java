package shop.winback.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PersonalDataTests {

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    final PersonalData personalData = new PersonalData(randomKey());

    @Test
    void sealedValuesOpenWithTheSameKeyOnly() {
        String sealed = personalData.seal("13812345678");
        assertThat(sealed).startsWith("pd1.").doesNotContain("12345678");
        assertThat(personalData.seal("13812345678")).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThat(personalData.open(sealed)).isEqualTo("13812345678");
        assertThatThrownBy(() -> new PersonalData(randomKey()).open(sealed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> personalData.open(sealed.substring(0, sealed.length() - 2) + "AA"))
                .as("tampering is detected")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(personalData.seal(null)).isNull();
        assertThat(personalData.open(null)).isNull();
    }

    @Test
    void aKeyMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> new PersonalData("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PersonalData("not base64!")).hasMessageContaining("base64");
    }

    @Test
    void masksKeepEnoughToRecogniseNotToCall() {
        assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskPhone("12345")).isEqualTo("***45");
        assertThat(PersonalData.maskPhone(null)).isNull();
        assertThat(PersonalData.maskAddress("辽宁", "沈阳")).isEqualTo("辽宁沈阳****");
        assertThat(PersonalData.maskAddress("新疆", null)).isEqualTo("新疆****");
    }

    @Test
    void freeTextLeavesWithPhonesIdCardsAndStreetAddressesMasked() {
        assertThat(PersonalData.maskFreeText("买家电话13812345678，已回访")).isEqualTo("买家电话138****5678，已回访");
        assertThat(PersonalData.maskFreeText("call +86 138-1234-5678 or 138 1234 5678"))
                .isEqualTo("call 138****5678 or 138****5678");
        assertThat(PersonalData.maskFreeText("座机024-23456789")).isEqualTo("座机024-****6789");
        assertThat(PersonalData.maskFreeText("身份证210102199001011234核对过")).isEqualTo("身份证**************1234核对过");
        // the words before the street go too: it errs towards masking
        assertThat(PersonalData.maskFreeText("寄到和平区中山路12号3单元501室了")).isEqualTo("[地址]了");
        assertThat(PersonalData.maskFreeText("南京西路88号")).isEqualTo("[地址]");
    }

    @Test
    void textWithoutPersonalDataIsUntouched() {
        for (String text : new String[] {"买家满意，已改好评", "补偿10元，订单TB-O-88231907", "重量差100克", "2026-11-22 已联系", null, ""}) {
            assertThat(PersonalData.maskFreeText(text)).isEqualTo(text);
        }
    }
}
