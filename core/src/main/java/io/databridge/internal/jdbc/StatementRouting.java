package io.databridge.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where the executor's work outside a transaction goes, for a data source over a primary and its replicas (the {@code
 * io.databridge.transaction.ReplicaRoutingDataSource} hands one out through {@link DataSource#unwrap(Class)}): a read
 * may go to a replica, a write goes to the primary and its WAL position becomes the thread's read-your-writes position,
 * and each connection's route names the server for the statement observation. Every other data source gets {@link
 * #NONE}, which does nothing, so the executor pays one reference comparison. Thread-safe.
 */
public interface StatementRouting {

    /** The route tag of a data source that does not route. */
    String PRIMARY = "primary";

    /** Routes nothing: every connection is the primary's. */
    StatementRouting NONE = new StatementRouting() {
        @Override
        public void routeNextToReplica() {}

        @Override
        public void recordWrite(Connection connection) {}

        @Override
        public String route(Connection connection) {
            return PRIMARY;
        }
    };

    /**
     * Makes the calling thread's next connection of the data source a replica's, if one is in rotation and has
     * replayed the thread's last write; the primary's otherwise.
     */
    void routeNextToReplica();

    /**
     * Remembers the WAL position reached by a write that just ran outside a transaction (autocommit) on {@code
     * connection}, so the thread's later reads on replicas see it.
     *
     * @param connection the primary's connection the write ran on, still open
     */
    void recordWrite(Connection connection);

    /**
     * The low-cardinality route of a connection, for the statement observation: {@code primary} or {@code
     * replica-<name>}.
     *
     * @param connection a connection of the data source
     * @return the route
     */
    String route(Connection connection);

    /**
     * The routing of a data source.
     *
     * @param dataSource the data source
     * @return its routing, or {@link #NONE} when it does not route
     */
    static StatementRouting of(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(StatementRouting.class)) {
                return dataSource.unwrap(StatementRouting.class);
            }
        } catch (SQLException | RuntimeException ex) {
            // a data source that cannot say does not route
        }
        return NONE;
    }
}
