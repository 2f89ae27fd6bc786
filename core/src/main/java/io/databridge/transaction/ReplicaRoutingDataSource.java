package io.databridge.transaction;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A data source over a primary and its streaming replicas. Every connection comes from the primary, except the one a
 * {@link ReplicaRoutingTransactionManager} opens for a read-only transaction, which comes from a replica in rotation
 * (round robin). The choice is made when the transaction begins, never later. Before handing out a replica's connection
 * it checks read-your-writes: when the thread has committed a write ({@link ReadYourWrites}), the replica must have
 * replayed up to it ({@code pg_last_wal_replay_lsn()}); it waits up to {@code maxWait} for that, then takes the next
 * replica, then the primary. A replica that cannot be reached, or is no longer in recovery (promoted), is taken out of
 * rotation for {@code recheckAfter}. Thread-safe.
 */
public final class ReplicaRoutingDataSource implements DataSource {

    private static final org.slf4j.Logger logger = LoggerFactory.getLogger(ReplicaRoutingDataSource.class);
    private static final ThreadLocal<Boolean> NEXT_IS_READ_ONLY = new ThreadLocal<>();
    private static final String REPLAYED = "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn() >= ?::pg_lsn";
    private static final String IN_RECOVERY = "SELECT pg_is_in_recovery()";
    private static final long POLL_NANOS = 2_000_000;

    private final DataSource primary;
    private final List<Replica> replicas;
    private final long maxWaitNanos;
    private final long recheckAfterNanos;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * Creates the routing data source.
     *
     * @param primary the primary's pool
     * @param replicas the replicas' pools, each with a name for logs and tags
     * @param maxWait how long a read waits for a replica to replay the thread's last write before trying elsewhere
     * @param recheckAfter how long a replica found down or promoted stays out of rotation
     */
    public ReplicaRoutingDataSource(
            DataSource primary, List<NamedDataSource> replicas, Duration maxWait, Duration recheckAfter) {
        this.primary = primary;
        this.replicas = replicas.stream().map(Replica::new).toList();
        this.maxWaitNanos = maxWait.toNanos();
        this.recheckAfterNanos = recheckAfter.toNanos();
    }

    /**
     * A replica's pool and its name.
     *
     * @param name the name, e.g. {@code replica-0}
     * @param dataSource its pool
     */
    public record NamedDataSource(String name, DataSource dataSource) {}

    /**
     * The primary's pool.
     *
     * @return the primary
     */
    public DataSource primary() {
        return primary;
    }

    /**
     * The names of the replicas in rotation now.
     *
     * @return the names
     */
    public List<String> replicasInRotation() {
        long now = System.nanoTime();
        return replicas.stream()
                .filter(replica -> replica.inRotation(now))
                .map(replica -> replica.name)
                .toList();
    }

    /** Makes the next {@link #getConnection()} on this thread a replica's, if one is fit. */
    static void routeNextToReplica() {
        NEXT_IS_READ_ONLY.set(Boolean.TRUE);
    }

    static void clearRoute() {
        NEXT_IS_READ_ONLY.remove();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (NEXT_IS_READ_ONLY.get() != null) {
            NEXT_IS_READ_ONLY.remove();
            Connection replica = replicaConnection();
            if (replica != null) {
                return replica;
            }
        }
        return primary.getConnection();
    }

    private @Nullable Connection replicaConnection() {
        if (replicas.isEmpty()) {
            return null;
        }
        Long position = ReadYourWrites.position();
        long now = System.nanoTime();
        int start = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            Replica replica = replicas.get((start + i) % replicas.size());
            if (!replica.inRotation(now)) {
                continue;
            }
            Connection connection = null;
            try {
                connection = replica.dataSource.getConnection();
                if (caughtUp(connection, position)) {
                    return connection;
                }
            } catch (SQLException | RuntimeException ex) {
                replica.takeOut(System.nanoTime() + recheckAfterNanos);
                logger.warn("Replica {} is out of rotation for now: {}", replica.name, ex.getMessage());
            }
            close(connection);
        }
        return null;
    }

    /** Whether the replica is still a replica and has replayed the position; waits up to the bound for the latter. */
    private boolean caughtUp(Connection connection, @Nullable Long position) throws SQLException {
        if (position == null) {
            try (PreparedStatement statement = connection.prepareStatement(IN_RECOVERY);
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    throw new SQLException("it is no longer in recovery (promoted)");
                }
                return true;
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        try (PreparedStatement statement = connection.prepareStatement(REPLAYED)) {
            statement.setString(1, ReadYourWrites.format(position));
            while (true) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (!rows.getBoolean(1)) {
                        throw new SQLException("it is no longer in recovery (promoted)");
                    }
                    if (rows.getBoolean(2)) {
                        return true;
                    }
                }
                if (System.nanoTime() + POLL_NANOS > deadline) {
                    return false;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(POLL_NANOS);
            }
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
    }

    private static void close(@Nullable Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ex) {
                logger.debug("Closing a replica connection failed", ex);
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("ReplicaRoutingDataSource uses the pools' own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return primary.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        primary.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        primary.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return primary.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return primary.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || primary.isWrapperFor(type);
    }

    /** A replica and when it may come back into rotation. */
    private static final class Replica {

        final String name;
        final DataSource dataSource;
        volatile long outUntil;
        volatile boolean out;

        Replica(NamedDataSource source) {
            this.name = source.name();
            this.dataSource = source.dataSource();
        }

        boolean inRotation(long now) {
            return !out || now - outUntil >= 0;
        }

        void takeOut(long until) {
            outUntil = until;
            out = true;
        }
    }
}
