package io.databridge.testdb;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A data source that records the SQL text of every statement prepared through it, so a test can assert how many
 * statements a block of work ran and what they were: the way to prove that a fetch plan runs one statement per
 * relation, or that a request does not run N+1 queries. It wraps the real data source; nothing is mocked.
 *
 * <pre>{@code
 * StatementRecorder recorder = StatementRecorder.wrap(dataSource);
 * DataBridge db = DataBridge.create(recorder);
 * List<String> sql = recorder.statementsOf(() -> db.from(Owner.class).fetch(Owner_.pets).list());
 * assertThat(sql).hasSize(2);
 * }</pre>
 *
 * Records {@code prepareStatement} and {@code prepareCall} (every statement data-bridge runs, except the rows a COPY
 * streams). Thread-safe; the statements of concurrent work interleave.
 */
public final class StatementRecorder implements DataSource {

    private final DataSource target;
    private final List<String> statements = new ArrayList<>();

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
            if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                synchronized (statements) {
                    statements.add(sql);
                }
            }
            if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
                return connection;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    /**
     * The statements prepared since the last {@link #take()}, {@link #reset()} or {@link #statementsOf(Runnable)}, then
     * forgets them.
     *
     * @return the SQL texts, in order
     */
    public List<String> take() {
        synchronized (statements) {
            List<String> taken = List.copyOf(statements);
            statements.clear();
            return taken;
        }
    }

    /** Forgets the statements recorded so far. */
    public void reset() {
        take();
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
}
