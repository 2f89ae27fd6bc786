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
 * @param allBusy whether every connection of the pool was in use
 */
record PoolExhaustion(long waitedMillis, String state, boolean allBusy) {

    private static final Pattern TIMEOUT = Pattern.compile(
            "request timed out after (\\d+)\\s*ms" + " \\((total=(\\d+), active=(\\d+), idle=\\d+, waiting=\\d+)\\)");

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
        if (!matcher.find()) {
            return null;
        }
        int total = Integer.parseInt(matcher.group(3));
        int active = Integer.parseInt(matcher.group(4));
        return new PoolExhaustion(Long.parseLong(matcher.group(1)), matcher.group(2), total > 0 && active == total);
    }

    /**
     * The sanitized description: it names no host, user or database, only the pool's counts. Every connection busy is
     * an exhausted pool; otherwise the pool could not open a connection in time, and the database is the suspect
     * (frozen, overloaded, or dropping packets).
     */
    String summary() {
        return allBusy
                ? "Pool exhausted: no connection available within " + waitedMillis + " ms (pool " + state
                        + "); shed load, shorten transactions or raise the pool size"
                : "Connection failure: no connection could be opened within " + waitedMillis + " ms (pool " + state
                        + "); the database is not responding";
    }
}
