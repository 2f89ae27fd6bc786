package io.databridge.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A connection pool that gave no connection in time while the database was reachable, read from HikariCP's timeout
 * ({@code "HikariPool-1 - Connection is not available, request timed out after 251ms (total=2, active=2, idle=0,
 * waiting=4)"}). HikariCP attaches the last failure to connect as the cause when the database is the problem; such a
 * timeout is an outage, not an exhausted pool, and is not read here. Immutable.
 *
 * @param waitedMillis how long the caller waited
 * @param state the pool's counts at the timeout, e.g. {@code total=2, active=2, idle=0, waiting=4}
 */
record PoolExhaustion(long waitedMillis, String state) {

    private static final Pattern TIMEOUT = Pattern.compile(
            "request timed out after (\\d+)\\s*ms \\((total=\\d+, active=\\d+, idle=\\d+, waiting=\\d+)\\)");

    /**
     * Reads a pool timeout.
     *
     * @param failure the failure to obtain a connection
     * @return the exhaustion, {@code null} when the failure is something else
     */
    static @Nullable PoolExhaustion of(SQLException failure) {
        if (!(failure instanceof SQLTransientConnectionException) || failure.getCause() != null) {
            return null;
        }
        String message = failure.getMessage();
        if (message == null) {
            return null;
        }
        Matcher matcher = TIMEOUT.matcher(message);
        return matcher.find() ? new PoolExhaustion(Long.parseLong(matcher.group(1)), matcher.group(2)) : null;
    }

    /** The sanitized description: it names no host, user or database, only the pool's counts. */
    String summary() {
        return "Pool exhausted: no connection available within " + waitedMillis + " ms (pool " + state
                + "); shed load, shorten transactions or raise the pool size";
    }
}
