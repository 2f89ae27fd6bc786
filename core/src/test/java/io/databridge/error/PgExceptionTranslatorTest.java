package io.databridge.error;

import static io.databridge.error.Failures.assertSanitized;
import static io.databridge.error.Failures.errorId;
import static io.databridge.error.Failures.springType;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;
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
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class PgExceptionTranslatorTest {

    private static final String DUPLICATE_KEY = "Duplicate key: a row with the same unique key already exists";
    private static final String INVALID_DATA = "Invalid data: a value is not valid for its type or operation";
    private static final String BAD_SQL_GRAMMAR = "Bad SQL grammar: the statement is not valid for this database";
    private static final String CONNECTION_FAILURE =
            "Connection failure: cannot connect to the database or the connection was lost";
    private static final String UNCATEGORIZED =
            "Database error: the statement failed for a reason data-bridge does not classify";
    private static final String OPTIMISTIC_LOCKING_FAILURE =
            "Optimistic locking failure: the row was updated or deleted by another transaction since it was read";

    private static final String SQL = "insert into vault_account (vault_email) values (?)";

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private final PgExceptionTranslator sanitizing = new PgExceptionTranslator(true);
    private final PgExceptionTranslator unsanitized = new PgExceptionTranslator(false);

    static Stream<Arguments> sqlStates() {
        return Stream.of(
                Arguments.of("23505", DuplicateKeyException.class, DUPLICATE_KEY),
                Arguments.of(
                        "23502",
                        DataIntegrityViolationException.class,
                        "Not-null constraint violated: a required value is missing"),
                Arguments.of(
                        "23503",
                        DataIntegrityViolationException.class,
                        "Foreign key constraint violated: the referenced row does not exist or is still referenced"),
                Arguments.of(
                        "23514",
                        DataIntegrityViolationException.class,
                        "Check constraint violated: a value is not allowed by a check constraint"),
                Arguments.of(
                        "23P01",
                        DataIntegrityViolationException.class,
                        "Exclusion constraint violated: the row conflicts with an existing row"),
                Arguments.of(
                        "23001",
                        DataIntegrityViolationException.class,
                        "Integrity constraint violated: the statement breaks a database constraint"),
                Arguments.of("22012", DataIntegrityViolationException.class, "Invalid data: division by zero"),
                Arguments.of(
                        "22003",
                        DataIntegrityViolationException.class,
                        "Invalid data: a numeric value is out of range for its type"),
                Arguments.of(
                        "22001",
                        DataIntegrityViolationException.class,
                        "Invalid data: a value is too long for its column type"),
                Arguments.of(
                        "22P02",
                        DataIntegrityViolationException.class,
                        "Invalid data: a value cannot be read as the required type"),
                Arguments.of(
                        "22007",
                        DataIntegrityViolationException.class,
                        "Invalid data: a date or time value is invalid or out of range"),
                Arguments.of("22023", DataIntegrityViolationException.class, INVALID_DATA),
                Arguments.of(
                        "40001",
                        PessimisticLockingFailureException.class,
                        "Serialization failure: the transaction conflicted with a concurrent transaction; retry it"),
                Arguments.of(
                        "40P01",
                        PessimisticLockingFailureException.class,
                        "Deadlock detected: the transaction was rolled back; retry it"),
                Arguments.of(
                        "40000",
                        PessimisticLockingFailureException.class,
                        "Transaction rolled back by the database: retry it"),
                Arguments.of(
                        "40002",
                        DataIntegrityViolationException.class,
                        "Integrity constraint violated: the statement breaks a database constraint"),
                Arguments.of(
                        "55P03",
                        CannotAcquireLockException.class,
                        "Lock not available: another transaction holds a lock this statement needs"),
                Arguments.of(
                        "57014",
                        QueryTimeoutException.class,
                        "Query canceled: the statement timed out or was canceled"),
                Arguments.of("42601", BadSqlGrammarException.class, "Bad SQL grammar: syntax error"),
                Arguments.of("42P01", BadSqlGrammarException.class, "Bad SQL grammar: a table or view does not exist"),
                Arguments.of("42703", BadSqlGrammarException.class, "Bad SQL grammar: a column does not exist"),
                Arguments.of(
                        "42883",
                        BadSqlGrammarException.class,
                        "Bad SQL grammar: no function or operator matches the name and argument types"),
                Arguments.of("42804", BadSqlGrammarException.class, BAD_SQL_GRAMMAR),
                Arguments.of("3F000", BadSqlGrammarException.class, BAD_SQL_GRAMMAR),
                Arguments.of(
                        "42501",
                        PermissionDeniedDataAccessException.class,
                        "Permission denied: the database user lacks a privilege this statement needs"),
                Arguments.of(
                        "25006",
                        InvalidDataAccessResourceUsageException.class,
                        "Read-only transaction: the statement writes in a read-only transaction or on a read-only"
                                + " server"),
                Arguments.of(
                        "25P02",
                        InvalidDataAccessResourceUsageException.class,
                        "Transaction aborted: an earlier statement in this transaction failed; roll back before"
                                + " running more"),
                Arguments.of(
                        "0A000",
                        InvalidDataAccessResourceUsageException.class,
                        "Feature not supported by this PostgreSQL server"),
                Arguments.of(
                        "54000",
                        InvalidDataAccessResourceUsageException.class,
                        "Program limit exceeded: the statement is too large or too complex"),
                Arguments.of("08001", DataAccessResourceFailureException.class, CONNECTION_FAILURE),
                Arguments.of("08006", DataAccessResourceFailureException.class, CONNECTION_FAILURE),
                Arguments.of(
                        "28P01",
                        DataAccessResourceFailureException.class,
                        "Authentication failed: the database rejected the configured user name or password"),
                Arguments.of(
                        "3D000",
                        DataAccessResourceFailureException.class,
                        "Unknown database: the database named in the connection URL does not exist"),
                Arguments.of(
                        "53100",
                        DataAccessResourceFailureException.class,
                        "Insufficient resources: the database server is out of disk, memory or another resource"),
                Arguments.of(
                        "53300",
                        TransientDataAccessResourceException.class,
                        "Too many connections: the database server has no free connection slot; retry later or"
                                + " lower the pool size"),
                Arguments.of(
                        "57P01",
                        DataAccessResourceFailureException.class,
                        "Server shutdown: the database server ended the connection"),
                Arguments.of(
                        "57P03",
                        TransientDataAccessResourceException.class,
                        "Server unavailable: the database server is starting up or shutting down; retry later"),
                Arguments.of("XX000", UncategorizedDataAccessException.class, UNCATEGORIZED),
                Arguments.of("55006", UncategorizedDataAccessException.class, UNCATEGORIZED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sqlStates")
    void translatesEachSqlStateToItsSpringType(String sqlState, Class<?> springType) {
        DataAccessException translated = sanitizing.translate("task", SQL, new SQLException("boom", sqlState));

        assertThat(springType(translated)).isEqualTo(springType);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("sqlStates")
    void sanitizedMessageIsTheKindOfFailureAndTheErrorId(String sqlState, Class<?> springType, String summary) {
        DataAccessException translated = sanitizing.translate("task", SQL, new SQLException("boom", sqlState));

        assertSanitized(translated, summary, "boom", "task", SQL);
    }

    @Test
    void missingSqlStateIsUncategorized() {
        DataAccessException translated = sanitizing.translate("task", SQL, new SQLException("boom"));

        assertThat(springType(translated)).isEqualTo(UncategorizedDataAccessException.class);
        assertSanitized(translated, UNCATEGORIZED, "boom");
    }

    @Test
    void errorIdIsTwelveLowercaseHexCharacters() {
        assertThat(PgExceptionTranslator.newErrorId()).matches("[0-9a-f]{12}");
    }

    @Test
    void everyFailureGetsItsOwnErrorId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(errorId(sanitizing.translate("task", SQL, new SQLException("boom", "23505"))));
        }

        assertThat(ids).hasSize(1000);
    }

    @Test
    void sanitizedMessageLeaksNoNameValueOrSqlFromTheServerReport() {
        DataAccessException translated = sanitizing.translate("insert VaultAccount", SQL, uniqueViolation());

        assertSanitized(
                translated,
                DUPLICATE_KEY,
                "vault_account",
                "vault_email",
                "vault_email_unique",
                "leaked-value-42",
                "VaultAccount",
                "insert into");
    }

    @Test
    void sanitizedFailureIsLoggedAtWarnUnderTheErrorIdWithSchemaDetailButNoValues() {
        PSQLException driverException = uniqueViolation();
        DataAccessException translated = sanitizing.translate("insert VaultAccount", SQL, driverException);
        String errorId = errorId(translated);

        assertThat(log.eventFor(errorId).getLevel()).isEqualTo(Level.WARN);
        assertThat(log.eventFor(errorId).getFormattedMessage())
                .isEqualTo(DUPLICATE_KEY + " [error id " + errorId + "]; task: insert VaultAccount; SQLSTATE: 23505; "
                        + driverException.getServerErrorMessage().getMessage()
                        + "; schema: vault; table: vault_account; column: vault_email;"
                        + " constraint: vault_email_unique; SQL: " + SQL);
        assertThat(log.textFor(errorId)).doesNotContain("leaked-value-42");
    }

    @Test
    void unclassifiedFailureIsLoggedAtError() {
        DataAccessException translated = sanitizing.translate("task", SQL, new SQLException("boom", "XX000"));

        assertThat(log.eventFor(errorId(translated)).getLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void sanitizedBadSqlGrammarHoldsNeitherSqlNorSqlException() {
        BadSqlGrammarException translated = (BadSqlGrammarException)
                sanitizing.translate("select", "select vault_email from vault_account", syntaxError());

        assertThat(translated.getSql()).isEmpty();
        assertThat((Throwable) translated.getSQLException()).isNull();
        assertSanitized(translated, "Bad SQL grammar: syntax error", "vault");
    }

    @Test
    void unsanitizedMessageAddsTaskSqlStateDriverMessageAndSql() {
        DataAccessException translated = unsanitized.translate(
                "insert VaultAccount",
                SQL,
                new SQLException("duplicate key value violates unique constraint \"vault_email_unique\"", "23505"));

        assertThat(translated.getMessage())
                .isEqualTo(DUPLICATE_KEY + " [error id " + errorId(translated)
                        + "]; task: insert VaultAccount; SQLSTATE: 23505;"
                        + " duplicate key value violates unique constraint \"vault_email_unique\"; SQL: " + SQL);
    }

    @Test
    void unsanitizedMessageOmitsUnknownSql() {
        DataAccessException translated =
                unsanitized.translate("commit", null, new SQLException("could not serialize", "40001"));

        assertThat(translated.getMessage())
                .isEqualTo("Serialization failure: the transaction conflicted with a concurrent transaction; retry it"
                        + " [error id " + errorId(translated)
                        + "]; task: commit; SQLSTATE: 40001; could not serialize");
    }

    @Test
    void unsanitizedCauseIsTheOriginalException() {
        SQLException driverException = new SQLException("boom", "23505");

        assertThat(unsanitized.translate("task", SQL, driverException).getCause())
                .isSameAs(driverException);
    }

    @Test
    void unsanitizedFailureIsLoggedAtDebugAsTheMessage() {
        DataAccessException translated = unsanitized.translate("task", SQL, new SQLException("boom", "23505"));

        assertThat(log.eventFor(errorId(translated)).getLevel()).isEqualTo(Level.DEBUG);
        assertThat(log.eventFor(errorId(translated)).getFormattedMessage()).isEqualTo(translated.getMessage());
    }

    @Test
    void unsanitizedBadSqlGrammarKeepsSqlAndSqlException() {
        PSQLException driverException = syntaxError();
        BadSqlGrammarException translated = (BadSqlGrammarException)
                unsanitized.translate("select", "selec vault_email from vault_account", driverException);

        assertThat(translated.getSql()).isEqualTo("selec vault_email from vault_account");
        assertThat((Throwable) translated.getSQLException()).isSameAs(driverException);
        assertThat(translated.getMessage()).startsWith("Bad SQL grammar: syntax error [error id ");
    }

    @Test
    void unsanitizedUnclassifiedFailureIsSpringsUncategorizedSqlException() {
        SQLException driverException = new SQLException("boom", "XX000");
        DataAccessException translated = unsanitized.translate("task", SQL, driverException);

        assertThat(springType(translated)).isEqualTo(UncategorizedSQLException.class);
        assertThat(((UncategorizedSQLException) translated).getSql()).isEqualTo(SQL);
        assertThat((Throwable) ((UncategorizedSQLException) translated).getSQLException())
                .isSameAs(driverException);
    }

    @Test
    void batchUpdateExceptionTranslatesAsTheFailureInside() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(uniqueViolation());

        assertThat(springType(sanitizing.translate("insert all", SQL, batch))).isEqualTo(DuplicateKeyException.class);
    }

    @Test
    void serverReportDeeperInTheCauseChainDecides() {
        SQLException wrapper = new SQLException("wrapped", "XX000", uniqueViolation());

        assertThat(springType(sanitizing.translate("task", SQL, wrapper))).isEqualTo(DuplicateKeyException.class);
    }

    @Test
    void driverSideStateIsTranslatedToo() {
        PSQLException refused =
                new PSQLException("Connection to db.internal:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT);

        assertSanitized(sanitizing.translate("task", null, refused), CONNECTION_FAILURE, "db.internal", "5432");
    }

    @Test
    void connectionFailureIsTranslatedByTheStateOfItsCause() {
        CannotGetJdbcConnectionException failure = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLException("password authentication failed for user \"vault_user\"", "28P01"));

        DataAccessException translated = sanitizing.translateConnectionFailure(failure);

        assertThat(springType(translated)).isEqualTo(DataAccessResourceFailureException.class);
        assertSanitized(
                translated,
                "Authentication failed: the database rejected the configured user name or password",
                "vault_user");
    }

    @Test
    void connectionFailureWithoutKnownStateIsAConnectionFailure() {
        CannotGetJdbcConnectionException failure = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLException("HikariPool-1 - Connection is not available, request timed out after 30000ms"));

        DataAccessException translated = sanitizing.translateConnectionFailure(failure);

        assertThat(springType(translated)).isEqualTo(DataAccessResourceFailureException.class);
        assertSanitized(translated, CONNECTION_FAILURE, "HikariPool");
    }

    @Test
    void connectionFailureWithoutSqlExceptionIsAConnectionFailure() {
        CannotGetJdbcConnectionException failure = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new IllegalStateException("pool closed"));

        DataAccessException translated = sanitizing.translateConnectionFailure(failure);

        assertSanitized(translated, CONNECTION_FAILURE, "pool closed");
        assertThat(log.textFor(errorId(translated))).contains("task: obtain a JDBC connection", "pool closed");
    }

    @Test
    void unsanitizedConnectionFailureKeepsTheDriverExceptionAsCause() {
        SQLException refused = new SQLException("Connection to db.internal:5432 refused.", "08001");
        DataAccessException translated = unsanitized.translateConnectionFailure(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", refused));

        assertThat(translated.getCause()).isSameAs(refused);
        assertThat(translated.getMessage())
                .isEqualTo(CONNECTION_FAILURE + " [error id " + errorId(translated)
                        + "]; task: obtain a JDBC connection; SQLSTATE: 08001;"
                        + " Connection to db.internal:5432 refused.");
    }

    @Test
    void sanitizedOptimisticLockingFailureNamesOnlyTheKindAndTheErrorId() {
        OptimisticLockingFailureException failure =
                sanitizing.optimisticLockingFailure("update of VaultAccount matched no row", "expected version 3");

        assertSanitized(failure, OPTIMISTIC_LOCKING_FAILURE, "VaultAccount", "version 3");
    }

    @Test
    void sanitizedOptimisticLockingFailureLogsTheDetailButNoValueUnderTheErrorId() {
        OptimisticLockingFailureException failure =
                sanitizing.optimisticLockingFailure("update of VaultAccount matched no row", "expected version 3");
        String errorId = errorId(failure);

        assertThat(log.eventFor(errorId).getLevel()).isEqualTo(Level.WARN);
        assertThat(log.eventFor(errorId).getFormattedMessage())
                .isEqualTo(OPTIMISTIC_LOCKING_FAILURE + " [error id " + errorId + "]; update of VaultAccount matched no"
                        + " row");
    }

    @Test
    void unsanitizedOptimisticLockingFailureAppendsTheDetailAndTheValues() {
        OptimisticLockingFailureException failure =
                unsanitized.optimisticLockingFailure("update of VaultAccount matched no row", "expected version 3");

        assertThat(failure.getMessage())
                .isEqualTo(OPTIMISTIC_LOCKING_FAILURE + " [error id " + errorId(failure)
                        + "]; update of VaultAccount matched no row (expected version 3)");
        assertThat(failure.getCause()).isNull();
    }

    @Test
    void optimisticLockingFailureWithoutValuesAppendsOnlyTheDetail() {
        OptimisticLockingFailureException failure =
                unsanitized.optimisticLockingFailure("updateAll of VaultAccount matched 1 of 2 rows");

        assertThat(failure.getMessage())
                .isEqualTo(OPTIMISTIC_LOCKING_FAILURE + " [error id " + errorId(failure)
                        + "]; updateAll of VaultAccount matched 1 of 2 rows");
    }

    @Test
    void reportsWhetherItSanitizes() {
        assertThat(sanitizing.sanitizing()).isTrue();
        assertThat(unsanitized.sanitizing()).isFalse();
    }

    private static PSQLException uniqueViolation() {
        return serverError("SERROR\0C23505\0Mduplicate key value violates unique constraint \"vault_email_unique\"\0"
                + "DKey (vault_email)=(leaked-value-42) already exists.\0svault\0tvault_account\0"
                + "cvault_email\0nvault_email_unique\0");
    }

    private static PSQLException syntaxError() {
        return serverError("SERROR\0C42601\0Msyntax error at or near \"selec\"\0P1\0");
    }

    private static PSQLException serverError(String fields) {
        return new PSQLException(new ServerErrorMessage(fields));
    }
}
