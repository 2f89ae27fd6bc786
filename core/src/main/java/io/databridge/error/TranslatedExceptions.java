package io.databridge.error;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * The exceptions {@link PgExceptionTranslator} returns: one minimal subclass per Spring type, adding only the
 * {@link HasErrorId error id}. Users catch the Spring types; these classes stay package-private. Immutable and
 * thread-safe.
 */
final class TranslatedExceptions {

    private TranslatedExceptions() {}

    /** The Spring exception types the translator produces, and how to build each one. */
    enum Type {
        DUPLICATE_KEY,
        DATA_INTEGRITY_VIOLATION,
        PESSIMISTIC_LOCKING_FAILURE,
        CANNOT_ACQUIRE_LOCK,
        OPTIMISTIC_LOCKING_FAILURE,
        QUERY_TIMEOUT,
        BAD_SQL_GRAMMAR,
        PERMISSION_DENIED,
        INVALID_RESOURCE_USAGE,
        RESOURCE_FAILURE,
        TRANSIENT_RESOURCE_FAILURE,
        COMMIT_OUTCOME_UNKNOWN,
        STALE_TYPE_CACHE,
        UNCATEGORIZED;

        /**
         * Builds the exception.
         *
         * @param message the complete message
         * @param cause the cause, {@code null} in sanitized mode
         * @param sql the SQL text for the types that hold it, {@code null} when unknown or in sanitized mode
         * @param errorId the error id
         * @param sqlState the SQLSTATE of the failure, {@code null} when there is none
         * @return the exception
         */
        DataAccessException create(
                String message,
                @Nullable Throwable cause,
                @Nullable String sql,
                String errorId,
                @Nullable String sqlState) {
            return switch (this) {
                case DUPLICATE_KEY -> new DuplicateKey(message, cause, errorId, sqlState);
                case DATA_INTEGRITY_VIOLATION -> new DataIntegrityViolation(message, cause, errorId, sqlState);
                case PESSIMISTIC_LOCKING_FAILURE -> new PessimisticLockingFailure(message, cause, errorId, sqlState);
                case CANNOT_ACQUIRE_LOCK -> new CannotAcquireLock(message, cause, errorId, sqlState);
                case OPTIMISTIC_LOCKING_FAILURE -> new OptimisticLockingFailure(message, cause, errorId, sqlState);
                case QUERY_TIMEOUT -> new QueryTimeout(message, cause, errorId, sqlState);
                case BAD_SQL_GRAMMAR ->
                    cause == null || cause instanceof SQLException
                            ? new BadSqlGrammar(message, (SQLException) cause, sql, errorId, sqlState)
                            : new InvalidResourceUsage(message, cause, errorId, sqlState);
                case PERMISSION_DENIED -> new PermissionDenied(message, cause, errorId, sqlState);
                case INVALID_RESOURCE_USAGE -> new InvalidResourceUsage(message, cause, errorId, sqlState);
                case RESOURCE_FAILURE -> new ResourceFailure(message, cause, errorId, sqlState);
                case TRANSIENT_RESOURCE_FAILURE -> new TransientResourceFailure(message, cause, errorId, sqlState);
                case COMMIT_OUTCOME_UNKNOWN -> new CommitOutcomeUnknownException(message, cause, errorId, sqlState);
                case STALE_TYPE_CACHE -> new StaleTypeCache(message, cause, errorId, sqlState);
                case UNCATEGORIZED ->
                    cause instanceof SQLException sqlException
                            ? new UncategorizedSql(message, sqlException, sql, errorId, sqlState)
                            : new Uncategorized(message, cause, errorId, sqlState);
            };
        }
    }

    static final class DuplicateKey extends DuplicateKeyException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        DuplicateKey(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    static final class DataIntegrityViolation extends DataIntegrityViolationException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        DataIntegrityViolation(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    static final class PessimisticLockingFailure extends PessimisticLockingFailureException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        PessimisticLockingFailure(
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

    static final class CannotAcquireLock extends CannotAcquireLockException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        CannotAcquireLock(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    static final class OptimisticLockingFailure extends OptimisticLockingFailureException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        OptimisticLockingFailure(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    static final class QueryTimeout extends QueryTimeoutException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        QueryTimeout(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    /**
     * Spring builds this type's message from the task and the SQL text; we pass our own message as the task and
     * answer it from {@link #getMessage()}, so the SQL appears only through {@link #getSql()}, which is {@code ""} in
     * sanitized mode. {@link #getSQLException()} is {@code null} in sanitized mode.
     */
    static final class BadSqlGrammar extends BadSqlGrammarException implements HasErrorId {
        private final String message;
        private final String errorId;
        private final @Nullable String sqlState;

        @SuppressWarnings("NullAway") // Spring declares the cause non-null; sanitized mode has none to give, on purpose
        BadSqlGrammar(
                String message,
                @Nullable SQLException cause,
                @Nullable String sql,
                String errorId,
                @Nullable String sqlState) {
            // Spring declares the SQLException non-null; sanitized mode has none to give, on purpose.
            super(message, sql == null ? "" : sql, cause);
            this.message = message;
            this.errorId = errorId;
            this.sqlState = sqlState;
        }

        @Override
        public String getMessage() {
            return message;
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

    static final class PermissionDenied extends PermissionDeniedDataAccessException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        @SuppressWarnings("NullAway") // Spring declares the cause non-null; sanitized mode has none to give, on purpose
        PermissionDenied(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    static final class InvalidResourceUsage extends InvalidDataAccessResourceUsageException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        InvalidResourceUsage(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    static final class ResourceFailure extends DataAccessResourceFailureException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        ResourceFailure(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    static final class TransientResourceFailure extends TransientDataAccessResourceException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        @SuppressWarnings("NullAway") // Spring declares the cause non-null; sanitized mode has none to give, on purpose
        TransientResourceFailure(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    /**
     * A statement that failed inside a transaction because its connection's cached type ids were stale (another
     * instance re-created a type): the transaction is lost, and retrying all of it is safe.
     */
    static final class StaleTypeCache extends TransientDataAccessResourceException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        @SuppressWarnings("NullAway") // Spring declares the cause non-null; sanitized mode has none to give, on purpose
        StaleTypeCache(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    /** The sanitized fallback: Spring's {@code UncategorizedSQLException} would need the SQLException as cause. */
    static final class Uncategorized extends UncategorizedDataAccessException implements HasErrorId {
        private final String errorId;
        private final @Nullable String sqlState;

        Uncategorized(String message, @Nullable Throwable cause, String errorId, @Nullable String sqlState) {
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

    /** The unsanitized fallback, so callers keep {@link #getSQLException()} and {@link #getSql()} as in Spring. */
    static final class UncategorizedSql extends UncategorizedSQLException implements HasErrorId {
        private final String message;
        private final String errorId;
        private final @Nullable String sqlState;

        UncategorizedSql(
                String message, SQLException cause, @Nullable String sql, String errorId, @Nullable String sqlState) {
            super(message, sql, cause);
            this.message = message;
            this.errorId = errorId;
            this.sqlState = sqlState;
        }

        @Override
        public String getMessage() {
            return message;
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
}
