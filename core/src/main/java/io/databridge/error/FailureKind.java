package io.databridge.error;

import io.databridge.error.TranslatedExceptions.Type;
import org.jspecify.annotations.Nullable;

/**
 * What went wrong, in words that name no table, column, constraint or value, and the Spring exception type that
 * says how a caller should react. {@link #of(String)} is the whole SQLSTATE mapping. Immutable and thread-safe.
 *
 * <p>Choices where PostgreSQL and Spring leave room:
 *
 * <ul>
 *   <li>{@code 40001} (serialization failure) and {@code 40P01} (deadlock) are
 *       {@code PessimisticLockingFailureException}, as in Spring's own translators; {@code 55P03} (lock not available,
 *       {@code NOWAIT} or {@code lock_timeout}) is its subclass {@code CannotAcquireLockException}. All three are
 *       {@code ConcurrencyFailureException}s, so one retry rule covers them.
 *   <li>{@code 22xxx} data exceptions are {@code DataIntegrityViolationException}, as in Spring.
 *   <li>{@code 53300} (too many connections) and {@code 57P03} (cannot connect now) are
 *       {@code TransientDataAccessResourceException}: the server is up and a retry soon can succeed. Other {@code 53xxx}
 *       (disk full, out of memory), {@code 57P01}/{@code 57P02}/{@code 57P04} (shutdown, crash, database dropped),
 *       {@code 08xxx}, {@code 28xxx} and {@code 3D000} are {@code DataAccessResourceFailureException}: someone has to
 *       act, or the pool has to replace the connection.
 *   <li>{@code 25006} (read-only transaction), {@code 25P02} (transaction aborted), {@code 0A000} (feature not
 *       supported) and {@code 54xxx} (program limit exceeded) are {@code InvalidDataAccessResourceUsageException}:
 *       the same statement in the same transaction fails again, so they are not transient.
 *   <li>Anything else is uncategorized and logged at ERROR.
 * </ul>
 */
enum FailureKind {
    DUPLICATE_KEY(Type.DUPLICATE_KEY, "Duplicate key: a row with the same unique key already exists"),
    NOT_NULL_VIOLATION(Type.DATA_INTEGRITY_VIOLATION, "Not-null constraint violated: a required value is missing"),
    FOREIGN_KEY_VIOLATION(
            Type.DATA_INTEGRITY_VIOLATION,
            "Foreign key constraint violated: the referenced row does not exist or is still referenced"),
    CHECK_VIOLATION(
            Type.DATA_INTEGRITY_VIOLATION, "Check constraint violated: a value is not allowed by a check constraint"),
    EXCLUSION_VIOLATION(
            Type.DATA_INTEGRITY_VIOLATION, "Exclusion constraint violated: the row conflicts with an existing row"),
    INTEGRITY_VIOLATION(
            Type.DATA_INTEGRITY_VIOLATION, "Integrity constraint violated: the statement breaks a database constraint"),
    DIVISION_BY_ZERO(Type.DATA_INTEGRITY_VIOLATION, "Invalid data: division by zero"),
    NUMERIC_OUT_OF_RANGE(Type.DATA_INTEGRITY_VIOLATION, "Invalid data: a numeric value is out of range for its type"),
    VALUE_TOO_LONG(Type.DATA_INTEGRITY_VIOLATION, "Invalid data: a value is too long for its column type"),
    /**
     * PostgreSQL could not read a bound value as its parameter's type while binding it (its report names the
     * parameter, {@code portal parameter $n}); the summary says which position, never the value.
     */
    BIND_FAILURE(
            Type.DATA_INTEGRITY_VIOLATION,
            "Bind failed: the value bound to a parameter cannot be read as the parameter's type"),
    INVALID_TEXT_REPRESENTATION(
            Type.DATA_INTEGRITY_VIOLATION, "Invalid data: a value cannot be read as the required type"),
    INVALID_DATETIME(Type.DATA_INTEGRITY_VIOLATION, "Invalid data: a date or time value is invalid or out of range"),
    INVALID_DATA(Type.DATA_INTEGRITY_VIOLATION, "Invalid data: a value is not valid for its type or operation"),
    SERIALIZATION_FAILURE(
            Type.PESSIMISTIC_LOCKING_FAILURE,
            "Serialization failure: the transaction conflicted with a concurrent transaction; retry it"),
    DEADLOCK(Type.PESSIMISTIC_LOCKING_FAILURE, "Deadlock detected: the transaction was rolled back; retry it"),
    TRANSACTION_ROLLBACK(Type.PESSIMISTIC_LOCKING_FAILURE, "Transaction rolled back by the database: retry it"),
    LOCK_NOT_AVAILABLE(
            Type.CANNOT_ACQUIRE_LOCK, "Lock not available: another transaction holds a lock this statement needs"),
    QUERY_CANCELED(Type.QUERY_TIMEOUT, "Query canceled: the statement timed out or was canceled"),
    SYNTAX_ERROR(Type.BAD_SQL_GRAMMAR, "Bad SQL grammar: syntax error"),
    UNDEFINED_TABLE(Type.BAD_SQL_GRAMMAR, "Bad SQL grammar: a table or view does not exist"),
    UNDEFINED_COLUMN(Type.BAD_SQL_GRAMMAR, "Bad SQL grammar: a column does not exist"),
    UNDEFINED_FUNCTION(
            Type.BAD_SQL_GRAMMAR, "Bad SQL grammar: no function or operator matches the name and argument types"),
    BAD_SQL_GRAMMAR(Type.BAD_SQL_GRAMMAR, "Bad SQL grammar: the statement is not valid for this database"),
    INSUFFICIENT_PRIVILEGE(
            Type.PERMISSION_DENIED, "Permission denied: the database user lacks a privilege this statement needs"),
    READ_ONLY_TRANSACTION(
            Type.INVALID_RESOURCE_USAGE,
            "Read-only transaction: the statement writes in a read-only transaction or on a read-only server"),
    TRANSACTION_ABORTED(
            Type.INVALID_RESOURCE_USAGE,
            "Transaction aborted: an earlier statement in this transaction failed; roll back before running more"),
    FEATURE_NOT_SUPPORTED(Type.INVALID_RESOURCE_USAGE, "Feature not supported by this PostgreSQL server"),
    PROGRAM_LIMIT_EXCEEDED(
            Type.INVALID_RESOURCE_USAGE, "Program limit exceeded: the statement is too large or too complex"),
    CONNECTION_FAILURE(
            Type.RESOURCE_FAILURE, "Connection failure: cannot connect to the database or the connection was lost"),
    AUTHENTICATION_FAILED(
            Type.RESOURCE_FAILURE, "Authentication failed: the database rejected the configured user name or password"),
    UNKNOWN_DATABASE(
            Type.RESOURCE_FAILURE, "Unknown database: the database named in the connection URL does not exist"),
    INSUFFICIENT_RESOURCES(
            Type.RESOURCE_FAILURE,
            "Insufficient resources: the database server is out of disk, memory or another resource"),
    TOO_MANY_CONNECTIONS(
            Type.TRANSIENT_RESOURCE_FAILURE,
            "Too many connections: the database server has no free connection slot; retry later or lower the pool size"),
    SERVER_SHUTDOWN(Type.RESOURCE_FAILURE, "Server shutdown: the database server ended the connection"),
    SERVER_UNAVAILABLE(
            Type.TRANSIENT_RESOURCE_FAILURE,
            "Server unavailable: the database server is starting up or shutting down; retry later"),
    OPTIMISTIC_LOCKING_FAILURE(
            Type.OPTIMISTIC_LOCKING_FAILURE,
            "Optimistic locking failure: the row was updated or deleted by another transaction since it was read"),
    POOL_EXHAUSTED(
            Type.TRANSIENT_RESOURCE_FAILURE,
            "Pool exhausted: no connection available within the connection timeout; shed load, shorten transactions"
                    + " or raise the pool size"),
    TOO_MANY_PARAMETERS(
            Type.INVALID_RESOURCE_USAGE,
            "Too many parameters: a statement can bind at most 65,535 values; bind a list as one array parameter"
                    + " (column = ANY(:list)) or split the statement"),
    TRANSACTION_TIMED_OUT(
            Type.QUERY_TIMEOUT,
            "Transaction timed out: its deadline passed before this statement ran; it will be rolled back"),
    COMMIT_OUTCOME_UNKNOWN(
            Type.COMMIT_OUTCOME_UNKNOWN,
            "Commit outcome unknown: the connection was lost after COMMIT was sent; the transaction may or may not"
                    + " have been applied, check before repeating it"),
    /**
     * {@code XX000 cache lookup failed for type}: the connection's prepared statements name a type that another
     * instance dropped and re-created. Outside a transaction, or on a transaction's first statement, the executor runs
     * the statement again on a refreshed connection; later in a transaction the work done so far is lost, and the
     * whole transaction must run again (a transient failure, retried by {@code @RetryableTransaction}).
     */
    STALE_TYPE_CACHE(
            Type.STALE_TYPE_CACHE,
            "Stale type cache: a type this connection had cached (an enum, say) was dropped and re-created by someone"
                    + " else, and the work of the transaction the statement was in is lost; the connection was"
                    + " retired: run the transaction again"),
    UNCATEGORIZED(
            Type.UNCATEGORIZED, "Database error: the statement failed for a reason data-bridge does not classify");

    private final Type type;
    private final String summary;

    FailureKind(Type type, String summary) {
        this.type = type;
        this.summary = summary;
    }

    /** The Spring exception type of this kind. */
    Type type() {
        return type;
    }

    /** The sanitized description: what went wrong, and what to do when there is something to do. */
    String summary() {
        return summary;
    }

    /** Whether this kind means something data-bridge did not expect, logged at ERROR rather than WARN. */
    boolean unexpected() {
        return this == UNCATEGORIZED;
    }

    /**
     * The kind of failure a PostgreSQL SQLSTATE reports: exact codes first, then the two-character class.
     *
     * @param sqlState the SQLSTATE, {@code null} when the driver gave none
     * @return the kind, {@link #UNCATEGORIZED} when the code is unknown or absent
     */
    static FailureKind of(@Nullable String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return UNCATEGORIZED;
        }
        return switch (sqlState) {
            case "23505" -> DUPLICATE_KEY;
            case "23502" -> NOT_NULL_VIOLATION;
            case "23503" -> FOREIGN_KEY_VIOLATION;
            case "23514" -> CHECK_VIOLATION;
            case "23P01" -> EXCLUSION_VIOLATION;
            case "22012" -> DIVISION_BY_ZERO;
            case "22003" -> NUMERIC_OUT_OF_RANGE;
            case "22001" -> VALUE_TOO_LONG;
            case "22P02" -> INVALID_TEXT_REPRESENTATION;
            case "22007", "22008" -> INVALID_DATETIME;
            case "40001" -> SERIALIZATION_FAILURE;
            case "40P01" -> DEADLOCK;
            case "40002" -> INTEGRITY_VIOLATION;
            case "55P03" -> LOCK_NOT_AVAILABLE;
            case "57014" -> QUERY_CANCELED;
            case "42601" -> SYNTAX_ERROR;
            case "42P01" -> UNDEFINED_TABLE;
            case "42703" -> UNDEFINED_COLUMN;
            case "42883" -> UNDEFINED_FUNCTION;
            case "42501" -> INSUFFICIENT_PRIVILEGE;
            case "3F000" -> BAD_SQL_GRAMMAR;
            case "25006" -> READ_ONLY_TRANSACTION;
            case "25P02" -> TRANSACTION_ABORTED;
            case "0A000" -> FEATURE_NOT_SUPPORTED;
            case "3D000" -> UNKNOWN_DATABASE;
            case "53300" -> TOO_MANY_CONNECTIONS;
            case "57P01", "57P02", "57P04" -> SERVER_SHUTDOWN;
            case "57P03" -> SERVER_UNAVAILABLE;
            default -> ofClass(sqlState.substring(0, 2));
        };
    }

    private static FailureKind ofClass(String sqlStateClass) {
        return switch (sqlStateClass) {
            case "23" -> INTEGRITY_VIOLATION;
            case "22" -> INVALID_DATA;
            case "40" -> TRANSACTION_ROLLBACK;
            case "42" -> BAD_SQL_GRAMMAR;
            case "08" -> CONNECTION_FAILURE;
            case "28" -> AUTHENTICATION_FAILED;
            case "53" -> INSUFFICIENT_RESOURCES;
            case "54" -> PROGRAM_LIMIT_EXCEEDED;
            default -> UNCATEGORIZED;
        };
    }
}
