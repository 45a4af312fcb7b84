package shop.winback.loadgen.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyWriterTests {

    @Test
    void textFormatEscapesAndNulls() {
        UUID id = UUID.fromString("123e4567-e89b-42d3-a456-426614174000");
        // formatting only: the date is a value to print, never compared with a clock
        assertEquals(
                "123e4567-e89b-42d3-a456-426614174000\t\\N\t2026-12-03T10:00:00Z\t42\ttrue\t2026-12-03\t{}\n",
                CopyWriter.line(
                        id, null, Instant.parse("2026-12-03T10:00:00Z"), 42L, true, LocalDate.of(2026, 12, 3), "{}"));
        assertEquals(
                "{\"text\":\"a\\\\\"b\"}\ttab\\there\tline\\nbreak\\r\n",
                CopyWriter.line("{\"text\":\"a\\\"b\"}", "tab\there", "line\nbreak\r"),
                "backslash, tab, newline, CR escaped");
        assertEquals("衣服有破洞，质量太差了\n", CopyWriter.line("衣服有破洞，质量太差了"));
    }
}
