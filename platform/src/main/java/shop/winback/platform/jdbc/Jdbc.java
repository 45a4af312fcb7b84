package shop.winback.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC on the current transaction's connection (the datasource hands every statement of one
 * JTA transaction the same connection), for the statements on the hot paths: none of the ORM's
 * query parsing, result mapping or flush checks, which cost more than the statements themselves there.
 * Failures keep the driver's SQLException as the cause, so its SQLSTATE still says whether to retry.
 */
public final class Jdbc {

    private Jdbc() {}

    /** Binds a statement's parameters; the connection is there for {@code createArrayOf}. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement, Connection connection) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public static <T> List<T> query(DataSource dataSource, String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement, connection);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + firstLine(sql), e);
        }
    }

    /** @return the number of rows changed */
    public static int update(DataSource dataSource, String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement, connection);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + firstLine(sql), e);
        }
    }

    /** Binds one item of a batch. */
    @FunctionalInterface
    public interface ItemBinder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /**
     * One statement for many items, in one round trip (a JDBC batch).
     *
     * @return per item, the rows it changed
     */
    public static <T> int[] batch(DataSource dataSource, String sql, Iterable<T> items, ItemBinder<T> binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
            }
            return statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Batch failed: " + firstLine(sql), e);
        }
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(
                index, instant == null ? null : instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    public static Instant instant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime at = rs.getObject(index, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static String firstLine(String sql) {
        String s = sql.strip();
        int end = s.indexOf('\n');
        return end < 0 ? s : s.substring(0, end);
    }
}
