package io.databridge.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Converts one Java type to and from one PostgreSQL type. Codecs are resolved once per entity property and then used
 * on the hot path: {@link #bind} and {@link #read} must not reflect, format or allocate beyond the value itself.
 * Implementations must be thread-safe and stateless.
 *
 * <p>Register a codec for your own types with {@link TypeCodecs.Builder#register(Class, TypeCodec)}.
 *
 * @param <T> the Java type
 */
public interface TypeCodec<T> {

    /**
     * The PostgreSQL type this codec writes, as it appears in DDL and casts, e.g. {@code text}, {@code numeric},
     * {@code timestamptz}, {@code text[]}, {@code jsonb}.
     *
     * @return the SQL type name
     */
    String sqlType();

    /**
     * Binds a value, or SQL {@code NULL} when the value is {@code null}.
     *
     * @param statement the statement
     * @param index the 1-based parameter index
     * @param value the value, may be {@code null}
     * @throws SQLException when the driver rejects the value
     * @throws IllegalArgumentException when the value cannot be stored in the SQL type (the message says why and how to
     *     fix it; the engine adds the entity and property)
     */
    void bind(PreparedStatement statement, int index, @Nullable T value) throws SQLException;

    /**
     * Reads a value, {@code null} for SQL {@code NULL}.
     *
     * @param rows the result set, positioned on a row
     * @param index the 1-based column index
     * @return the value or {@code null}
     * @throws SQLException when the driver cannot read the column
     * @throws IllegalArgumentException when the stored value cannot be represented in the Java type
     */
    @Nullable
    T read(ResultSet rows, int index) throws SQLException;

    /**
     * How values of this codec travel many at a time, as elements of one array parameter: bulk inserts and updates,
     * {@code IN} lists and collection parameters of raw SQL. The default, {@code null}, says they cannot: bulk writes
     * then fall back to one statement per row, and {@code IN} lists bind one parameter per value. Implement it to give
     * your codec the fast path, e.g. {@code BulkForm.text(sqlType(), Money::toPlainString)}.
     *
     * @return the form, or {@code null} when values travel one at a time only
     */
    default @Nullable BulkForm<T> bulkForm() {
        return null;
    }
}
