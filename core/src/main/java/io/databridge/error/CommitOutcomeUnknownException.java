package io.databridge.error;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The connection was lost after {@code COMMIT} was sent and before its reply came (the server went down, the network
 * broke, a failover happened): the transaction may or may not have been applied. data-bridge never retries it ({@link
 * RetryableFailures} and {@code @RetryableTransaction} treat it as not retryable); the application decides, typically
 * by checking whether the write is there, or by making the write idempotent (an upsert, a client-generated id) so that
 * running it again is safe. A {@link DataAccessResourceFailureException}, so code that handles a database that went
 * away keeps working. Immutable once thrown.
 */
public final class CommitOutcomeUnknownException extends DataAccessResourceFailureException implements HasErrorId {

    private static final long serialVersionUID = 1L;

    private final String errorId;
    private final @Nullable String sqlState;

    @SuppressWarnings("NullAway") // Spring declares the cause non-null; sanitized mode has none to give, on purpose
    CommitOutcomeUnknownException(
            String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
        super(message, cause);
        this.errorId = errorId;
        this.sqlState = sqlState;
    }

    @Override
    public String errorId() {
        return errorId;
    }

    @Override
    public @Nullable String sqlState() {
        return sqlState;
    }
}
