package io.databridge.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.fixtures.User;
import io.databridge.testdb.PostgresTest;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

/** Interface projections from raw SQL, {@code @Query} methods and derived queries, on a real PostgreSQL. */
@PostgresTest
class InterfaceProjectionIntegrationTest {

    /** A projection with a bean accessor, a record-style accessor and a default method. */
    public interface UserView {
        Long getId();

        String email();

        default String label() {
            return getId() + ":" + email();
        }
    }

    /** A projection of a boolean, a nullable number and a timestamp. */
    public interface UserStatus {
        String getName();

        boolean isActive();

        Integer getAge();

        Instant getCreatedAt();
    }

    /** A projection with a primitive accessor. */
    public interface PrimitiveAge {
        int getAge();
    }

    /** A repository returning interface projections from {@code @Query} and derived methods. */
    public interface ViewRepository extends PgRepository<User, Long> {

        @Query("SELECT id, email FROM users ORDER BY id")
        List<UserView> views();

        @Query("SELECT id, email FROM users WHERE email = :email")
        Optional<UserView> viewByEmail(@Param("email") String email);

        @Query("SELECT * FROM users WHERE active")
        Page<UserStatus> activeStatuses(Pageable pageable);

        @Query("SELECT id FROM users")
        List<UserView> withoutEmail();

        List<UserView> findByActiveTrueOrderByIdAsc();

        Optional<UserView> findByEmail(String email);

        Page<UserStatus> findByActive(boolean active, Pageable pageable);

        Slice<UserStatus> findSliceByActiveTrue(Pageable pageable);

        Stream<UserView> streamByActiveTrueOrderByIdAsc();

        List<UserStatus> findByAgeGreaterThan(int age, Sort sort);

        List<PrimitiveAge> findByNameOrderByIdAsc(String name);
    }

    private final DataBridge db;
    private final ViewRepository users;

    InterfaceProjectionIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.builder(dataSource).sanitizeErrors(false).build();
        this.users = new PgRepositoryFactory(db).create(ViewRepository.class);
    }

    @BeforeAll
    static void createTable(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(User.class);
    }

    @BeforeEach
    void fill() {
        db.sql("TRUNCATE users RESTART IDENTITY").update();
        users.insert(new User("ada@x.io", "Ada", 36));
        users.insert(new User("bob@y.org", "Bob", 17));
        User cy = new User("cy@x.io", "Cy", null);
        cy.active = false;
        users.insert(cy);
    }

    @Test
    void rawSqlMapsColumnsToAccessorsBySnakeCaseName() {
        List<UserStatus> rows = db.sql("SELECT name, active, age, created_at FROM users ORDER BY id")
                .list(UserStatus.class);
        assertThat(rows).extracting(UserStatus::getName).containsExactly("Ada", "Bob", "Cy");
        assertThat(rows).extracting(UserStatus::isActive).containsExactly(true, true, false);
        assertThat(rows).extracting(UserStatus::getAge).containsExactly(36, 17, null);
        assertThat(rows.get(0).getCreatedAt()).isNotNull();
    }

    @Test
    void rawSqlMatchesTheExactLabelCaseInsensitively() {
        UserView view = db.sql("SELECT id AS \"ID\", email AS \"Email\" FROM users WHERE id = 1")
                .one(UserView.class);
        assertThat(view.label()).isEqualTo("1:ada@x.io");
        assertThat(view)
                .hasToString("UserView[email=ada@x.io, id=1]")
                .isEqualTo(users.views().get(0));
    }

    @Test
    void rawSqlWithoutAColumnForAnAccessorNamesIt() {
        assertThatThrownBy(() -> db.sql("SELECT id FROM users").list(UserView.class))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Cannot map rows to " + UserView.class.getName()
                        + ": the query returns no column named 'email' for accessor email(); alias a column to that"
                        + " name");
    }

    @Test
    void rawSqlRejectsNullForAPrimitiveAccessor() {
        assertThatThrownBy(
                        () -> db.sql("SELECT age FROM users WHERE name = 'Cy'").list(PrimitiveAge.class))
                .isInstanceOf(DataRetrievalFailureException.class)
                .hasMessage("Cannot map NULL to " + PrimitiveAge.class.getName()
                        + ".getAge() of primitive type int: use the wrapper type");
    }

    @Test
    void queryMethodsReturnProjections() {
        assertThat(users.views()).extracting(UserView::label).containsExactly("1:ada@x.io", "2:bob@y.org", "3:cy@x.io");
        assertThat(users.viewByEmail("bob@y.org")).map(UserView::getId).contains(2L);
        assertThat(users.viewByEmail("none@x.io")).isEmpty();
        Page<UserStatus> page =
                users.activeStatuses(PageRequest.of(0, 1, Sort.by("name").descending()));
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(page.getContent()).extracting(UserStatus::getName).containsExactly("Bob");
    }

    @Test
    void queryMethodWithoutAColumnForAnAccessorFailsOnTheCall() {
        assertThatThrownBy(users::withoutEmail)
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("no column named 'email' for accessor email()");
    }

    @Test
    void derivedListSelectsOnlyTheProjectedColumns() {
        assertThat(users.findByActiveTrueOrderByIdAsc())
                .extracting(UserView::label)
                .containsExactly("1:ada@x.io", "2:bob@y.org");
        assertThat(compiled("findByActiveTrueOrderByIdAsc").toSql(new Object[0]).sql())
                .isEqualTo("SELECT \"email\", \"id\" FROM \"users\" WHERE \"active\" IS TRUE ORDER BY \"id\" ASC");
    }

    @Test
    void derivedOptional() {
        assertThat(users.findByEmail("cy@x.io")).map(UserView::getId).contains(3L);
        assertThat(users.findByEmail("none@x.io")).isEmpty();
    }

    @Test
    void derivedPageAndSlice() {
        Page<UserStatus> page = users.findByActive(true, PageRequest.of(0, 1, Sort.by("age")));
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(page.getContent()).extracting(UserStatus::getName).containsExactly("Bob");
        assertThat(page.getContent().get(0).isActive()).isTrue();
        Slice<UserStatus> slice = users.findSliceByActiveTrue(PageRequest.of(1, 1, Sort.by("name")));
        assertThat(slice.getContent()).extracting(UserStatus::getName).containsExactly("Bob");
        assertThat(slice.hasNext()).isFalse();
    }

    @Test
    void derivedStream() {
        try (Stream<UserView> views = users.streamByActiveTrueOrderByIdAsc()) {
            assertThat(views.map(UserView::email)).containsExactly("ada@x.io", "bob@y.org");
        }
    }

    @Test
    void derivedWithDynamicSort() {
        assertThat(users.findByAgeGreaterThan(10, Sort.by("age").descending()))
                .extracting(UserStatus::getName)
                .containsExactly("Ada", "Bob");
    }

    @Test
    void derivedRejectsNullForAPrimitiveAccessor() {
        assertThatThrownBy(() -> users.findByNameOrderByIdAsc("Cy"))
                .isInstanceOf(DataRetrievalFailureException.class)
                .hasMessageContaining(".getAge() of primitive type int: use the wrapper type");
        assertThat(users.findByNameOrderByIdAsc("Ada"))
                .extracting(PrimitiveAge::getAge)
                .containsExactly(36);
    }

    private DerivedQueryInvoker.DerivedQuery compiled(String name) {
        Method method = Arrays.stream(ViewRepository.class.getMethods())
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow();
        RepositoryInvocationHandler handler = (RepositoryInvocationHandler) Proxy.getInvocationHandler(users);
        return (DerivedQueryInvoker.DerivedQuery) handler.invoker(method);
    }
}
