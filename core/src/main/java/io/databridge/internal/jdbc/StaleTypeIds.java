package io.databridge.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection whose cached type ids went stale: another instance dropped and re-created a type (an enum, typically,
 * by a migration or a schema reset), and pgjdbc's server-side prepared statements of this connection still name the
 * old type's id, so every later statement using them fails with {@code XX000 cache lookup failed for type <oid>} until
 * the connection goes. The executor retires such a connection from the pool and runs the statement once more on a
 * fresh one when that is safe: a single statement outside a transaction, which the server refused before running it.
 * Stateless.
 */
final class StaleTypeIds {

    private static final Logger logger = LoggerFactory.getLogger(StaleTypeIds.class);

    private static final boolean HIKARI = present("com.zaxxer.hikari.HikariDataSource");

    private StaleTypeIds() {}

    /** Whether a failure is a stale type id of the connection. */
    static boolean matches(SQLException failure) {
        for (Throwable candidate : failure) {
            if (candidate instanceof SQLException sqlException
                    && "XX000".equals(sqlException.getSQLState())
                    && sqlException.getMessage() != null
                    && sqlException.getMessage().contains("cache lookup failed for type")) {
                return true;
            }
        }
        return false;
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
    }
}
