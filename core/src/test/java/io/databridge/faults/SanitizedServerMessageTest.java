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
    static void createEnum(TestSchema schema) {
        schema.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')");
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
}
