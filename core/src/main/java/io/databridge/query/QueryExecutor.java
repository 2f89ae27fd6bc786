package io.databridge.query;

import io.databridge.mapping.EntityModels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/**
 * How queries reach the database: the engine behind {@code DataBridge} implements it over its executor (connections
 * through Spring's {@code DataSourceUtils}, failures translated). Application code neither implements nor calls it;
 * it is public so that the engine, in another package, can. Implementations must be thread-safe.
 */
public interface QueryExecutor {

    /** Work on a prepared statement. */
    @FunctionalInterface
    interface StatementWork<R> {
        /**
         * Binds, executes and reads.
         *
         * @param statement the statement
         * @return the result
         * @throws SQLException from the driver
         */
        R run(PreparedStatement statement) throws SQLException;
    }

    /**
     * The entity models (with their codecs and naming) queries resolve columns against.
     *
     * @return the models
     */
    EntityModels models();

    /**
     * Prepares {@code sql} on a connection that joins the caller's transaction, runs the work, and releases it.
     *
     * @param task what the statement does, for logs and messages (no values)
     * @param sql the SQL text
     * @param work binds, executes and reads
     * @param <R> the result type
     * @return the work's result
     * @throws DataAccessException for every driver failure, translated
     */
    <R> R execute(String task, String sql, StatementWork<R> work);

    /**
     * Borrows a connection that joins the caller's transaction, for work that outlives one call (a cursor). Release it
     * with {@link #release(Connection)}.
     *
     * @return the connection
     * @throws DataAccessException when none can be obtained
     */
    Connection borrow();

    /**
     * Releases a borrowed connection (closes it unless a transaction holds it).
     *
     * @param connection the connection
     */
    void release(Connection connection);

    /**
     * Whether the current thread runs inside a Spring-managed transaction on this engine's data source.
     *
     * @return {@code true} inside a transaction
     */
    boolean inTransaction();

    /**
     * Translates a driver failure.
     *
     * @param task what failed
     * @param sql the SQL involved
     * @param ex the failure
     * @return the exception to throw
     */
    DataAccessException translate(String task, String sql, SQLException ex);
}
