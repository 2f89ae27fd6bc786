package io.databridge.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.databridge.error.RetryableFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection whose cached type ids went stale: another instance dropped and re-created a type (an enum, typically,
 * by a migration or a schema reset), and pgjdbc's server-side prepared statements of this connection still name the
 * old type's id, so every later statement using them fails with {@code XX000 cache lookup failed for type <oid>} until
 * the connection goes. The executor runs the statement once more when that is safe, because the server refused it
 * before running it and nothing else is lost: outside a transaction it retires the connection from the pool and takes
 * a fresh one; as the first statement of a transaction (pgjdbc has not even sent {@code BEGIN}), it rolls the aborted
 * transaction back, deallocates the connection's prepared statements ({@code DEALLOCATE ALL}, after which pgjdbc
 * prepares them again) and runs the statement in a new transaction on the same connection. Later in a transaction the
 * work done so far is lost: the pool's connections are retired as they return, and the caller gets a transient failure
 * that says to run the transaction again. Stateless.
 */
final class StaleTypeIds {

    private static final Logger logger = LoggerFactory.getLogger(StaleTypeIds.class);

    private static final boolean HIKARI = present("com.zaxxer.hikari.HikariDataSource");

    private StaleTypeIds() {}

    /** Whether a failure is a stale type id of the connection. */
    static boolean matches(SQLException failure) {
        return RetryableFailures.staleTypeCache(failure);
    }

    /**
     * Whether the connection is in a transaction that has run nothing yet: autocommit is off and pgjdbc, which sends
     * {@code BEGIN} with the first statement, has not begun it. Read before each statement that may be run again.
     */
    static boolean transactionNotBegun(Connection connection) throws SQLException {
        if (connection.getAutoCommit() || !connection.isWrapperFor(BaseConnection.class)) {
            return false;
        }
        return connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
    }

    /**
     * Makes a transaction whose first statement failed with a stale type id new again on the same connection: rolls
     * the aborted transaction back (it had done nothing) and deallocates the connection's prepared statements, which
     * pgjdbc then prepares again with the current type ids.
     *
     * @return {@code true} when the statement may run again; {@code false} when the connection failed meanwhile
     */
    static boolean restart(Connection connection) {
        logger.warn("A connection's cached type ids are stale (a type was re-created by someone else) at the first"
                + " statement of a transaction; deallocating its prepared statements and running the statement once"
                + " more in a new transaction");
        try {
            connection.rollback();
            try (Statement statement = connection.createStatement()) {
                statement.execute("DEALLOCATE ALL");
            }
            // DEALLOCATE began a transaction: end it, so the statement's own transaction begins with the statement.
            connection.rollback();
            return true;
        } catch (SQLException ex) {
            logger.debug("Could not deallocate the connection's prepared statements", ex);
            return false;
        }
    }

    /**
     * Takes the connection out of the pool for good: HikariCP's eviction when the pool is HikariCP, else an abort,
     * which any pool sees as a broken connection.
     */
    static void evict(DataSource dataSource, Connection connection) {
        logger.warn("A connection's cached type ids are stale (a type was re-created by someone else); retiring the"
                + " connection and running the statement once more on a fresh one");
        try {
            if (HIKARI && Hikari.evict(dataSource, connection)) {
                return;
            }
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ex) {
            logger.debug("Could not retire the connection; the pool replaces it when it fails again", ex);
        }
    }

    /**
     * Retires the pool's connections without touching the one a transaction still holds (closing it under the
     * transaction would only make its rollback fail): with HikariCP, its soft eviction closes the idle connections now
     * and this one when the transaction returns it. Every connection that prepared a statement naming the re-created
     * type is stale, not only this one. Other pools keep the connection; its next first statement of a transaction, or
     * statement outside one, deallocates or replaces it.
     */
    static void retireWhenReturned(DataSource dataSource) {
        logger.warn("A connection's cached type ids are stale (a type was re-created by someone else) in the middle of"
                + " a transaction, which cannot go on and must run again; the pool's connections are retired as they"
                + " return");
        try {
            if (HIKARI) {
                Hikari.softEvict(dataSource);
            }
        } catch (SQLException | RuntimeException ex) {
            logger.debug("Could not retire the pool's connections", ex);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, StaleTypeIds.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }

    /** Loaded only when HikariCP is on the class path. */
    private static final class Hikari {
        static boolean evict(DataSource dataSource, Connection connection) throws SQLException {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return false;
            }
            dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            return true;
        }

        static void softEvict(DataSource dataSource) throws SQLException {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariPoolMXBean pool =
                        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        }
    }
}
