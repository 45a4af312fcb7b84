package shop.winback.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void plainTextStaysAsItIsAndNothingIsAnEmptyCell() {
        assertThat(Csv.cell("SKU-TS-WHITE-L")).isEqualTo("SKU-TS-WHITE-L");
        assertThat(Csv.cell("白色 T恤")).isEqualTo("白色 T恤");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsMadeText() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
