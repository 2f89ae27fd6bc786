package io.databridge.error;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A stand-in for a driver exception in a sanitized log line: the same class name, stack trace and chain of causes, with
 * the values taken out of each message (PostgreSQL's {@code Detail:} line and the quoted values of its primary
 * message). Only ever logged, never thrown.
 */
final class RedactedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Bounds the walk over causes, which a faulty driver could make circular. */
    private static final int MAX_CHAIN = 32;

    private RedactedException(String message) {
        super(message, null, false, true);
    }

    /**
     * The redacted copy of a failure and its causes.
     *
     * @param failure the original
     * @return the copy
     */
    static RedactedException of(Throwable failure) {
        RedactedException head = copy(failure);
        RedactedException tail = head;
        Throwable next = failure.getCause();
        for (int depth = 0; next != null && next != failure && depth < MAX_CHAIN; depth++, next = next.getCause()) {
            RedactedException copy = copy(next);
            tail.initCause(copy);
            tail = copy;
        }
        return head;
    }

    private static RedactedException copy(Throwable failure) {
        String message;
        ServerErrorMessage server = failure instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server != null) {
            message = "ERROR: " + ServerMessages.redacted(server);
        } else {
            message = ServerMessages.redacted(failure.getMessage());
        }
        RedactedException copy = new RedactedException(failure.getClass().getName() + ": " + message);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }
}
