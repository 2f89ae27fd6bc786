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
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;

/** Grammar and privilege failures provoked on a real PostgreSQL. */
@PostgresTest
class GrammarAndPrivilegeTranslationTest {

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private final DataSource dataSource;
    private final PgExceptionTranslator sanitizing = new PgExceptionTranslator(true);

    GrammarAndPrivilegeTranslationTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeAll
    static void createTable(TestSchema schema) {
        schema.execute(
                "create table vault_secret (vault_code text)", "insert into vault_secret values ('leaked-value-42')");
    }

    @Test
    void syntaxErrorIsASanitizedBadSqlGrammarExceptionWithoutSql() throws SQLException {
        DataAccessException translated = translate("selec vault_code from vault_secret");

        assertThat(springType(translated)).isEqualTo(BadSqlGrammarException.class);
        assertSanitized(translated, "Bad SQL grammar: syntax error", "selec", "vault_code", "vault_secret");
        assertThat(((BadSqlGrammarException) translated).getSql()).isEmpty();
        assertThat(log.textFor(errorId(translated)))
                .contains("SQLSTATE: 42601", "syntax error at or near \"selec\"", "SQL: selec vault_code");
    }

    @Test
    void undefinedTableIsASanitizedBadSqlGrammarException() throws SQLException {
        DataAccessException translated = translate("select vault_code from vault_missing");

        assertThat(springType(translated)).isEqualTo(BadSqlGrammarException.class);
        assertSanitized(translated, "Bad SQL grammar: a table or view does not exist", "vault_missing", "vault_code");
        assertThat(log.textFor(errorId(translated)))
                .contains("SQLSTATE: 42P01", "relation \"vault_missing\" does not exist");
    }

    @Test
    void undefinedColumnIsASanitizedBadSqlGrammarException() throws SQLException {
        DataAccessException translated = translate("select vault_nope from vault_secret");

        assertThat(springType(translated)).isEqualTo(BadSqlGrammarException.class);
        assertSanitized(translated, "Bad SQL grammar: a column does not exist", "vault_nope", "vault_secret");
        assertThat(log.textFor(errorId(translated)))
                .contains("SQLSTATE: 42703", "column \"vault_nope\" does not exist");
    }

    @Test
    void undefinedFunctionIsASanitizedBadSqlGrammarException() throws SQLException {
        DataAccessException translated = translate("select vault_decrypt(vault_code) from vault_secret");

        assertThat(springType(translated)).isEqualTo(BadSqlGrammarException.class);
        assertSanitized(
                translated,
                "Bad SQL grammar: no function or operator matches the name and argument types",
                "vault_decrypt",
                "vault_secret");
    }

    @Test
    void unsanitizedBadSqlGrammarExceptionKeepsTheSql() throws SQLException {
        DataAccessException translated;
        try (Connection connection = dataSource.getConnection()) {
            String sql = "selec vault_code from vault_secret";
            translated = new PgExceptionTranslator(false).translate("vault test", sql, failureOf(connection, sql));
        }

        assertThat(((BadSqlGrammarException) translated).getSql()).isEqualTo("selec vault_code from vault_secret");
        assertThat(translated.getMessage()).contains("syntax error at or near \"selec\"");
    }

    @Test
    void missingPrivilegeIsASanitizedPermissionDeniedException(TestSchema schema) throws SQLException {
        String role = "vault_reader_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        schema.execute(
                "create role " + role + " nologin", "grant usage on schema \"" + schema.name() + "\" to " + role);
        DataAccessException translated;
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "set role " + role);
            try {
                String sql = "select vault_code from vault_secret";
                translated = sanitizing.translate("vault test", sql, failureOf(connection, sql));
            } finally {
                execute(connection, "reset role");
            }
        } finally {
            schema.execute("drop owned by " + role, "drop role " + role);
        }

        assertThat(springType(translated)).isEqualTo(PermissionDeniedDataAccessException.class);
        assertSanitized(
                translated,
                "Permission denied: the database user lacks a privilege this statement needs",
                "vault_secret",
                role);
        assertThat(log.textFor(errorId(translated)))
                .contains("SQLSTATE: 42501", "permission denied for table vault_secret");
    }

    private DataAccessException translate(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return sanitizing.translate("vault test", sql, failureOf(connection, sql));
        }
    }
}
