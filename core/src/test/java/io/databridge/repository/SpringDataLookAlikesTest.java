package io.databridge.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.fixtures.User;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.Table;
import io.databridge.testdb.PostgresTest;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spring Data's annotations that IDEs offer next to data-bridge's: {@code @Param} means the same and is honoured; the
 * others fail naming the annotation that was imported and data-bridge's.
 */
@PostgresTest
class SpringDataLookAlikesTest {

    private final DataBridge db;

    SpringDataLookAlikesTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @BeforeAll
    static void createTable(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(User.class);
    }

    interface SpringDataParam extends PgRepository<User, Long> {
        @Query("SELECT * FROM users WHERE name = :source ORDER BY id")
        List<User> named(@org.springframework.data.repository.query.Param("source") String src);
    }

    interface SpringDataQuery extends PgRepository<User, Long> {
        @org.springframework.data.jdbc.repository.query.Query("SELECT * FROM users")
        List<User> everyone();
    }

    @Table(name = "users")
    static class SpringDataId {
        @org.springframework.data.annotation.Id
        Long id;

        String name;
    }

    @Table(name = "users")
    static class SpringDataTransient {
        @io.databridge.mapping.Id
        Long id;

        @org.springframework.data.annotation.Transient
        String scratch;
    }

    @Table(name = "users")
    record SpringDataVersion(
            @io.databridge.mapping.Id Long id,
            @org.springframework.data.annotation.Version long version) {}

    @Test
    void springDataParamIsHonoured() {
        db.sql("TRUNCATE users RESTART IDENTITY").update();
        SpringDataParam users = new PgRepositoryFactory(db).create(SpringDataParam.class);
        users.insert(new User("ada@x.io", "Ada", 36));
        users.insert(new User("bob@y.org", "Bob", 17));
        assertThat(users.named("Ada")).extracting(user -> user.email).containsExactly("ada@x.io");
    }

    @Test
    void springDataQueryIsRejectedWithTheOneToImport() {
        assertThatThrownBy(() -> new PgRepositoryFactory(db).create(SpringDataQuery.class))
                .isInstanceOf(RepositoryDefinitionException.class)
                .hasMessageEndingWith("everyone(): it is annotated with"
                        + " org.springframework.data.jdbc.repository.query.Query, which data-bridge does not read;"
                        + " import io.databridge.repository.Query instead");
    }

    @Test
    void springDataIdIsRejectedWithTheOneToImport() {
        assertThatThrownBy(() -> db.findById(SpringDataId.class, 1L))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + SpringDataId.class.getName() + ".id: it is annotated with"
                        + " org.springframework.data.annotation.Id, which data-bridge does not read; import"
                        + " io.databridge.mapping.Id instead");
    }

    @Test
    void springDataTransientIsRejectedWithTheOneToImport() {
        assertThatThrownBy(() -> db.findById(SpringDataTransient.class, 1L))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + SpringDataTransient.class.getName() + ".scratch: it is annotated with"
                        + " org.springframework.data.annotation.Transient, which data-bridge does not read; import"
                        + " io.databridge.mapping.Transient instead");
    }

    @Test
    void springDataVersionIsRejectedWithTheOneToImport() {
        assertThatThrownBy(() -> db.findById(SpringDataVersion.class, 1L))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + SpringDataVersion.class.getName() + ".version: it is annotated with"
                        + " org.springframework.data.annotation.Version, which data-bridge does not read; import"
                        + " io.databridge.mapping.Version instead");
    }
}
