package io.databridge.internal.jdbc;

import io.databridge.internal.model.EntityModels;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
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

    /** Reads the current row of a cursor. */
    @FunctionalInterface
    interface CursorReader<R> {
        /**
         * Maps the current row.
         *
         * @param rows the result set, positioned on a row
         * @return the mapped row
         * @throws SQLException from the driver
         */
        R read(ResultSet rows) throws SQLException;
    }

    /**
     * Streams the rows of {@code sql} over a server-side cursor, {@code fetchSize} rows per round trip: inside a
     * Spring transaction on its connection; outside one on a dedicated connection with autocommit off for the life of
     * the stream, whose read transaction is rolled back when the stream closes.
     *
     * @param task what the statement does, for logs and messages (no values)
     * @param sql the SQL text
     * @param fetchSize rows per round trip
     * @param binder binds the parameters; its return value is ignored
     * @param reader maps each row
     * @param <R> the row type
     * @return the rows; closing the stream closes the cursor and releases the connection
     * @throws DataAccessException for every driver failure, translated, also while the stream is consumed
     */
    <R> Stream<R> stream(String task, String sql, int fetchSize, StatementWork<?> binder, CursorReader<R> reader);

    /**
     * Translates a driver failure.
     *
     * @param task what failed
     * @param sql the SQL involved
     * @param ex the failure
     * @return the exception to throw
     */
    DataAccessException translate(String task, String sql, SQLException ex);

    /**
     * Loads relations into rows already read, one statement per relation per level.
     *
     * @param type the root entity
     * @param rows the roots
     * @param paths the relation paths, e.g. {@code "pets.visits"}
     * @param <T> the root type
     * @return the roots with their relations loaded (new instances for records)
     */
    <T> java.util.List<T> fetch(Class<T> type, java.util.List<T> rows, java.util.List<String> paths);
}
