package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databridge.DataBridge;
import io.databridge.error.HasErrorId;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * PostgreSQL quotes the value a conversion rejects in its primary message; with sanitizing on, that value reaches
 * neither the exception nor any log line, while the SQLSTATE, the error id and the statement shape stay in the log.
 */
@PostgresTest
class SanitizedServerMessageTest {

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final DataBridge db;

    SanitizedServerMessageTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @BeforeAll
    static void createEnumAndFunction(TestSchema schema) {
        schema.execute(
                "CREATE TYPE mood AS ENUM ('happy', 'sad')",
                // A function that refuses its argument with a SQLSTATE of the caller's choice, quoting the argument in
                // its message (double quotes), its hint (single quotes) and its detail, as application functions do.
                "CREATE FUNCTION refuse(v text, state text) RETURNS int LANGUAGE plpgsql AS $$ BEGIN"
                        + " RAISE EXCEPTION 'refused \"%\" for now', v USING ERRCODE = state,"
                        + " HINT = format('use another value than ''%s''', v), DETAIL = 'value ' || v; END $$");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "vault-canary-uuid|uuid|22P02",
                "vault-canary-date|date|22007",
                "2024-02-30 10:00|timestamp|22008",
                "987654321987654|integer|22003",
                "vault-canary-mood|mood|22P02",
                "vault\" canary \"quoted|uuid|22P02",
            })
    void aRejectedValueIsInNoLogLineAndNoException(String value, String type, String sqlState) {
        Throwable thrown = catchThrowable(() -> db.sql("SELECT CAST(:value AS " + type + ")")
                .param("value", value)
                .list(String.class));

        assertThat(thrown).isInstanceOf(DataIntegrityViolationException.class);
        String errorId = ((HasErrorId) thrown).errorId();
        List<String> logged = log.linesWith(errorId);
        assertThat(logged).singleElement().asString().contains("SQLSTATE: " + sqlState, "SELECT CAST(? AS " + type);
        String canary = value.contains("vault") ? "vault" : value;
        assertThat(log.lines()).noneMatch(line -> line.contains(canary));
        Chains.assertSanitizedFailure(thrown, DataIntegrityViolationException.class, canary);
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    // Not 0A000 or 57P0x: HikariCP logs the driver's own message when a statement fails with those (it marks the
    // connection broken), which data-bridge does not control; see docs/security.md.
    @ValueSource(strings = {"55000", "42000", "40001", "57000", "23505", "22P02", "P0001"})
    void aValueQuotedInTheMessageHintOrDetailOfAnySqlStateIsInNoLogLineAndNoException(String sqlState) {
        String value = "vault-canary-" + sqlState;

        Throwable thrown = catchThrowable(() -> db.sql("SELECT refuse(:value, :state)")
                .param("value", value)
                .param("state", sqlState)
                .one(Integer.class));

        assertThat(thrown).isInstanceOf(DataAccessException.class);
        String errorId = ((HasErrorId) thrown).errorId();
        assertThat(log.linesWith(errorId))
                .singleElement()
                .asString()
                .contains(
                        "SQLSTATE: " + sqlState,
                        "refused \"?\" for now",
                        "hint: use another value than \"?\"",
                        "where: PL/pgSQL function refuse(text,text)",
                        "SELECT refuse(?, ?)");
        assertThat(log.lines()).noneMatch(line -> line.contains("vault"));
        Chains.assertSanitizedFailure(thrown, DataAccessException.class, "vault");
    }
}
