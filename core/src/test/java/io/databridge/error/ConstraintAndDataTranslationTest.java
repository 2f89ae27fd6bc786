package io.databridge.error;

import static io.databridge.error.Failures.assertSanitized;
import static io.databridge.error.Failures.errorId;
import static io.databridge.error.Failures.springType;
import static io.databridge.error.Statements.execute;
import static io.databridge.error.Statements.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

/** Constraint violations and data exceptions provoked on a real PostgreSQL. */
@PostgresTest
class ConstraintAndDataTranslationTest {

    private static final String VALUE = "leaked-value-42";

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private final DataSource dataSource;
    private final PgExceptionTranslator sanitizing = new PgExceptionTranslator(true);
    private final PgExceptionTranslator unsanitized = new PgExceptionTranslator(false);

    ConstraintAndDataTranslationTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeAll
    static void createTables(TestSchema schema) {
        schema.execute(
                "create table vault_account (id bigint primary key,"
                        + " vault_email text not null constraint vault_email_unique unique,"
                        + " vault_amount integer constraint vault_amount_non_negative check (vault_amount >= 0),"
                        + " vault_small smallint)",
                "create table vault_transfer (id bigint primary key,"
                        + " vault_account_id bigint constraint vault_transfer_account_fk references vault_account (id))",
                "insert into vault_account (id, vault_email, vault_amount) values (1, '" + VALUE + "', 10)");
    }

    @Test
    void uniqueViolationIsASanitizedDuplicateKeyException() throws SQLException {
        DataAccessException translated =
                translate(sanitizing, "insert into vault_account (id, vault_email) values (?, ?)", 2, VALUE);

        assertThat(translated).isInstanceOf(DuplicateKeyException.class);
        assertSanitized(
                translated,
                "Duplicate key: a row with the same unique key already exists",
                "vault_account",
                "vault_email",
                "vault_email_unique",
                VALUE);
    }

    @Test
    void uniqueViolationIsLoggedUnderTheErrorIdWithoutTheRowValue() throws SQLException {
        DataAccessException translated =
                translate(sanitizing, "insert into vault_account (id, vault_email) values (?, ?)", 2, VALUE);

        assertThat(log.textFor(errorId(translated)))
                .contains(
                        "SQLSTATE: 23505",
                        "constraint: vault_email_unique",
                        "table: vault_account",
                        "SQL: insert into vault_account (id, vault_email) values (?, ?)")
                .doesNotContain(VALUE);
    }

    @Test
    void unsanitizedUniqueViolationNamesConstraintAndValueAndKeepsTheDriverException() throws SQLException {
        DataAccessException translated =
                translate(unsanitized, "insert into vault_account (id, vault_email) values (?, ?)", 2, VALUE);

        assertThat(translated).isInstanceOf(DuplicateKeyException.class);
        assertThat(translated.getMessage())
                .startsWith("Duplicate key: a row with the same unique key already exists [error id "
                        + errorId(translated) + "]; task: vault test; SQLSTATE: 23505; ERROR: duplicate key value")
                .contains("vault_email_unique", "Key (vault_email)=(" + VALUE + ") already exists");
        assertThat(translated.getCause()).isInstanceOf(PSQLException.class);
    }

    @Test
    void notNullViolationIsASanitizedDataIntegrityViolation() throws SQLException {
        DataAccessException translated =
                translate(sanitizing, "insert into vault_account (id, vault_email) values (?, null)", 3);

        assertThat(springType(translated)).isEqualTo(DataIntegrityViolationException.class);
        assertSanitized(
                translated,
                "Not-null constraint violated: a required value is missing",
                "vault_account",
                "vault_email");
        assertThat(log.textFor(errorId(translated))).contains("SQLSTATE: 23502", "column: vault_email");
    }

    @Test
    void foreignKeyViolationIsASanitizedDataIntegrityViolation() throws SQLException {
        DataAccessException translated =
                translate(sanitizing, "insert into vault_transfer (id, vault_account_id) values (?, ?)", 1, 424242);

        assertThat(springType(translated)).isEqualTo(DataIntegrityViolationException.class);
        assertSanitized(
                translated,
                "Foreign key constraint violated: the referenced row does not exist or is still referenced",
                "vault_transfer",
                "vault_account",
                "vault_transfer_account_fk",
                "424242");
        assertThat(log.textFor(errorId(translated)))
                .contains("SQLSTATE: 23503", "vault_transfer_account_fk")
                .doesNotContain("424242");
    }

    @Test
    void checkViolationIsASanitizedDataIntegrityViolation() throws SQLException {
        DataAccessException translated = translate(
                sanitizing,
                "insert into vault_account (id, vault_email, vault_amount) values (?, ?, ?)",
                4,
                "check@example.com",
                -5);

        assertThat(springType(translated)).isEqualTo(DataIntegrityViolationException.class);
        assertSanitized(
                translated,
                "Check constraint violated: a value is not allowed by a check constraint",
                "vault_account",
                "vault_amount",
                "vault_amount_non_negative",
                "check@example.com");
        assertThat(log.textFor(errorId(translated))).contains("SQLSTATE: 23514", "vault_amount_non_negative");
    }

    @Test
    void divisionByZeroIsASanitizedDataIntegrityViolation() throws SQLException {
        DataAccessException translated =
                translate(sanitizing, "update vault_account set vault_amount = vault_amount / ? where id = 1", 0);

        assertThat(springType(translated)).isEqualTo(DataIntegrityViolationException.class);
        assertSanitized(translated, "Invalid data: division by zero", "vault_account", "vault_amount");
        assertThat(log.textFor(errorId(translated))).contains("SQLSTATE: 22012", "division by zero");
    }

    @Test
    void numericOverflowIsASanitizedDataIntegrityViolation() throws SQLException {
        DataAccessException translated =
                translate(sanitizing, "update vault_account set vault_small = ? where id = 1", 70000);

        assertThat(springType(translated)).isEqualTo(DataIntegrityViolationException.class);
        assertSanitized(
                translated,
                "Invalid data: a numeric value is out of range for its type",
                "vault_account",
                "vault_small",
                "70000");
        assertThat(log.textFor(errorId(translated))).contains("SQLSTATE: 22003", "smallint out of range");
    }

    @Test
    void invalidTextRepresentationIsASanitizedDataIntegrityViolation() throws SQLException {
        DataAccessException translated = translate(
                sanitizing,
                "insert into vault_account (id, vault_email, vault_amount) values (5, 'x', '" + VALUE + "')");

        assertThat(springType(translated)).isEqualTo(DataIntegrityViolationException.class);
        assertSanitized(
                translated,
                "Invalid data: a value cannot be read as the required type",
                "vault_account",
                "vault_amount",
                VALUE);
        // The value the server quotes is redacted; this statement inlines it in its SQL text, which is logged.
        assertThat(log.textFor(errorId(translated)))
                .contains("SQLSTATE: 22P02", "invalid input syntax for type integer: \"?\"; SQL: ");
    }

    @Test
    void writeInReadOnlyTransactionIsASanitizedInvalidResourceUsage() throws SQLException {
        DataAccessException translated;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "set transaction read only");
                String sql = "insert into vault_account (id, vault_email) values (6, 'read-only@example.com')";
                translated = sanitizing.translate("vault test", sql, failureOf(connection, sql));
            } finally {
                connection.rollback();
            }
        }

        assertThat(springType(translated)).isEqualTo(InvalidDataAccessResourceUsageException.class);
        assertSanitized(
                translated,
                "Read-only transaction: the statement writes in a read-only transaction or on a read-only server",
                "vault_account",
                "read-only@example.com");
        assertThat(log.textFor(errorId(translated))).contains("SQLSTATE: 25006", "read-only transaction");
    }

    @Test
    void statementAfterAFailureInTheSameTransactionIsASanitizedInvalidResourceUsage() throws SQLException {
        DataAccessException translated;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                failureOf(connection, "insert into vault_account (id, vault_email) values (1, 'again@example.com')");
                String sql = "select vault_email from vault_account";
                translated = sanitizing.translate("vault test", sql, failureOf(connection, sql));
            } finally {
                connection.rollback();
            }
        }

        assertThat(springType(translated)).isEqualTo(InvalidDataAccessResourceUsageException.class);
        assertSanitized(
                translated,
                "Transaction aborted: an earlier statement in this transaction failed; roll back before running more",
                "vault_account");
    }

    private DataAccessException translate(PgExceptionTranslator translator, String sql, Object... values)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return translator.translate("vault test", sql, failureOf(connection, sql, values));
        }
    }
}
