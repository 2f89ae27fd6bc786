package io.databridge.internal.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Maps the current row of a result set; may throw the driver's {@link SQLException}. Specialized once per result shape
 * (see {@link RowMapperFactory}); per row it only reads columns.
 *
 * @param <R> the row type
 */
@FunctionalInterface
public interface RowMapper<R> {

    /**
     * Maps the current row.
     *
     * @param rows the result set, positioned on a row
     * @return the mapped row, which may be null (a NULL scalar) when {@code R} allows it
     * @throws SQLException from the driver
     */
    @Nullable
    R map(ResultSet rows) throws SQLException;
}
