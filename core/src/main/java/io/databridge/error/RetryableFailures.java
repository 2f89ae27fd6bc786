package io.databridge.error;

import io.databridge.error.TranslatedExceptions.StaleTypeCache;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Which failures a whole transaction may be retried after: PostgreSQL's advice for {@code 40001} (serialization
 * failure) and {@code 40P01} (deadlock), plus {@code 55P03} (lock not available) and a connection lost or refused
 * before {@code COMMIT} was sent ({@code 08xxx}, {@code 57P01}, {@code 57P02}, {@code 57P03}), and a stale type
 * cache inside a transaction ({@code XX000 cache lookup failed for type}, see {@link #staleTypeCache(SQLException)}):
 * in each case the server rolled the transaction back, so running it again cannot apply it twice. A commit whose outcome is unknown (the
 * connection went after {@code COMMIT} was sent) is never retryable. Works on sanitized exceptions, which keep the
 * SQLSTATE through {@link HasErrorId#sqlState()}, and on untranslated driver exceptions. Stateless and thread-safe.
 */
public final class RetryableFailures {

    /** Bounds the walk over causes, which a faulty driver could make circular. */
    private static final int MAX_CHAIN = 32;

    /** The SQLSTATE of a stale type cache: an internal error, retryable only with its message. */
    private static final String STALE_TYPE_CACHE_STATE = "XX000";

    private RetryableFailures() {}

    /**
     * Whether a driver failure is {@code XX000 cache lookup failed for type <oid>}: the connection's server-side
     * prepared statements name a type that someone dropped and re-created (an enum, by another instance's migration or
     * schema reset). Nothing of the failed statement ran; the connection stays broken for statements using that type
     * until its prepared statements are deallocated or it is closed.
     *
     * @param failure the driver's exception
     * @return {@code true} for a stale type id anywhere in its chain
     */
    public static boolean staleTypeCache(SQLException failure) {
        int seen = 0;
        for (Throwable candidate : failure) {
            if (++seen > MAX_CHAIN) {
                return false;
            }
            if (candidate instanceof SQLException sqlException
                    && STALE_TYPE_CACHE_STATE.equals(sqlException.getSQLState())
                    && sqlException.getMessage() != null
                    && sqlException.getMessage().contains("cache lookup failed for type")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SQLSTATE that makes a failure retryable.
     *
     * @param failure what the transaction threw
     * @return the SQLSTATE when the whole transaction may be run again, {@code null} when it must not be
     */
    public static @Nullable String retryableSqlState(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CHAIN; depth++, current = current.getCause()) {
            if (current instanceof CommitOutcomeUnknownException) {
                return null;
            }
            if (current instanceof StaleTypeCache
                    || (current instanceof SQLException sqlException && staleTypeCache(sqlException))) {
                return STALE_TYPE_CACHE_STATE;
            }
            String state = current instanceof HasErrorId identified
                    ? identified.sqlState()
                    : current instanceof SQLException sqlException ? sqlException.getSQLState() : null;
            if (state != null) {
                return retryable(state) ? state : null;
            }
        }
        return null;
    }

    private static boolean retryable(String sqlState) {
        return switch (sqlState) {
            case "40001", "40P01", "55P03", "57P01", "57P02", "57P03" -> true;
            default -> sqlState.startsWith("08");
        };
    }

    /**
     * Whether a driver failure means the connection is gone: lost or closed ({@code 08xxx}), ended by the server
     * ({@code 57P01}, {@code 57P02}), or HikariCP's {@code "Connection is closed"} of a connection it already evicted.
     *
     * @param failure the driver's exception
     * @return {@code true} when nothing more can be done on the connection
     */
    public static boolean connectionLost(SQLException failure) {
        for (Throwable candidate : failure) {
            if (candidate instanceof SQLException sqlException) {
                String state = sqlException.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02"))) {
                    return true;
                }
                String message = sqlException.getMessage();
                if (state == null && message != null && message.startsWith("Connection is closed")) {
                    return true;
                }
            }
        }
        return false;
    }
}
