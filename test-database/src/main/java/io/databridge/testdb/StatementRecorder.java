package io.databridge.testdb;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;

/**
 * A data source that records the SQL text of every statement prepared through it, so a test can assert how many
 * statements a block of work ran and what they were: the way to prove that a fetch plan runs one statement per
 * relation, or that a request does not run N+1 queries. It wraps the real data source; nothing is mocked.
 *
 * <pre>{@code
 * StatementRecorder statements = StatementRecorder.wrap(dataSource);
 * DataBridge db = DataBridge.create(statements);
 *
 * statements.assertThat(() -> db.from(Owner.class).fetch(Owner_.pets).list())
 *         .hasCount(2)
 *         .hasNoRepeatedStatements();
 * RecordedStatements ran = statements.record(() -> service.placeOrder(request));
 * assertThat(ran).hasSelectCount(1).hasInsertCount(2);          // AssertJ's assertThat
 * assertThat(statements.currentTransaction()).hasCount(3);     // since the running transaction began
 * }</pre>
 *
 * <p>Three scopes: a block ({@link #record}, {@link #assertThat}), everything since the last {@link #reset()} ({@link
 * #recorded()}; {@code @PostgresTest} and {@code @DataBridgeTest} reset before each test, so this is "the statements
 * of this test"), and the transaction running on the calling thread ({@link #currentTransaction()}: from the moment a
 * connection of this data source turned autocommit off, or last committed or rolled back, as Spring's transaction
 * managers do).
 *
 * <p>Records {@code prepareStatement} and {@code prepareCall} (every statement data-bridge runs, except the rows a COPY
 * streams) and {@code Statement.execute*}/{@code addBatch} with SQL text (e.g. {@code JdbcTemplate.execute(String)}).
 * Thread-safe; the statements of concurrent work interleave.
 */
public final class StatementRecorder implements DataSource, AutoCloseable {

    private final DataSource target;
    /** Every statement since the last reset, and those of transactions still open when it happened. */
    private final List<Entry> statements = new ArrayList<>();
    /** The open transactions of all threads: connection to the sequence number of its first statement. */
    private final Map<Connection, Long> openTransactions = new IdentityHashMap<>();
    /** The calling thread's transaction, if one is open on a connection of this data source. */
    private final ThreadLocal<@Nullable Transaction> current = new ThreadLocal<>();

    private long sequence;
    private long since;

    private StatementRecorder(DataSource target) {
        this.target = target;
    }

    /**
     * Wraps a data source.
     *
     * @param dataSource the real data source
     * @return a recorder delegating to it
     */
    public static StatementRecorder wrap(DataSource dataSource) {
        return new StatementRecorder(dataSource);
    }

    /**
     * The data source this one records for.
     *
     * @return the wrapped data source
     */
    public DataSource target() {
        return target;
    }

    /**
     * Closes the wrapped data source when it can be closed (a pool), as a Spring context closes its {@code DataSource}
     * bean; otherwise does nothing.
     *
     * @throws IllegalStateException when closing the wrapped data source fails
     */
    @Override
    public void close() {
        if (target instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while closing the wrapped data source", ex);
            } catch (Exception ex) {
                throw new IllegalStateException("Closing the wrapped data source failed", ex);
            }
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return recording(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return recording(target.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }

    private Connection recording(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("prepare") && args != null && args[0] instanceof String sql) {
                add(connection, sql);
            } else if (name.equals("unwrap") && args != null && args[0] == Connection.class) {
                return connection;
            }
            Object result = invoke(connection, method, args);
            if (name.equals("createStatement") && result instanceof Statement statement) {
                return recording(connection, statement);
            }
            if (name.equals("setAutoCommit") && args != null && args[0] instanceof Boolean autoCommit) {
                transaction(connection, !autoCommit);
            } else if ((name.equals("commit") || name.equals("rollback")) && (args == null || args.length == 0)) {
                transaction(connection, !connection.getAutoCommit());
            } else if (name.equals("close")) {
                transaction(connection, false);
            }
            return result;
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    /** A plain statement that records the SQL text it executes (a {@code JdbcTemplate.execute(String)}). */
    private Statement recording(Connection connection, Statement statement) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if ((name.startsWith("execute") || name.equals("addBatch"))
                    && args != null
                    && args[0] instanceof String sql) {
                add(connection, sql);
            }
            return invoke(statement, method, args);
        };
        return (Statement)
                Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class}, handler);
    }

    private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    private void add(Connection connection, String sql) {
        synchronized (statements) {
            statements.add(new Entry(sequence++, connection, sql));
        }
    }

    /** A transaction ends on {@code connection}; with {@code begins}, the next one begins with the next statement. */
    private void transaction(Connection connection, boolean begins) {
        synchronized (statements) {
            openTransactions.remove(connection);
            Transaction running = current.get();
            if (running != null && running.connection == connection) {
                current.remove();
            }
            if (begins) {
                openTransactions.put(connection, sequence);
                current.set(new Transaction(connection, sequence));
            }
        }
    }

    /**
     * The statements recorded since the last {@link #reset()} or {@link #take()}: under {@code @PostgresTest} and
     * {@code @DataBridgeTest}, the statements of the running test so far.
     *
     * @return the statements, in order
     */
    public RecordedStatements recorded() {
        synchronized (statements) {
            return select(entry -> entry.sequence >= since);
        }
    }

    /**
     * The statements of the transaction running on the calling thread, from its beginning (a connection of this data
     * source turning autocommit off, as a Spring transaction manager does when a transaction begins, or the last
     * commit or rollback on it) until now.
     *
     * @return the statements, in order
     * @throws IllegalStateException when no transaction runs on this thread on a connection of this data source
     */
    public RecordedStatements currentTransaction() {
        synchronized (statements) {
            Transaction running = current.get();
            if (running == null) {
                throw new IllegalStateException("No transaction runs on this thread on a connection of this data"
                        + " source: begin one (@Transactional, TransactionTemplate, or setAutoCommit(false)) before"
                        + " asking for its statements");
            }
            return select(entry -> entry.connection == running.connection && entry.sequence >= running.start);
        }
    }

    /**
     * Runs work and returns the statements it ran (on any thread, through this data source).
     *
     * @param work the block to measure, e.g. {@code () -> mockMvc.perform(get("/orders/1"))}
     * @return the statements it ran, in order
     * @throws IllegalStateException wrapping a checked exception the work threw (unchecked ones pass unchanged)
     */
    public RecordedStatements record(ThrowingCallable work) {
        long from;
        synchronized (statements) {
            from = sequence;
        }
        try {
            work.call();
        } catch (RuntimeException | Error ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new IllegalStateException(
                    "The recorded block threw " + ex.getClass().getName(), ex);
        }
        synchronized (statements) {
            return select(entry -> entry.sequence >= from);
        }
    }

    /**
     * Runs work and returns assertions on the statements it ran: {@code statements.assertThat(() ->
     * service.load(id)).hasCount(3)}.
     *
     * @param work the block to measure
     * @return the assertions
     * @throws IllegalStateException wrapping a checked exception the work threw (unchecked ones pass unchanged)
     */
    public StatementsAssert assertThat(ThrowingCallable work) {
        return new StatementsAssert(record(work));
    }

    private RecordedStatements select(java.util.function.Predicate<Entry> which) {
        List<String> sql = new ArrayList<>();
        for (Entry entry : statements) {
            if (which.test(entry)) {
                sql.add(entry.sql);
            }
        }
        return new RecordedStatements(sql);
    }

    /**
     * The statements prepared since the last {@link #take()}, {@link #reset()} or {@link #statementsOf(Runnable)}, then
     * forgets them.
     *
     * @return the SQL texts, in order
     */
    public List<String> take() {
        synchronized (statements) {
            List<String> taken = recorded().sql();
            reset();
            return taken;
        }
    }

    /**
     * Forgets the statements recorded so far (those of transactions still open stay for {@link
     * #currentTransaction()}).
     */
    public void reset() {
        synchronized (statements) {
            since = sequence;
            long keep = since;
            for (long start : openTransactions.values()) {
                keep = Math.min(keep, start);
            }
            long oldest = keep;
            statements.removeIf(entry -> entry.sequence < oldest);
        }
    }

    /**
     * Runs work and returns the statements it prepared.
     *
     * @param work the block to measure
     * @return the SQL texts it ran, in order
     */
    public List<String> statementsOf(Runnable work) {
        reset();
        work.run();
        return take();
    }

    /** One statement, on the connection it ran on. */
    private record Entry(long sequence, Connection connection, String sql) {}

    /** An open transaction: its connection and the sequence number of its first statement. */
    private record Transaction(Connection connection, long start) {}
}
