package io.databridge.internal.jdbc;

import io.databridge.error.PgExceptionTranslator;
import io.databridge.error.RetryableFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that borrows connections: through {@link DataSourceUtils}, so statements join the caller's Spring
 * transaction and see its timeout, and every {@link SQLException} leaves as a translated {@link DataAccessException}.
 * No transaction is opened here. Thread-safe.
 */
public final class JdbcExecutor {

    private final DataSource dataSource;
    private final PgExceptionTranslator translator;
    private final StatementObserver observer;
    private final NPlusOneDetector nPlusOne;
    private final StatementRouting routing;

    /**
     * Creates an executor that reports nothing.
     *
     * @param dataSource where connections come from
     * @param translator translates every driver failure
     */
    public JdbcExecutor(DataSource dataSource, PgExceptionTranslator translator) {
        this(dataSource, translator, StatementObserver.NONE);
    }

    /**
     * Creates an executor.
     *
     * @param dataSource where connections come from
     * @param translator translates every driver failure
     * @param observer reports each unit of work (observation, SQL and slow-query logs)
     */
    public JdbcExecutor(DataSource dataSource, PgExceptionTranslator translator, StatementObserver observer) {
        this(dataSource, translator, observer, NPlusOneDetector.OFF);
    }

    /**
     * Creates an executor that also looks for N+1 in each transaction.
     *
     * @param dataSource where connections come from
     * @param translator translates every driver failure
     * @param observer reports each unit of work (observation, SQL and slow-query logs)
     * @param nPlusOne counts the single statements each transaction runs, {@link NPlusOneDetector#OFF} for none
     */
    public JdbcExecutor(
            DataSource dataSource,
            PgExceptionTranslator translator,
            StatementObserver observer,
            NPlusOneDetector nPlusOne) {
        this.dataSource = dataSource;
        this.translator = translator;
        this.observer = observer;
        this.nPlusOne = nPlusOne;
        this.routing = StatementRouting.of(dataSource);
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
        return withConnection(
                task,
                sql,
                connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        DataSourceUtils.applyTransactionTimeout(statement, dataSource);
                        R result = callback.run(statement);
                        nPlusOne.ran(task, sql);
                        return result;
                    }
                },
                true);
    }

    /**
     * Opens a cursor and maps its rows as the returned stream is consumed, {@code fetchSize} rows per round trip. The
     * connection, statement and result set stay open until the stream is closed (or fails); closing releases the
     * connection through {@link DataSourceUtils}. Inside a Spring transaction the cursor lives in it; outside one the
     * stream opens a transaction of its own on its connection (pgjdbc fetches in batches only with autocommit off),
     * committed when the stream is closed and rolled back when it fails, so a statement with {@code RETURNING} behaves
     * as in autocommit.
     *
     * @param task what the statement does, for error messages and logs (no values)
     * @param sql the SQL text with {@code ?} placeholders
     * @param fetchSize rows per round trip
     * @param binder binds the parameters
     * @param readers creates the row reader from the result's metadata
     * @param <R> the row type
     * @return the rows; the caller closes the stream
     * @throws DataAccessException for every driver failure, translated, also while the stream is consumed
     */
    public <R> Stream<R> stream(
            String task, String sql, int fetchSize, StatementBinder binder, RowMapperFactory<R> readers) {
        return stream(task, sql, fetchSize, true, binder, readers);
    }

    /**
     * Opens a cursor like {@link #stream(String, String, int, StatementBinder, RowMapperFactory)}; with {@code
     * readTransaction} and no Spring transaction running, it turns autocommit off on its own connection for the life
     * of the stream, so the cursor fetches {@code fetchSize} rows per round trip with bounded memory, and on close
     * commits that transaction (rolls it back when the stream failed) and restores autocommit before releasing the
     * connection; without {@code readTransaction}, pgjdbc reads every row before the first is returned.
     *
     * @param task what the statement does, for error messages and logs (no values)
     * @param sql the SQL text with {@code ?} placeholders
     * @param fetchSize rows per round trip
     * @param readTransaction whether to open a read transaction of its own outside a Spring transaction
     * @param binder binds the parameters
     * @param readers creates the row reader from the result's metadata
     * @param <R> the row type
     * @return the rows; the caller closes the stream
     * @throws DataAccessException for every driver failure, translated, also while the stream is consumed
     */
    public <R> Stream<R> stream(
            String task,
            String sql,
            int fetchSize,
            boolean readTransaction,
            StatementBinder binder,
            RowMapperFactory<R> readers) {
        boolean ownTransaction = readTransaction && !inTransaction();
        // The stream outlives this call and is consumed by the caller's code: observed until it is closed, without
        // a scope on this thread.
        StatementObserver.Run run = observer.start(task, sql, false);
        boolean write = route(sql);
        Connection connection;
        try {
            connection = DataSourceUtils.getConnection(dataSource);
        } catch (CannotGetJdbcConnectionException ex) {
            DataAccessException translated = translator.translateConnectionFailure(ex);
            run.stop(translated);
            throw translated;
        }
        run.route(routing, connection);
        Cursor<R> cursor = new Cursor<>(task, sql, connection, run);
        cursor.write = write;
        try {
            if (ownTransaction) {
                connection.setAutoCommit(false);
                cursor.ownTransaction = true;
            }
            PreparedStatement statement = connection.prepareStatement(sql);
            cursor.statement = statement;
            DataSourceUtils.applyTransactionTimeout(statement, dataSource);
            statement.setFetchSize(fetchSize);
            binder.bind(statement);
            ResultSet rows = statement.executeQuery();
            cursor.rows = rows;
            cursor.reader = readers.create(rows);
        } catch (SQLException ex) {
            DataAccessException translated = translator.translate(task, sql, ex);
            cursor.close(translated);
            throw translated;
        } catch (TransactionTimedOutException ex) {
            DataAccessException translated = translator.translateTransactionFailure(ex);
            cursor.close(translated);
            throw translated;
        } catch (RuntimeException | Error ex) {
            cursor.close(ex);
            throw ex;
        }
        return StreamSupport.stream(cursor, false).onClose(cursor::close);
    }

    /**
     * Before borrowing a connection for work outside any transaction of a routing data source: sends a read ({@link
     * ReadStatements}) to a replica. Returns whether the work is such a write outside a transaction, whose WAL position
     * is to be recorded for read-your-writes once it ran; {@code sql} {@code null} for work that is always a write.
     */
    private boolean route(@Nullable String sql) {
        if (routing == StatementRouting.NONE
                || TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(dataSource)) {
            return false;
        }
        if (sql != null && ReadStatements.isRead(sql)) {
            routing.routeNextToReplica();
            return false;
        }
        return true;
    }

    /** Whether the current thread runs inside a Spring-managed transaction on this executor's data source. */
    private boolean inTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.hasResource(dataSource);
    }

    /** An open result set as a spliterator; {@link #close()} releases everything, once. */
    private final class Cursor<R> extends Spliterators.AbstractSpliterator<R> {

        private final String task;
        private final String sql;
        private final Connection connection;
        private final StatementObserver.Run run;
        private boolean ownTransaction;
        private boolean write;
        private @Nullable PreparedStatement statement;
        private @Nullable ResultSet rows;
        private @Nullable RowMapper<R> reader;
        private boolean closed;

        Cursor(String task, String sql, Connection connection, StatementObserver.Run run) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.task = task;
            this.sql = sql;
            this.connection = connection;
            this.run = run;
        }

        @Override
        public boolean tryAdvance(Consumer<? super R> action) {
            ResultSet current = rows;
            RowMapper<R> currentReader = reader;
            if (closed || current == null || currentReader == null) {
                return false;
            }
            try {
                if (!current.next()) {
                    close();
                    return false;
                }
                action.accept(currentReader.map(current));
                return true;
            } catch (SQLException ex) {
                DataAccessException translated = translator.translate(task, sql, ex);
                close(translated);
                throw translated;
            } catch (RuntimeException | Error ex) {
                close(ex);
                throw ex;
            }
        }

        void close() {
            close(null);
        }

        /** Releases everything, once, and ends the observation with the failure the caller sees, if any. */
        void close(@Nullable Throwable failure) {
            if (closed) {
                return;
            }
            closed = true;
            Throwable error = failure;
            try {
                release(failure != null);
            } catch (RuntimeException ex) {
                if (error == null) {
                    error = ex;
                    throw ex;
                }
                // The failure that ended the stream is what the caller sees, not a release that failed after it.
                error.addSuppressed(ex);
            } finally {
                run.stop(error);
            }
        }

        private void release(boolean failed) {
            try {
                if (rows != null) {
                    rows.close();
                }
                if (statement != null) {
                    statement.close();
                }
                if (ownTransaction) {
                    if (failed) {
                        connection.rollback();
                    } else {
                        connection.commit();
                    }
                    connection.setAutoCommit(true);
                }
                if (write && !failed) {
                    routing.recordWrite(connection);
                }
            } catch (SQLException ex) {
                if (RetryableFailures.connectionLost(ex)) {
                    // The server ended the read transaction with the connection; the pool evicts it.
                    return;
                }
                throw translator.translate(task, sql, ex);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /** The rows a result stands for, for the audit trail: a count, a list's size, one entity, or unknown. */
    private static long rows(@Nullable Object result) {
        if (result instanceof Integer || result instanceof Long) {
            return ((Number) result).longValue();
        }
        if (result instanceof java.util.Collection<?> collection) {
            return collection.size();
        }
        return result == null || result instanceof Boolean ? -1 : 1;
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
        return withConnection(task, sql, callback, false);
    }

    /**
     * Runs work on a connection the caller holds and manages (migrations keep their own, for a transaction-level
     * advisory lock), observed and logged like every other unit of work; the connection is neither borrowed nor
     * released here.
     *
     * @param connection the caller's connection
     * @param task what the work does, for error messages, logs and the observation (no values)
     * @param sql the SQL involved, with placeholders, or a comment naming it; for the logs (no values)
     * @param callback the work
     * @param <R> the result type
     * @return the callback's result
     * @throws DataAccessException for every driver failure, translated
     */
    @SuppressWarnings("NullAway") // the callback returns null only where R allows it; NullAway cannot see R's nullness
    public <R> R onConnection(Connection connection, String task, String sql, ConnectionCallback<R> callback) {
        StatementObserver.Run run = observer.start(task, sql, true);
        try {
            R result = callback.run(connection);
            run.stop(null, rows(result));
            return result;
        } catch (SQLException ex) {
            DataAccessException translated = translator.translate(task, sql, ex);
            run.stop(translated);
            throw translated;
        } catch (RuntimeException | Error ex) {
            run.stop(ex);
            throw ex;
        }
    }

    /**
     * Runs work on a borrowed connection; with {@code oneStatement}, a statement that failed only because the
     * connection's cached type ids are stale runs once more, outside a transaction on a fresh connection and as a
     * transaction's first statement in a new transaction (see {@link StaleTypeIds}).
     */
    @SuppressWarnings("NullAway") // the callback returns null only where R allows it; NullAway cannot see R's nullness
    private <R> R withConnection(String task, String sql, ConnectionCallback<R> callback, boolean oneStatement) {
        StatementObserver.Run run = observer.start(task, sql, true);
        for (int attempt = 1; ; attempt++) {
            boolean write = route(oneStatement ? sql : null);
            Connection connection;
            try {
                connection = DataSourceUtils.getConnection(dataSource);
            } catch (CannotGetJdbcConnectionException ex) {
                DataAccessException translated = translator.translateConnectionFailure(ex);
                run.stop(translated);
                throw translated;
            }
            boolean transactionNotBegun = false;
            run.route(routing, connection);
            try {
                transactionNotBegun = oneStatement && attempt == 1 && StaleTypeIds.transactionNotBegun(connection);
                R result = callback.run(connection);
                if (write) {
                    routing.recordWrite(connection);
                }
                run.stop(null, rows(result));
                return result;
            } catch (SQLException ex) {
                if (oneStatement && attempt == 1 && StaleTypeIds.matches(ex)) {
                    // Nothing of the statement ran: the server refused the types its prepared form names.
                    if (!inTransaction()) {
                        StaleTypeIds.evict(dataSource, connection);
                        continue;
                    }
                    if (transactionNotBegun && StaleTypeIds.restart(connection)) {
                        continue;
                    }
                    // Later in a transaction: its work is lost; the translator says to run it again.
                    StaleTypeIds.retireWhenReturned(dataSource);
                }
                DataAccessException translated = translator.translate(task, sql, ex);
                run.stop(translated);
                throw translated;
            } catch (TransactionTimedOutException ex) {
                DataAccessException translated = translator.translateTransactionFailure(ex);
                run.stop(translated);
                throw translated;
            } catch (RuntimeException | Error ex) {
                run.stop(ex);
                throw ex;
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
