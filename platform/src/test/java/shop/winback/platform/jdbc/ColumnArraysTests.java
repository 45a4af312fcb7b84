package shop.winback.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ColumnArraysTests {

    @Test
    void everyElementOfATextArrayIsQuotedSoCommasBracesAndTheWordNullStayText() {
        assertThat(ColumnArrays.textArray(new String[] {"a,b", "{c}", "NULL", ""}))
                .isEqualTo("{\"a,b\",\"{c}\",\"NULL\",\"\"}");
    }

    @Test
    void quotesAndBackslashesAreEscapedAndAMissingElementIsNull() {
        assertThat(ColumnArrays.textArray(new String[] {"say \"hi\"", "C:\\x", null}))
                .isEqualTo("{\"say \\\"hi\\\"\",\"C:\\\\x\",NULL}");
    }

    @Test
    void noArrayIsNullAndAnEmptyOneIsEmpty() {
        assertThat(ColumnArrays.textArray(null)).isNull();
        assertThat(ColumnArrays.textArray(new String[0])).isEqualTo("{}");
    }

    @Test
    void anInstantIsWrittenInUtcAndNoInstantIsNull() {
        Instant at = Instant.ofEpochSecond(1_000_000_000L, 123_456_000);
        assertThat(ColumnArrays.timestamp(at)).isEqualTo(at.toString()).endsWith("Z");
        assertThat(ColumnArrays.timestamp(null)).isNull();
    }
}
