package io.databridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.fixtures.Note;
import io.databridge.fixtures.User;
import io.databridge.testdb.PostgresTest;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

@PostgresTest
class RawSqlIntegrationTest {

    private final DataBridge db;

    RawSqlIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(User.class, Note.class);
    }

    @BeforeEach
    void seed() {
        db.sql("TRUNCATE users, note RESTART IDENTITY").update();
        db.insertAll(List.of(
                new User("ada@example.com", "Ada", 36),
                new User("grace@example.com", "Grace", 45),
                new User("alan@example.org", "Alan", 41)));
    }

    record NameAndAge(String name, int age) {}

    @Test
    void rowsMapToEntitiesByColumnName() {
        List<User> users = db.sql("SELECT * FROM users WHERE email ILIKE :pattern ORDER BY id")
                .param("pattern", "%@example.com")
                .list(User.class);
        assertThat(users).extracting(user -> user.name).containsExactly("Ada", "Grace");
        assertThat(users.get(0).createdAt).isNotNull();
    }

    @Test
    void rowsMapToRecordsBySnakeCaseComponentNames() {
        List<NameAndAge> rows = db.sql("SELECT age, name FROM users WHERE age > :min ORDER BY age")
                .param("min", 40)
                .list(NameAndAge.class);
        assertThat(rows).containsExactly(new NameAndAge("Alan", 41), new NameAndAge("Grace", 45));
    }

    @Test
    void aSingleColumnMapsToAScalar() {
        assertThat(db.sql("SELECT name FROM users ORDER BY name").list(String.class))
                .containsExactly("Ada", "Alan", "Grace");
        assertThat(db.sql("SELECT max(age) FROM users").one(Integer.class)).isEqualTo(45);
    }

    @Test
    void aCollectionBindsAsOneArrayForAny() {
        assertThat(db.sql("SELECT count(*) FROM users WHERE id = ANY(:ids)")
                        .param("ids", List.of(1L, 3L))
                        .one(Long.class))
                .isEqualTo(2L);
        assertThat(db.sql("SELECT count(*) FROM users WHERE id = ANY(:ids)")
                        .param("ids", List.of())
                        .one(Long.class))
                .isZero();
    }

    @Test
    void updateReturnsTheAffectedRowCount() {
        long changed = db.sql("UPDATE users SET active = false WHERE age > :age")
                .params(Map.of("age", 40))
                .update();
        assertThat(changed).isEqualTo(2);
    }

    @Test
    void firstIsEmptyForNoRowsAndOneInsistsOnExactlyOne() {
        assertThat(db.sql("SELECT name FROM users WHERE age > 100").first(String.class))
                .isEmpty();
        assertThatThrownBy(
                        () -> db.sql("SELECT name FROM users WHERE age > 100").one(String.class))
                .isInstanceOf(EmptyResultDataAccessException.class);
        assertThatThrownBy(() -> db.sql("SELECT name FROM users").one(String.class))
                .isInstanceOf(IncorrectResultSizeDataAccessException.class);
    }

    @Test
    void queriesAreImmutableSoAParameterizedQueryCanBeReused() {
        SqlQuery byAge = db.sql("SELECT name FROM users WHERE age = :age");
        assertThat(byAge.param("age", 36).one(String.class)).isEqualTo("Ada");
        assertThat(byAge.param("age", 45).one(String.class)).isEqualTo("Grace");
        assertThatThrownBy(() -> byAge.list(String.class))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("No value for parameter :age; bind it with param(\"age\", value)");
    }

    @Test
    void anUnknownParameterNameIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.sql("SELECT 1 WHERE 1 = :one").param("two", 2))
                .withMessage("The SQL has no parameter :two; its parameters are [one]");
    }

    @Test
    void aScalarFromSeveralColumnsIsRejectedWithTheFix() {
        assertThatThrownBy(() -> db.sql("SELECT name, age FROM users").list(String.class))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Cannot map rows to java.lang.String: the query returns 2 columns but a scalar result needs"
                        + " exactly one; map to a record");
    }

    @Test
    void aRecordComponentWithoutAColumnIsRejectedWithTheFix() {
        assertThatThrownBy(() -> db.sql("SELECT name FROM users").list(NameAndAge.class))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Cannot map rows to " + NameAndAge.class.getName()
                        + ": the query returns no column named 'age' for component 'age'; alias a column to that name");
    }

    @Test
    void nullBindsAsSqlNull() {
        assertThat(db.sql("SELECT count(*) FROM users WHERE :name::text IS NULL")
                        .param("name", null)
                        .one(Long.class))
                .isEqualTo(3L);
    }
}
