package io.databridge.internal;

import io.databridge.error.PgExceptionTranslator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The one place that borrows connections: through {@link DataSourceUtils}, so statements join the caller's Spring
 * transaction and see its timeout, and every {@link SQLException} leaves as a translated {@link DataAccessException}.
 * No transaction is opened here. Thread-safe.
 */
public final class JdbcExecutor {

    /** Work on a prepared statement; may throw the driver's {@link SQLException}. */
    @FunctionalInterface
    public interface StatementCallback<R> {
        /**
         * Binds, executes and reads.
         *
         * @param statement the prepared statement
         * @return the result
         * @throws SQLException from the driver
         */
        R run(PreparedStatement statement) throws SQLException;
    }

    /** Work on a connection; may throw the driver's {@link SQLException}. */
    @FunctionalInterface
    public interface ConnectionCallback<R> {
        /**
         * Uses the connection without closing it.
         *
         * @param connection the connection
         * @return the result
         * @throws SQLException from the driver
         */
        R run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final PgExceptionTranslator translator;

    /**
     * Creates an executor.
     *
     * @param dataSource where connections come from
     * @param translator translates every driver failure
     */
    public JdbcExecutor(DataSource dataSource, PgExceptionTranslator translator) {
        this.dataSource = dataSource;
        this.translator = translator;
    }

    /**
     * The data source.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The translator.
     *
     * @return the translator
     */
    public PgExceptionTranslator translator() {
        return translator;
    }

    /**
     * Prepares {@code sql}, applies the transaction timeout, and runs the callback.
     *
     * @param task what the statement does, for error messages and logs (no values)
     * @param sql the SQL text with {@code ?} placeholders
     * @param callback binds, executes and reads
     * @param <R> the result type
     * @return the callback's result
     * @throws DataAccessException for every driver failure, translated
     */
    public <R> R execute(String task, String sql, StatementCallback<R> callback) {
        return withConnection(task, sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                DataSourceUtils.applyTransactionTimeout(statement, dataSource);
                return callback.run(statement);
            }
        });
    }

    /**
     * Runs work on a connection borrowed through {@link DataSourceUtils} and released afterwards.
     *
     * @param task what the work does, for error messages and logs
     * @param sql the SQL involved, for the log of a failure
     * @param callback the work
     * @param <R> the result type
     * @return the callback's result
     * @throws DataAccessException for every driver failure, translated
     */
    public <R> R withConnection(String task, String sql, ConnectionCallback<R> callback) {
        Connection connection;
        try {
            connection = DataSourceUtils.getConnection(dataSource);
        } catch (CannotGetJdbcConnectionException ex) {
            throw translator.translateConnectionFailure(ex);
        }
        try {
            return callback.run(connection);
        } catch (SQLException ex) {
            throw translator.translate(task, sql, ex);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
