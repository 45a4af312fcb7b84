package shop.winback.loadgen.history;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one PostgreSQL {@code COPY table (columns) FROM STDIN} in text format: fields separated by tabs, {@code \N}
 * for null, backslash, tab, newline and carriage return escaped. Buffered; {@link #finish} ends the COPY.
 */
final class CopyWriter {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstField = true;
    private long rows;

    private CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    static CopyWriter open(CopyManager manager, String table, String columns) throws SQLException {
        return new CopyWriter(manager.copyIn("COPY " + table + " (" + columns + ") FROM STDIN"));
    }

    /** A row in the text format, for tests. */
    static String line(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            append(sb, fields[i]);
        }
        return sb.append('\n').toString();
    }

    CopyWriter field(Object value) {
        if (!firstField) {
            buffer.append('\t');
        }
        firstField = false;
        append(buffer, value);
        return this;
    }

    CopyWriter row(Object... values) throws SQLException {
        for (Object v : values) {
            field(v);
        }
        return endRow();
    }

    CopyWriter endRow() throws SQLException {
        buffer.append('\n');
        firstField = true;
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
        return this;
    }

    /** Ends the COPY; returns the rows written. */
    long finish() throws SQLException {
        flush();
        copy.endCopy();
        return rows;
    }

    private void flush() throws SQLException {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    static void append(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("\\N");
        } else if (value instanceof Instant
                || value instanceof UUID
                || value instanceof Number
                || value instanceof LocalDate
                || value instanceof Boolean) {
            sb.append(value); // ISO-8601 / plain digits / t-f words: nothing to escape
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
            }
        }
    }
}
