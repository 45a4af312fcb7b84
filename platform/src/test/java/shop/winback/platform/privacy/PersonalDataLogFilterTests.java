package shop.winback.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class PersonalDataLogFilterTests {

    private final PersonalDataLogFilter filter = new PersonalDataLogFilter();

    @Test
    void aPhoneNumberInALogLineIsMaskedWhetherInTheTextOrAParameter() {
        ExtLogRecord inParameter =
                new ExtLogRecord(Level.WARNING, "Resolution of %s: %s", ExtLogRecord.FormatStyle.PRINTF, "test");
        inParameter.setParameters(new Object[] {"ticket 42", "买家说打13812345678找他"});
        assertThat(filter.isLoggable(inParameter)).isTrue();
        assertThat(inParameter.getFormattedMessage()).isEqualTo("Resolution of ticket 42: 买家说打138****5678找他");

        ExtLogRecord inText = new ExtLogRecord(Level.INFO, "寄到北京市朝阳区建国路88号, 电话 010-12345678", "test");
        filter.isLoggable(inText);
        assertThat(inText.getFormattedMessage()).doesNotContain("建国路88号").doesNotContain("12345678");
    }

    @Test
    void aLineWithoutPersonalDataIsLeftAsItIs() {
        ExtLogRecord line = new ExtLogRecord(
                Level.INFO, "Kuaidi100 push for unknown parcel %s %s", ExtLogRecord.FormatStyle.PRINTF, "test");
        line.setParameters(new Object[] {"shentong", "773012345678"});
        filter.isLoggable(line);
        assertThat(line.getFormattedMessage()).isEqualTo("Kuaidi100 push for unknown parcel shentong 773012345678");
        assertThat(line.getParameters()).hasSize(2);
    }
}
