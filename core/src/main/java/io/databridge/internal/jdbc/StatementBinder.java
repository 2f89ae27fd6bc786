package io.databridge.internal.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds the parameters of a prepared statement; may throw the driver's {@link SQLException}. */
@FunctionalInterface
public interface StatementBinder {

    /**
     * Binds.
     *
     * @param statement the prepared statement
     * @throws SQLException from the driver
     */
    void bind(PreparedStatement statement) throws SQLException;
}
