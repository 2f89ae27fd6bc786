package io.databridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.fixtures.User;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.testdb.PostgresTest;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** Nothing raw escapes the engine, failed writes leave nothing behind, and the engine stays usable. */
@PostgresTest
class FailureContainmentIntegrationTest {

    private final DataBridge db;

    FailureContainmentIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @Table
    record Picky(@Id Long id, String name) {
        Picky {
            if ("bad".equals(name)) {
                throw new IllegalStateException("refused");
            }
        }
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(User.class, Picky.class);
    }

    @BeforeEach
    void emptyTables() {
        db.sql("TRUNCATE users, picky").update();
    }

    @Test
    void aThrowingConstructorBecomesAMappingExceptionNamingTheEntity() {
        db.sql("INSERT INTO picky VALUES (1, 'bad')").update();
        assertThatThrownBy(() -> db.findById(Picky.class, 1L))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot create " + Picky.class.getName()
                        + ": its constructor threw java.lang.IllegalStateException")
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueTheCodecRejectsNamesTheEntityAndPropertyAndWritesNothing() {
        User user = new User("nul@example.com", "a\u0000b", 1);
        assertThatThrownBy(() -> db.insert(user))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageStartingWith("Cannot bind " + User.class.getName() + ".name (String): ")
                .hasMessageContaining("NUL");
        assertThat(db.sql("SELECT count(*) FROM users").one(Long.class)).isZero();
    }

    @Test
    void sanitizedConstraintViolationsLeakNoTableColumnConstraintOrValue() {
        db.insert(new User("secret@example.com", "One", 1));
        assertThatThrownBy(() -> db.insert(new User("secret@example.com", "Two", 2)))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(ex -> {
                    assertThat(ex.getMessage())
                            .doesNotContain("users")
                            .doesNotContain("email")
                            .doesNotContain("secret")
                            .doesNotContain("users_email_key");
                    assertThat(causes(ex)).noneMatch(SQLException.class::isInstance);
                });
    }

    @Test
    void theEngineStaysUsableAfterManyFailuresBecauseNoConnectionLeaks() {
        db.insert(new User("dup@example.com", "One", 1));
        for (int i = 0; i < 25; i++) {
            assertThatThrownBy(() -> db.insert(new User("dup@example.com", "Again", 1)))
                    .isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> db.sql("SELECT * FROM no_such_table").list(User.class))
                    .isInstanceOf(DataAccessException.class);
            db.sql("INSERT INTO picky VALUES (:id, 'bad')")
                    .param("id", (long) i)
                    .update();
            long id = i;
            assertThatThrownBy(() -> db.findById(Picky.class, id)).isInstanceOf(DataAccessException.class);
        }
        assertThat(db.sql("SELECT count(*) FROM users").one(Long.class)).isEqualTo(1L);
    }

    @Test
    void nullArgumentsAreIllegalArgumentsNotNullPointers() {
        assertThatThrownBy(() -> db.insert(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entity must not be null");
        assertThatThrownBy(() -> db.findById(null, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entity type must not be null");
        assertThatThrownBy(() -> db.findById(User.class, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id of " + User.class.getName() + " must not be null");
        assertThatThrownBy(() -> db.insertAll(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.sql(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SQL text must not be blank");
        assertThatThrownBy(() -> db.sql("SELECT 1").list(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachableServerIsASanitizedResourceFailureNamingNoHostOrUser() {
        DataBridge unreachable = DataBridge.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/secretdb?connectTimeout=2", "secretuser", "secretpassword"));
        assertThatThrownBy(() -> unreachable.findById(User.class, 1L))
                .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class)
                .satisfies(ex -> {
                    assertThat(ex.getMessage())
                            .startsWith("Connection failure: ")
                            .doesNotContain("127.0.0.1")
                            .doesNotContain("secretdb")
                            .doesNotContain("secretuser")
                            .doesNotContain("secretpassword");
                    assertThat(causes(ex)).noneMatch(SQLException.class::isInstance);
                });
    }

    private static java.util.List<Throwable> causes(Throwable ex) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = ex; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
