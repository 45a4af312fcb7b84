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

    @Test
    void yearsPast9999AndBeforeOneAreWrittenAsPostgresqlReadsThem() {
        assertThat(ColumnArrays.timestamp(Instant.parse("+10000-01-01T00:00:00Z")))
                .isEqualTo("10000-01-01T00:00:00Z");
        assertThat(ColumnArrays.timestamp(Instant.parse("0000-12-31T23:59:59Z")))
                .isEqualTo("0001-12-31T23:59:59Z BC");
        assertThat(ColumnArrays.timestamp(Instant.parse("-0001-01-01T00:00:00Z")))
                .isEqualTo("0002-01-01T00:00:00Z BC");
    }
}
