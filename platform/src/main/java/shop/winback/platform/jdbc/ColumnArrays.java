package shop.winback.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Binds a multi-row statement's parameters in order, each the array of one column over all rows:
 * {@code INSERT INTO t (a, b) SELECT a, b FROM unnest(?::uuid[], ?::text[]) AS r(a, b)}. One statement
 * stores the rows of a transaction; a JDBC batch runs the statement once a row, and each run opens the
 * table and every index again, which costs PostgreSQL more than the rows themselves on a table with
 * several indexes (deploy/loadgen/BENCHMARKS.md, 2026-12-05).
 *
 * <p>Values go as PostgreSQL's text forms: an instant through {@link #timestamp}, an array column
 * (an array a row, which {@code unnest} cannot take) through {@link #textArray} as {@code ?::text[]} and
 * cast back per row ({@code r.photos::text[]}).
 */
public final class ColumnArrays<T> {

    private final PreparedStatement statement;
    private final Connection connection;
    private final List<T> rows;
    private int index;

    public ColumnArrays(PreparedStatement statement, Connection connection, List<T> rows) {
        this.statement = statement;
        this.connection = connection;
        this.rows = rows;
    }

    /**
     * Binds the next parameter: the column's value in every row, in the rows' order.
     *
     * @param type the element type as PostgreSQL names it ({@code uuid}, {@code text}, {@code int8},
     *     {@code int4}, {@code int2}, {@code bool}, {@code timestamptz})
     */
    public ColumnArrays<T> add(String type, Function<T, Object> value) throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        statement.setArray(++index, connection.createArrayOf(type, values));
        return this;
    }

    /**
     * An instant as PostgreSQL reads it: ISO 8601 in UTC (it keeps microseconds), a year past 9999 without
     * ISO's sign, a year before 1 as PostgreSQL's "BC" (ISO's year 0 is 1 BC), as the driver sends a single value.
     */
    public static String timestamp(Instant at) {
        if (at == null) {
            return null;
        }
        String iso = at.toString();
        if (iso.charAt(0) == '+') {
            return iso.substring(1);
        }
        if (iso.charAt(0) == '-' || iso.startsWith("0000-")) {
            int bc = 1 - at.atOffset(ZoneOffset.UTC).getYear();
            String year = Integer.toString(bc);
            return "0".repeat(Math.max(0, 4 - year.length())) + year + iso.substring(iso.indexOf('-', 1)) + " BC";
        }
        return iso;
    }

    /** A text array as its literal ({@code {"a","b"}}), every element quoted and escaped; null stays null. */
    public static String textArray(String[] values) {
        if (values == null) {
            return null;
        }
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            if (values[i] == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int k = 0; k < values[i].length(); k++) {
                char ch = values[i].charAt(k);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}
