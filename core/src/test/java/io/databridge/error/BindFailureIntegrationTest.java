package io.databridge.error;

import static io.databridge.error.Failures.errorId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.databridge.DataBridge;
import io.databridge.mapping.Enumerated;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import io.databridge.types.EnumType;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * A value PostgreSQL cannot read as its parameter's type while binding it (here an enum constant the database type
 * lacks): the failure says a bind failed and at which parameter, never the value.
 */
@PostgresTest
class BindFailureIntegrationTest {

    enum Mood {
        HAPPY,
        FURIOUS
    }

    @Table(name = "diary")
    record Diary(
            @Id @GeneratedValue @Nullable Long id,
            String title,
            @Enumerated(EnumType.POSTGRES) Mood mood) {}

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private final DataSource dataSource;

    BindFailureIntegrationTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeAll
    static void createTable(TestSchema schema) {
        schema.execute(
                "drop table if exists diary",
                "drop type if exists mood",
                "create type mood as enum ('HAPPY')",
                "create table diary (id bigserial primary key, title text not null, mood mood not null)");
    }

    @Test
    void aSanitizedBindFailureNamesTheParameterPositionAndNoValue() {
        DataBridge db = DataBridge.create(dataSource);

        DataIntegrityViolationException failure = catchThrowableOfType(
                DataIntegrityViolationException.class, () -> db.insert(new Diary(null, "monday", Mood.FURIOUS)));

        assertThat(failure.getMessage())
                .isEqualTo("Bind failed: the value bound to parameter 2 cannot be read as the parameter's type"
                        + " [error id " + errorId(failure) + "]");
        assertThat(log.textFor(errorId(failure)))
                .contains("Bind failed: the value bound to parameter 2", "SQLSTATE: 22P02")
                .doesNotContain("FURIOUS");
    }

    @Test
    void anUnsanitizedBindFailureAlsoNamesThePosition() {
        DataBridge db = DataBridge.builder(dataSource).sanitizeErrors(false).build();

        DataIntegrityViolationException failure = catchThrowableOfType(
                DataIntegrityViolationException.class, () -> db.insert(new Diary(null, "tuesday", Mood.FURIOUS)));

        assertThat(failure.getMessage())
                .startsWith("Bind failed: the value bound to parameter 2 cannot be read as the parameter's type"
                        + " [error id " + errorId(failure) + "]; task: insert Diary; SQLSTATE: 22P02");
    }
}
