package io.databridge.transaction;

import io.databridge.internal.jdbc.StatementRouting;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A data source over a primary and its streaming replicas. A connection comes from a replica in rotation (round robin)
 * for a read-only transaction of a {@link ReplicaRoutingTransactionManager} (chosen when the transaction begins,
 * never later) and for a read that data-bridge runs outside any transaction (see docs/scaling.md for what counts as a
 * read); every other connection comes from the primary. Before handing out a replica's connection it checks
 * read-your-writes: when the thread has committed a write ({@link ReadYourWrites}), the replica must have replayed up
 * to it ({@code pg_last_wal_replay_lsn()}); it waits up to {@code maxWait} for that, then takes the next replica, then
 * the primary. A replica that cannot be reached, or is no longer in recovery (promoted), is taken out of rotation for
 * {@code recheckAfter}. With a {@link LagBound}, a background check asks the primary and each replica every interval
 * how far behind each replica is, takes one lagging past the bound out of rotation and puts it back once it has caught
 * up ({@link #replicaStatuses()}). Thread-safe; {@link #close()} stops the check (the pools are the caller's).
 */
public final class ReplicaRoutingDataSource implements DataSource, AutoCloseable {

    private static final org.slf4j.Logger logger = LoggerFactory.getLogger(ReplicaRoutingDataSource.class);
    private static final ThreadLocal<Boolean> NEXT_IS_READ = new ThreadLocal<>();
    private static final String REPLAYED = "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn() >= ?::pg_lsn";
    private static final String IN_RECOVERY = "SELECT pg_is_in_recovery()";
    private static final String POSITION = "SELECT pg_current_wal_insert_lsn()::text";
    private static final String PRIMARY_LSN = "SELECT pg_current_wal_lsn()::text";
    private static final String REPLICA_LAG =
            "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text, pg_last_wal_receive_lsn()::text";
    private static final long POLL_NANOS = 2_000_000;
    private static final long UNKNOWN_POSITION = -1L;

    private final DataSource primary;
    private final List<Replica> replicas;
    private final long maxWaitNanos;
    private final long recheckAfterNanos;
    private final LagBound lagBound;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, String> routeByUrl = new ConcurrentHashMap<>();
    private final Routing routing = new Routing();
    private final @Nullable ScheduledExecutorService lagChecks;

    /**
     * Creates the routing data source without lag checks.
     *
     * @param primary the primary's pool
     * @param replicas the replicas' pools, each with a name for logs and tags
     * @param maxWait how long a read waits for a replica to replay the thread's last write before trying elsewhere
     * @param recheckAfter how long a replica found down or promoted stays out of rotation
     */
    public ReplicaRoutingDataSource(
            DataSource primary, List<NamedDataSource> replicas, Duration maxWait, Duration recheckAfter) {
        this(primary, replicas, maxWait, recheckAfter, LagBound.NONE);
    }

    /**
     * Creates the routing data source; with a lag bound, starts its background lag check (a daemon thread).
     *
     * @param primary the primary's pool
     * @param replicas the replicas' pools, each with a name for logs and tags
     * @param maxWait how long a read waits for a replica to replay the thread's last write before trying elsewhere
     * @param recheckAfter how long a replica found down or promoted on the read path stays out of rotation
     * @param lagBound when a replica is too far behind to take reads, and how often to check
     * @throws IllegalArgumentException when two replicas share a name
     */
    public ReplicaRoutingDataSource(
            DataSource primary,
            List<NamedDataSource> replicas,
            Duration maxWait,
            Duration recheckAfter,
            LagBound lagBound) {
        this.primary = primary;
        this.replicas = replicas.stream().map(Replica::new).toList();
        if (this.replicas.stream().map(replica -> replica.name).distinct().count() != this.replicas.size()) {
            throw new IllegalArgumentException("Each replica needs a name of its own; two share one");
        }
        this.maxWaitNanos = maxWait.toNanos();
        this.recheckAfterNanos = recheckAfter.toNanos();
        this.lagBound = lagBound;
        if (lagBound.checks() && !this.replicas.isEmpty()) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "data-bridge-replica-lag-check");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            long interval = lagBound.checkInterval().toNanos();
            executor.scheduleWithFixedDelay(this::checkLag, 0, interval, TimeUnit.NANOSECONDS);
            this.lagChecks = executor;
        } else {
            this.lagChecks = null;
        }
    }

    /**
     * A replica's pool and its name.
     *
     * @param name the name, e.g. {@code 0}: its route tag is {@code replica-<name>}
     * @param dataSource its pool
     */
    public record NamedDataSource(String name, DataSource dataSource) {}

    /**
     * When a replica is too far behind the primary to take reads, and how often that is checked: every {@code
     * checkInterval}, one query on the primary ({@code pg_current_wal_lsn()}) and one on each replica. A replica whose
     * replay is more than {@code maxBytes} of WAL, or more than {@code maxTime}, behind leaves the rotation until a
     * check finds it within both bounds again.
     *
     * @param maxBytes the bound in bytes of WAL not yet replayed; {@code 0} for none
     * @param maxTime the bound in time the replica has been short of a position it has still not replayed (see {@link
     *     ReplicaStatus#lag()}); {@link Duration#ZERO} for none
     * @param checkInterval how often to check; {@link Duration#ZERO} for never (no lag is known, no gauge has a value)
     */
    public record LagBound(long maxBytes, Duration maxTime, Duration checkInterval) {

        /** No lag check. */
        public static final LagBound NONE = new LagBound(0, Duration.ZERO, Duration.ZERO);

        /**
         * Validates the bound.
         *
         * @throws IllegalArgumentException when a value is negative
         */
        public LagBound {
            if (maxBytes < 0 || maxTime.isNegative() || checkInterval.isNegative()) {
                throw new IllegalArgumentException("A replica lag bound and its check interval must not be negative");
            }
        }

        boolean checks() {
            return !checkInterval.isZero();
        }
    }

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

    /**
     * Each replica's state and lag as of the last check, in configuration order.
     *
     * @return the statuses
     */
    public List<ReplicaStatus> replicaStatuses() {
        long now = System.nanoTime();
        return replicas.stream().map(replica -> replica.status(now)).toList();
    }

    /** Makes the next {@link #getConnection()} on this thread a replica's, if one is fit. */
    static void routeNextToReplica() {
        NEXT_IS_READ.set(Boolean.TRUE);
    }

    static void clearRoute() {
        NEXT_IS_READ.remove();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (NEXT_IS_READ.get() != null) {
            NEXT_IS_READ.remove();
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
        if (position != null && position == UNKNOWN_POSITION) {
            return null;
        }
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
                    replica.learnUrl(connection);
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
        if (position == null && lagBound.checks()) {
            // The lag check notices a promotion within its interval: a read without a position costs no round trip.
            return true;
        }
        if (position == null) {
            try (PreparedStatement statement = connection.prepareStatement(IN_RECOVERY);
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    throw new SQLException("it is no longer in recovery (promoted)");
                }
                return true;
            } finally {
                endReadTransaction(connection);
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
                LockSupport.parkNanos(POLL_NANOS);
            }
        } finally {
            endReadTransaction(connection);
        }
    }

    private static void endReadTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    /**
     * Makes the WAL position the primary has reached on {@code connection} the thread's read-your-writes position: one
     * round trip, after a commit (or an autocommit write) on the connection. When it cannot be read, the thread's
     * later reads go to the primary until {@link ReadYourWrites#clear()}.
     */
    static void recordPosition(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(POSITION)) {
            rows.next();
            ReadYourWrites.advance(ReadYourWrites.parse(rows.getString(1)));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException ex) {
            // The write committed; without its position the thread's next reads go to the primary.
            ReadYourWrites.advance(UNKNOWN_POSITION);
            logger.debug("Could not read the write's WAL position; reads go to the primary", ex);
        }
    }

    /** One round of the lag check: the primary's position, then each replica's replay. Never throws. */
    private void checkLag() {
        long primaryPosition = UNKNOWN_POSITION;
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(PRIMARY_LSN)) {
            rows.next();
            primaryPosition = ReadYourWrites.parse(rows.getString(1));
        } catch (SQLException | RuntimeException ex) {
            logger.debug("Lag check: the primary's WAL position could not be read", ex);
        }
        for (Replica replica : replicas) {
            try {
                replica.check(primaryPosition, lagBound);
            } catch (RuntimeException ex) {
                logger.debug("Lag check of replica {} failed", replica.name, ex);
            }
        }
    }

    /** Stops the lag check. The pools are left open: they belong to the caller. */
    @Override
    public void close() {
        if (lagChecks != null) {
            lagChecks.shutdownNow();
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
        if (type == StatementRouting.class) {
            return type.cast(routing);
        }
        return primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || type == StatementRouting.class || primary.isWrapperFor(type);
    }

    /** What data-bridge's executor asks of this data source for work outside a transaction and for its tags. */
    private final class Routing implements StatementRouting {

        @Override
        public void routeNextToReplica() {
            ReplicaRoutingDataSource.routeNextToReplica();
        }

        @Override
        public void recordWrite(Connection connection) {
            recordPosition(connection);
        }

        @Override
        public String route(Connection connection) {
            try {
                String url = connection.getMetaData().getURL();
                return url == null ? PRIMARY : routeByUrl.getOrDefault(url, PRIMARY);
            } catch (SQLException ex) {
                return "unknown";
            }
        }
    }

    /** A replica, whether it is in rotation, and its lag as of the last check. */
    private final class Replica {

        final String name;
        final DataSource dataSource;
        volatile boolean urlKnown;
        volatile long outUntil;
        volatile boolean out;
        volatile @Nullable String down;
        volatile boolean lagging;
        volatile long lagBytes = -1;
        volatile @Nullable Duration lag;
        /** The position the replica was first seen not to have replayed, and when; -1: none pending. */
        private long pendingTarget = UNKNOWN_POSITION;

        private long pendingSince;

        Replica(NamedDataSource source) {
            this.name = source.name();
            this.dataSource = source.dataSource();
        }

        boolean inRotation(long now) {
            return down == null && !lagging && (!out || now - outUntil >= 0);
        }

        void takeOut(long until) {
            outUntil = until;
            out = true;
        }

        /** Learns the URL of the replica's connections once, so that the route tag can name it. */
        void learnUrl(Connection connection) {
            if (!urlKnown) {
                try {
                    String url = connection.getMetaData().getURL();
                    if (url != null) {
                        routeByUrl.putIfAbsent(url, "replica-" + name);
                    }
                } catch (SQLException ex) {
                    logger.debug("Could not read replica {}'s URL for its route tag", name, ex);
                }
                urlKnown = true;
            }
        }

        ReplicaStatus status(long now) {
            String reason = down;
            if (reason == null && out && now - outUntil < 0) {
                reason = "unreachable or promoted";
            }
            if (reason != null) {
                return new ReplicaStatus(name, ReplicaStatus.State.DOWN, lagBytes, lag, reason);
            }
            if (lagging) {
                return new ReplicaStatus(
                        name,
                        ReplicaStatus.State.OUT_OF_ROTATION,
                        lagBytes,
                        lag,
                        "lagging behind the primary past the configured bound");
            }
            return new ReplicaStatus(name, ReplicaStatus.State.UP, lagBytes, lag, null);
        }

        /**
         * Asks the replica how far it has replayed. Its lag in bytes is the primary's position minus that; its lag in
         * time is how long ago a check first found it short of a position (the primary's, else what it had received)
         * that it has still not replayed: zero at the check that first sees it behind, then growing by the interval
         * until it has caught up with that position. So a replica that replays slowly, is paused, or no longer
         * receives WAL shows a growing lag, while an idle one shows none. Runs on the check thread only.
         */
        void check(long primaryPosition, LagBound bound) {
            boolean inRecovery;
            long replayed;
            long received;
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(REPLICA_LAG)) {
                rows.next();
                inRecovery = rows.getBoolean(1);
                replayed = position(rows.getString(2));
                received = position(rows.getString(3));
            } catch (SQLException | RuntimeException ex) {
                markDown("unreachable");
                logger.debug("Lag check: replica {} is unreachable", name, ex);
                return;
            }
            if (!inRecovery) {
                markDown("promoted: no longer in recovery");
                return;
            }
            long now = System.nanoTime();
            long bytes = primaryPosition == UNKNOWN_POSITION || replayed == UNKNOWN_POSITION
                    ? -1
                    : Math.max(0, primaryPosition - replayed);
            long target = primaryPosition != UNKNOWN_POSITION ? primaryPosition : received;
            Duration behind;
            if (replayed == UNKNOWN_POSITION || target == UNKNOWN_POSITION || replayed >= target) {
                pendingTarget = UNKNOWN_POSITION;
                behind = Duration.ZERO;
            } else {
                if (pendingTarget == UNKNOWN_POSITION || replayed >= pendingTarget) {
                    pendingTarget = target;
                    pendingSince = now;
                }
                behind = Duration.ofNanos(now - pendingSince);
            }
            boolean tooFar = (bound.maxBytes() > 0 && bytes > bound.maxBytes())
                    || (!bound.maxTime().isZero() && behind.compareTo(bound.maxTime()) > 0);
            lagBytes = bytes;
            lag = behind;
            if (tooFar != lagging) {
                logger.warn(
                        tooFar
                                ? "Replica {} is out of rotation: it lags {} bytes, {} ms behind the primary"
                                : "Replica {} is back in rotation: it lags {} bytes, {} ms behind the primary",
                        name,
                        bytes,
                        behind.toMillis());
            }
            lagging = tooFar;
            if (down != null) {
                logger.info("Replica {} is reachable again", name);
            }
            down = null;
            out = false;
        }

        private static long position(@Nullable String lsn) {
            return lsn == null ? UNKNOWN_POSITION : ReadYourWrites.parse(lsn);
        }

        private void markDown(String reason) {
            if (down == null) {
                logger.warn("Replica {} is out of rotation: {}", name, reason);
            }
            down = reason;
            lagBytes = -1;
            lag = null;
        }
    }
}
