package io.databridge.types;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Stores one value through a codec in a fresh table whose column has the codec's SQL type, and reads it back. */
final class RoundTrip {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private final DataSource dataSource;

    RoundTrip(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The codec {@link TypeCodecs#defaults()} resolves for a class. */
    @SuppressWarnings("unchecked")
    static <T> TypeCodec<T> codec(Class<T> type) {
        return (TypeCodec<T>) TypeCodecs.defaults().resolve(ValueType.of(type));
    }

    /** The codec {@link TypeCodecs#defaults()} resolves for a value type, cast for the test's convenience. */
    @SuppressWarnings("unchecked")
    static <T> TypeCodec<T> codec(ValueType type) {
        return (TypeCodec<T>) TypeCodecs.defaults().resolve(type);
    }

    /** Creates a table with one column of the codec's type, inserts the value, and reads it back. */
    <T> @Nullable T store(TypeCodec<T> codec, @Nullable T value) throws SQLException {
        String table = create(codec);
        insert(table, codec, value);
        return read(table, codec);
    }

    /** Creates a table with one column {@code v} of the codec's SQL type and returns its name. */
    String create(TypeCodec<?> codec) throws SQLException {
        String table = "round_trip_" + TABLES.incrementAndGet();
        execute("create table " + table + " (id integer primary key, v " + codec.sqlType() + ")");
        return table;
    }

    <T> void insert(String table, TypeCodec<T> codec, @Nullable T value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("insert into " + table + " (id, v) values (1, ?)")) {
            codec.bind(statement, 1, value);
            statement.executeUpdate();
        }
    }

    <T> @Nullable T read(String table, TypeCodec<T> codec) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select v from " + table + " where id = 1");
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new AssertionError("no row in " + table);
            }
            T value = codec.read(rows, 1);
            if (rows.next()) {
                throw new AssertionError("more than one row in " + table);
            }
            return value;
        }
    }

    /** Counts the rows whose column equals the value bound through the codec. */
    <T> long countEqual(String table, TypeCodec<T> codec, T value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select count(*) from " + table + " where v = ?")) {
            codec.bind(statement, 1, value);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Runs SQL (DDL or a fixture insert) in the test schema. */
    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
