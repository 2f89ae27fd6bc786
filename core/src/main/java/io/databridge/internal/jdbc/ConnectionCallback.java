package io.databridge.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Work on a connection that may throw the driver's {@link SQLException}; whoever runs it translates the failure. One
 * of the engine's callback set ({@link StatementCallback}, {@link StatementBinder}, {@link RowMapper}, {@link
 * RowMapperFactory}), shared by the executor, the query DSL, the bulk paths and migrations.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface ConnectionCallback<R> {

    /**
     * Uses the connection without closing it.
     *
     * @param connection the connection
     * @return the result, which may be null when {@code R} allows it
     * @throws SQLException from the driver
     */
    @Nullable
    R run(Connection connection) throws SQLException;
}
