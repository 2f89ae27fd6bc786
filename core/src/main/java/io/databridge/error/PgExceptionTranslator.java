package io.databridge.error;

import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Translates PostgreSQL failures into Spring's {@link DataAccessException} hierarchy by SQLSTATE: a unique violation
 * is a {@link org.springframework.dao.DuplicateKeyException}, a deadlock a
 * {@link org.springframework.dao.PessimisticLockingFailureException}, and so on (the table is in {@code FailureKind}).
 * Every exception it returns implements {@link HasErrorId}.
 *
 * <p><b>Sanitized</b> (the default): the message names the kind of failure and an error id, and nothing else:
 *
 * <pre>Duplicate key: a row with the same unique key already exists [error id 3f9c2a1b7e40]</pre>
 *
 * No table, column, constraint, value, SQL text or driver message; the exception has no cause, so the driver's
 * exception cannot leak through a stack trace either. For the same reason a sanitized
 * {@link org.springframework.jdbc.BadSqlGrammarException} answers {@code ""} from {@code getSql()} and {@code null}
 * from {@code getSQLException()}. The full detail is logged under the same error id by the SLF4J
 * logger {@code io.databridge.error}: at WARN, or at ERROR when the SQLSTATE is one data-bridge does not classify.
 * The logged line reads exactly as the unsanitized message below, with the driver exception attached.
 *
 * <p><b>Unsanitized</b> (for development): the message adds the task, the SQLSTATE, the driver's message, the names
 * PostgreSQL reported and the SQL text, and the cause is the original {@link SQLException}:
 *
 * <pre>{@code
 * Duplicate key: a row with the same unique key already exists [error id 3f9c2a1b7e40]; task: insert User;
 * SQLSTATE: 23505; ERROR: duplicate key value violates unique constraint "users_email_key"
 *   Detail: Key (email)=(a@x.io) already exists.; table: users; constraint: users_email_key; SQL: insert into ...
 * }</pre>
 *
 * (one line; the driver's message may span several). The same text is logged at DEBUG.
 *
 * <p>The driver message may contain values (PostgreSQL's {@code Detail:} line echoes the key of a unique
 * violation); set pgjdbc's {@code logServerErrorDetail=false} to keep them out of logs and unsanitized messages.
 *
 * <p>Immutable and thread-safe: share one instance.
 */
public final class PgExceptionTranslator implements SQLExceptionTranslator {

    /** The environment variable that turns sanitizing off when it is {@code false}. */
    public static final String SANITIZE_ENVIRONMENT_VARIABLE = "DATA_BRIDGE_ERRORS_SANITIZE";

    /** The system property that turns sanitizing off when it is {@code false}; it wins over the variable. */
    public static final String SANITIZE_SYSTEM_PROPERTY = "data-bridge.errors.sanitize";

    private static final Logger logger = LoggerFactory.getLogger("io.databridge.error");

    /** PostgreSQL's context line for a value it could not bind: {@code unnamed portal parameter $2 = '...'}. */
    private static final Pattern BIND_CONTEXT = Pattern.compile("portal (?:\"[^\"]*\" )?parameter \\$(\\d+)");

    private static final String CONNECT_TASK = "obtain a JDBC connection";

    /** Bounds the walk over causes and next exceptions, which a faulty driver could make circular. */
    private static final int MAX_CHAIN = 32;

    private final boolean sanitize;

    /** Told of each sanitized failure whose server message had values stripped; {@code null} for nobody. */
    private final @Nullable Consumer<? super HasErrorId> redactions;

    /**
     * Creates a translator.
     *
     * @param sanitize {@code true} to keep every detail out of messages and causes (the default everywhere else)
     */
    public PgExceptionTranslator(boolean sanitize) {
        this(sanitize, null);
    }

    private PgExceptionTranslator(boolean sanitize, @Nullable Consumer<? super HasErrorId> redactions) {
        this.sanitize = sanitize;
        this.redactions = redactions;
    }

    /**
     * A translator like this one that also tells {@code listener} of each sanitized failure whose server message,
     * hint or context had values stripped before it was logged (data-bridge's audit trail records it as a security
     * event). The listener gets the exception the caller will see, never the values.
     *
     * @param listener called on the translating thread, once per such failure; must not throw
     * @return the new translator
     */
    public PgExceptionTranslator reportingRedactionsTo(Consumer<? super HasErrorId> listener) {
        return new PgExceptionTranslator(sanitize, Objects.requireNonNull(listener, "listener must not be null"));
    }

    /**
     * Creates a translator that sanitizes unless the system property {@value #SANITIZE_SYSTEM_PROPERTY} or, when that
     * is unset or blank, the environment variable {@value #SANITIZE_ENVIRONMENT_VARIABLE} is {@code false}.
     *
     * @return the translator
     * @throws IllegalArgumentException when the setting is neither {@code true} nor {@code false} (in any case),
     *     naming the setting and its allowed values
     */
    public static PgExceptionTranslator fromEnvironment() {
        return new PgExceptionTranslator(sanitizeSetting(
                System.getProperty(SANITIZE_SYSTEM_PROPERTY), System.getenv(SANITIZE_ENVIRONMENT_VARIABLE)));
    }

    static boolean sanitizeSetting(@Nullable String systemProperty, @Nullable String environmentVariable) {
        if (systemProperty != null && !systemProperty.isBlank()) {
            return parseBoolean("System property " + SANITIZE_SYSTEM_PROPERTY, systemProperty);
        }
        if (environmentVariable != null && !environmentVariable.isBlank()) {
            return parseBoolean("Environment variable " + SANITIZE_ENVIRONMENT_VARIABLE, environmentVariable);
        }
        return true;
    }

    private static boolean parseBoolean(String setting, String value) {
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("true")) {
            return true;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(setting + " must be true or false (in any case) but was '" + value
                + "'; leave it unset to sanitize error messages");
    }

    /**
     * Whether this translator sanitizes messages.
     *
     * @return {@code true} when messages carry only the kind of failure and the error id
     */
    public boolean sanitizing() {
        return sanitize;
    }

    /**
     * A new error id: 12 lowercase hexadecimal characters (48 random bits), for failures the engine detects itself.
     *
     * @return the error id
     */
    public static String newErrorId() {
        long bits = ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL;
        return Long.toHexString(bits | 0x1_0000_0000_0000L).substring(1);
    }

    /**
     * Translates a failure of a statement. Unlike the {@link SQLExceptionTranslator} contract allows, the answer is
     * never {@code null}: an SQLSTATE that data-bridge does not classify becomes an
     * {@link org.springframework.dao.UncategorizedDataAccessException} (an
     * {@link org.springframework.jdbc.UncategorizedSQLException} when not sanitizing). The SQLSTATE is taken from the
     * most specific exception in the chain of causes and {@linkplain SQLException#getNextException() next
     * exceptions}, so a {@link java.sql.BatchUpdateException} translates as the failure inside it.
     *
     * @param task what was being done, e.g. {@code insert User}; appears only in unsanitized messages and the log
     * @param sql the SQL text, {@code null} when unknown; never in a sanitized message
     * @param ex the driver's exception
     * @return the translated exception, implementing {@link HasErrorId}
     */
    @Override
    public DataAccessException translate(String task, @Nullable String sql, SQLException ex) {
        SQLException reported = mostSpecific(ex);
        // A stale type id fails while binding too (its context names the parameter), but it is no bad value.
        int parameter = RetryableFailures.staleTypeCache(reported) ? 0 : boundParameter(reported);
        if (parameter > 0) {
            String description = "Bind failed: the value bound to parameter " + parameter
                    + " cannot be read as the parameter's type";
            return failure(FailureKind.BIND_FAILURE, description, task, sql, ex, reported);
        }
        return failure(kindOf(reported), task, sql, ex, reported);
    }

    /**
     * The kind of a driver failure: by SQLSTATE, with two failures pgjdbc and HikariCP report without a useful one.
     * A statement with more than 65,535 parameters fails in the driver, before anything is sent, with {@code 22023}
     * and no server report; a connection HikariCP has already closed (after the server ended it) answers {@code
     * "Connection is closed"} with no SQLSTATE.
     */
    private static FailureKind kindOf(SQLException reported) {
        String state = reported.getSQLState();
        boolean fromServer = reported instanceof PSQLException psql && psql.getServerErrorMessage() != null;
        if (!fromServer && "22023".equals(state) && tooManyParameters(reported.getMessage())) {
            return FailureKind.TOO_MANY_PARAMETERS;
        }
        if (state == null
                && reported.getMessage() != null
                && reported.getMessage().startsWith("Connection is closed")) {
            return FailureKind.CONNECTION_FAILURE;
        }
        if (RetryableFailures.staleTypeCache(reported)) {
            return FailureKind.STALE_TYPE_CACHE;
        }
        return FailureKind.of(state);
    }

    private static boolean tooManyParameters(@Nullable String message) {
        return message != null
                && (message.contains("65535") || message.contains("65,535") || message.contains("65.535"));
    }

    /**
     * The 1-based position of the parameter PostgreSQL failed to bind, read from the context line of its report
     * ({@code unnamed portal parameter $2 = '...'}); 0 when the failure is not a bind failure.
     */
    private static int boundParameter(SQLException reported) {
        if (!(reported instanceof PSQLException psql) || psql.getServerErrorMessage() == null) {
            return 0;
        }
        String where = psql.getServerErrorMessage().getWhere();
        if (where == null) {
            return 0;
        }
        Matcher matcher = BIND_CONTEXT.matcher(where);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /**
     * Translates a failure to obtain a connection, as thrown by Spring's {@code DataSourceUtils.getConnection}, by
     * the SQLSTATE of its cause: {@code 08xxx} (unreachable, refused), {@code 28xxx} (credentials), {@code 3D000}
     * (unknown database), {@code 53300} (too many connections) and so on; a cause without a known SQLSTATE (a pool
     * timeout, say) is a connection failure. Sanitized, the message names neither host, port, user nor database.
     *
     * @param ex the exception from {@code DataSourceUtils}
     * @return the translated exception, implementing {@link HasErrorId}
     */
    public DataAccessException translateConnectionFailure(CannotGetJdbcConnectionException ex) {
        return connectionFailure(ex);
    }

    /**
     * Translates a failure of the transaction machinery: a transaction that could not begin because no connection
     * could be obtained (translated as {@link #translateConnectionFailure(CannotGetJdbcConnectionException)} does, by
     * the cause's SQLSTATE; a pool that gave no connection in time is a transient failure that says so), or a
     * transaction whose deadline had passed before a statement ran (a
     * {@link org.springframework.dao.QueryTimeoutException}). Anything else is uncategorized.
     *
     * @param ex the exception from Spring's transaction support
     * @return the translated exception, implementing {@link HasErrorId}; sanitized, without a cause
     */
    public DataAccessException translateTransactionFailure(TransactionException ex) {
        if (ex instanceof TransactionTimedOutException) {
            return failure(FailureKind.TRANSACTION_TIMED_OUT, "run a statement", null, ex, null);
        }
        if (ex instanceof CannotCreateTransactionException) {
            return connectionFailure(ex);
        }
        return failure(FailureKind.UNCATEGORIZED, "transaction", null, ex, null);
    }

    /**
     * Translates a failure of {@code COMMIT}. A commit that failed because the connection was lost (or closed) has an
     * unknown outcome: the server may have committed before the connection went. It is reported as such, a
     * {@link org.springframework.dao.DataAccessResourceFailureException} whose message says to check before repeating
     * the work, and {@link RetryableFailures} never retries it. Other failures translate as
     * {@link #translate(String, String, SQLException)} does.
     *
     * @param task what was being committed, e.g. {@code JDBC commit}
     * @param ex the driver's exception
     * @return the translated exception, implementing {@link HasErrorId}
     */
    public DataAccessException translateCommitFailure(String task, SQLException ex) {
        SQLException reported = mostSpecific(ex);
        FailureKind kind = kindOf(reported);
        if (kind == FailureKind.CONNECTION_FAILURE || kind == FailureKind.SERVER_SHUTDOWN) {
            return failure(FailureKind.COMMIT_OUTCOME_UNKNOWN, task, "COMMIT", ex, reported);
        }
        return failure(kind, task, "COMMIT", ex, reported);
    }

    private DataAccessException connectionFailure(Exception ex) {
        if (ex.getCause() instanceof SQLException cause) {
            PoolExhaustion exhausted = PoolExhaustion.of(cause);
            if (exhausted != null) {
                return failure(
                        exhausted.allBusy() ? FailureKind.POOL_EXHAUSTED : FailureKind.CONNECTION_FAILURE,
                        exhausted.summary(),
                        CONNECT_TASK,
                        null,
                        cause,
                        null);
            }
            SQLException reported = mostSpecific(cause);
            FailureKind kind = kindOf(reported);
            return failure(
                    kind.unexpected() ? FailureKind.CONNECTION_FAILURE : kind, CONNECT_TASK, null, cause, reported);
        }
        return failure(FailureKind.CONNECTION_FAILURE, CONNECT_TASK, null, ex, null);
    }

    /**
     * Reports a stale version detected by the engine (an update or delete that matched no row with the expected
     * version), naming no value. Same as {@link #optimisticLockingFailure(String, String)} without values.
     *
     * @param detail what failed, e.g. {@code update of User matched no row}; names no value
     * @return the exception to throw, implementing {@link HasErrorId}, without a cause
     */
    public OptimisticLockingFailureException optimisticLockingFailure(String detail) {
        return optimisticLockingFailure(detail, "");
    }

    /**
     * Reports a stale version detected by the engine (an update or delete that matched no row with the expected
     * version). Sanitized, the message is exactly
     * {@code Optimistic locking failure: the row was updated or deleted by another transaction since it was read
     * [error id <id>]} and {@code "; " + detail} is logged at WARN under the id, without the values (no bound value in
     * any log by default); unsanitized, {@code "; " + detail} and {@code " (" + values + ")"} follow the message and
     * the log line is at DEBUG.
     *
     * @param detail what failed, e.g. {@code update of User matched no row}; names entities, never values
     * @param values the values involved, e.g. {@code expected version 3}, shown only when not sanitizing; empty for
     *     none
     * @return the exception to throw, implementing {@link HasErrorId}, without a cause
     */
    public OptimisticLockingFailureException optimisticLockingFailure(String detail, String values) {
        String errorId = newErrorId();
        String summary = summary(FailureKind.OPTIMISTIC_LOCKING_FAILURE, errorId);
        if (sanitize) {
            logger.warn(summary + "; " + detail);
            return new TranslatedExceptions.OptimisticLockingFailure(summary, null, errorId, null);
        }
        String full = summary + "; " + detail + (values.isEmpty() ? "" : " (" + values + ")");
        logger.debug(full);
        return new TranslatedExceptions.OptimisticLockingFailure(full, null, errorId, null);
    }

    private DataAccessException failure(
            FailureKind kind, String task, @Nullable String sql, Throwable cause, @Nullable SQLException reported) {
        return failure(kind, kind.summary(), task, sql, cause, reported);
    }

    private DataAccessException failure(
            FailureKind kind,
            String description,
            String task,
            @Nullable String sql,
            Throwable cause,
            @Nullable SQLException reported) {
        String errorId = newErrorId();
        String summary = description + " [error id " + errorId + "]";
        String sqlState = reported == null ? null : reported.getSQLState();
        if (sanitize) {
            // PostgreSQL's DETAIL line quotes row values (Key (email)=(...)), and its primary message quotes the value
            // a conversion rejected: the WARN line keeps the SQLSTATE, the primary message with its values redacted,
            // the schema objects and the SQL, and leaves the values out (STYLE rule 5).
            // A bind failure's primary message quotes the value it could not read: the summary names the parameter.
            boolean bindFailure = kind == FailureKind.BIND_FAILURE;
            String logged = summary + "; " + detail(task, sql, cause, reported, false, !bindFailure);
            if (kind.unexpected()) {
                logger.error(logged, RedactedException.of(cause));
            } else {
                logger.warn(logged);
            }
            DataAccessException translated = kind.type().create(summary, null, null, errorId, sqlState);
            Consumer<? super HasErrorId> listener = redactions;
            if (listener != null && (bindFailure || stripsValues(cause, reported))) {
                listener.accept((HasErrorId) translated);
            }
            return translated;
        }
        String full = summary + "; " + detail(task, sql, cause, reported, true, true);
        logger.debug(full, cause);
        return kind.type().create(full, cause, sql, errorId, sqlState);
    }

    private static String summary(FailureKind kind, String errorId) {
        return kind.summary() + " [error id " + errorId + "]";
    }

    private static String detail(
            String task,
            @Nullable String sql,
            Throwable cause,
            @Nullable SQLException reported,
            boolean withValues,
            boolean withMessage) {
        StringBuilder detail = new StringBuilder(256).append("task: ").append(task);
        if (reported == null) {
            detail.append("; ").append(described(cause, withValues));
            Throwable next = cause.getCause();
            for (int depth = 0; next != null && depth < MAX_CHAIN; depth++, next = next.getCause()) {
                detail.append("; caused by ").append(described(next, withValues));
            }
        } else {
            detail.append("; SQLSTATE: ").append(reported.getSQLState()).append("; ");
            ServerErrorMessage server = reported instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
            String message = withValues
                    ? reported.getMessage()
                    : server == null ? ServerMessages.redacted(reported.getMessage()) : ServerMessages.redacted(server);
            detail.append(withMessage ? message : "(message left out: it quotes the value)");
            if (server != null && !withValues) {
                // The full message (withValues) has them already; PostgreSQL's DETAIL is never logged sanitized.
                appendIfPresent(detail, "hint", ServerMessages.redacted(server, server.getHint()));
                if (withMessage) {
                    appendIfPresent(detail, "where", ServerMessages.redacted(server, server.getWhere()));
                }
            }
            if (server != null) {
                appendIfPresent(detail, "schema", server.getSchema());
                appendIfPresent(detail, "table", server.getTable());
                appendIfPresent(detail, "column", server.getColumn());
                appendIfPresent(detail, "constraint", server.getConstraint());
            }
        }
        appendIfPresent(detail, "SQL", sql);
        return detail.toString();
    }

    /** Whether sanitizing took something out of what the server or the driver said: a quoted value, a hint's. */
    private static boolean stripsValues(Throwable cause, @Nullable SQLException reported) {
        ServerErrorMessage server = reported instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server != null) {
            return !ServerMessages.redacted(server).equals(Objects.requireNonNullElse(server.getMessage(), ""))
                    || !ServerMessages.redacted(server, server.getHint())
                            .equals(Objects.requireNonNullElse(server.getHint(), ""))
                    || !ServerMessages.redacted(server, server.getWhere())
                            .equals(Objects.requireNonNullElse(server.getWhere(), ""));
        }
        Throwable next = reported == null ? cause : reported;
        for (int depth = 0; next != null && depth < MAX_CHAIN; depth++, next = next.getCause()) {
            String message = Objects.requireNonNullElse(next.getMessage(), "");
            if (!ServerMessages.redacted(message).equals(message)) {
                return true;
            }
        }
        return false;
    }

    private static String described(Throwable failure, boolean withValues) {
        return withValues
                ? failure.toString()
                : failure.getClass().getName() + ": " + ServerMessages.redacted(failure.getMessage());
    }

    private static void appendIfPresent(StringBuilder detail, String label, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            detail.append("; ").append(label).append(": ").append(value);
        }
    }

    /**
     * The exception that says most: the first in the chain that carries PostgreSQL's own error report, else the first
     * with an SQLSTATE, else the exception itself.
     */
    private static SQLException mostSpecific(SQLException ex) {
        SQLException withState = null;
        int seen = 0;
        for (Throwable candidate : ex) {
            if (++seen > MAX_CHAIN) {
                break;
            }
            if (candidate instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql;
            }
            if (withState == null
                    && candidate instanceof SQLException sqlException
                    && sqlException.getSQLState() != null) {
                withState = sqlException;
            }
        }
        return withState == null ? ex : withState;
    }

    @Override
    public String toString() {
        return "PgExceptionTranslator[sanitize=" + sanitize + (redactions == null ? "" : ", reporting redactions")
                + "]";
    }
}
