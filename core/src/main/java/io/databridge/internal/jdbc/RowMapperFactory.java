package io.databridge.internal.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Creates the row mapper of a result set once, from its metadata; may throw the driver's {@link SQLException}.
 *
 * @param <R> the row type
 */
@FunctionalInterface
public interface RowMapperFactory<R> {

    /**
     * Specializes a mapper for the columns of this result.
     *
     * @param rows the result set, before its first row
     * @return the mapper
     * @throws SQLException from the driver
     */
    RowMapper<R> create(ResultSet rows) throws SQLException;
}
