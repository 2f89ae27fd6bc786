package io.databridge.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.fixtures.User;
import io.databridge.fixtures.User_;
import io.databridge.testdb.PostgresTest;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

/** Runs each derived query family on a real PostgreSQL and checks the rows. */
@PostgresTest
class DerivedQueryIntegrationTest {

    private final DataBridge db;
    private final UserRepository users;

    DerivedQueryIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.builder(dataSource).sanitizeErrors(false).build();
        this.users = new PgRepositoryFactory(db).create(UserRepository.class);
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
        User cy = new User("cy_1@x.io", "Cy", null);
        cy.active = false;
        users.insert(cy);
        users.insert(new User("dee@x.io", "ada", 52));
    }

    @Test
    void equalityComparisonsAndBetween() {
        assertThat(users.findByEmail("ada@x.io")).map(u -> u.name).contains("Ada");
        assertThat(users.findByEmail("none@x.io")).isEmpty();
        assertThat(users.getByEmail("none@x.io")).isNull();
        assertThat(names(users.findByAgeGreaterThanOrderByNameAsc(20))).containsExactly("Ada", "ada");
        assertThat(names(users.findByAgeLessThanEqual(36))).containsExactlyInAnyOrder("Ada", "Bob");
        assertThat(names(users.findByAgeBetweenOrderByAgeDesc(17, 40))).containsExactly("Ada", "Bob");
        assertThat(names(users.findByCreatedAtBefore(Instant.now().plusSeconds(60))))
                .hasSize(4);
        assertThat(users.findByCreatedAtAfter(Instant.now().plusSeconds(60))).isEmpty();
        assertThat(names(users.findByNameNot("Ada"))).containsExactlyInAnyOrder("Bob", "Cy", "ada");
    }

    @Test
    void inNotInAndNulls() {
        assertThat(names(users.findByNameIn(List.of("Bob", "Cy")))).containsExactlyInAnyOrder("Bob", "Cy");
        assertThat(users.findByNameIn(List.of())).isEmpty();
        assertThat(names(users.findByAgeNotIn(17, 36))).containsExactly("ada");
        assertThat(users.findByAgeNotIn()).hasSize(4);
        assertThat(names(users.findByAgeIsNull())).containsExactly("Cy");
        assertThat(users.findByAgeIsNotNull()).hasSize(3);
    }

    @Test
    void textKeywordsMatchLiterally() {
        assertThat(names(users.findByNameLike("A%"))).containsExactly("Ada");
        assertThat(names(users.findByNameNotLike("A%"))).containsExactlyInAnyOrder("Bob", "Cy", "ada");
        assertThat(names(users.findByEmailStartingWith("cy_"))).containsExactly("Cy");
        assertThat(users.findByEmailStartingWith("c_")).isEmpty();
        assertThat(names(users.findByEmailEndingWith(".org"))).containsExactly("Bob");
        assertThat(names(users.findByNameContaining("d"))).containsExactlyInAnyOrder("Ada", "ada");
        assertThat(names(users.findByNameNotContaining("d"))).containsExactlyInAnyOrder("Bob", "Cy");
        assertThat(names(users.findByNameRegex("^[AB]"))).containsExactlyInAnyOrder("Ada", "Bob");
    }

    @Test
    void ignoreCase() {
        assertThat(names(users.findByNameIgnoreCase("ADA"))).containsExactlyInAnyOrder("Ada", "ada");
        assertThat(names(users.findByNameContainingIgnoreCase("D"))).containsExactlyInAnyOrder("Ada", "ada");
        assertThat(names(users.findByNameAndEmailAllIgnoreCase("ADA", "ADA@X.IO")))
                .containsExactly("Ada");
    }

    @Test
    void booleansAndJunctions() {
        assertThat(users.findByActiveTrue()).hasSize(3);
        assertThat(names(users.findByActiveFalse())).containsExactly("Cy");
        assertThat(names(users.findByNameOrAgeGreaterThan("Bob", 40))).containsExactlyInAnyOrder("Bob", "ada");
        assertThat(names(users.findByActiveTrueAndAgeLessThanOrNameStartingWith(18, "C")))
                .containsExactlyInAnyOrder("Bob", "Cy");
    }

    @Test
    void topFirstAndDistinct() {
        assertThat(users.findFirstByOrderByAgeDesc()).map(u -> u.name).contains("Cy"); // NULL sorts first descending
        assertThat(names(users.findTop2ByActiveTrueOrderByAgeAsc())).containsExactly("Bob", "Ada");
        assertThat(users.findDistinctByActiveTrue()).hasSize(3);
        users.insert(new User("ada2@x.io", "Ada", 20));
        assertThat(users.findDistinctNameByActiveTrueOrderByNameAsc())
                .containsExactly(
                        new UserRepository.NameOnly("Ada"),
                        new UserRepository.NameOnly("Bob"),
                        new UserRepository.NameOnly("ada"));
    }

    @Test
    void singleResultWithTwoRowsFails() {
        assertThat(users.findByName("Bob").email).isEqualTo("bob@y.org");
        users.insert(new User("bob2@y.org", "Bob", 1));
        assertThatThrownBy(() -> users.findByName("Bob"))
                .isInstanceOf(IncorrectResultSizeDataAccessException.class)
                .hasMessage("The query returned 2 rows; at most one was expected");
    }

    @Test
    void sortParameterProjectsAndOrders() {
        assertThat(users.findByAgeGreaterThan(0, Sort.by(Sort.Order.desc("name").ignoreCase(), Sort.Order.asc("age"))))
                .containsExactly(
                        new UserRepository.NameAndAge("Bob", 17),
                        new UserRepository.NameAndAge("Ada", 36),
                        new UserRepository.NameAndAge("ada", 52));
    }

    @Test
    void unknownSortKeyNeverReachesSql() {
        assertThatThrownBy(() -> users.findByAgeGreaterThan(0, Sort.by("name;DROP TABLE users")))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Cannot sort User by 'name;DROP TABLE users': it has no such property; sort by one of"
                        + " [id, email, name, age, active, version, createdAt, updatedAt]");
    }

    @Test
    void pagesCountTheTotalAndSlicesReadOneMore() {
        Page<User> page = users.findByActive(true, PageRequest.of(0, 2, Sort.by("name")));
        assertThat(names(page.getContent())).containsExactly("Ada", "Bob");
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getTotalPages()).isEqualTo(2);
        Page<User> last = users.findByActive(true, PageRequest.of(1, 2));
        assertThat(names(last.getContent())).containsExactly("ada");
        assertThat(last.getTotalElements()).isEqualTo(3);

        Slice<User> first = users.findSliceByActive(true, PageRequest.of(0, 2, Sort.by("name")));
        assertThat(first.hasNext()).isTrue();
        assertThat(first.getContent()).hasSize(2);
        assertThat(users.findSliceByActive(true, PageRequest.of(1, 2)).hasNext())
                .isFalse();

        Page<UserRepository.NameAndAge> projected =
                users.findProjectedByActiveTrue(PageRequest.of(0, 1, Sort.by("age")));
        assertThat(projected.getContent()).containsExactly(new UserRepository.NameAndAge("Bob", 17));
        assertThat(projected.getTotalElements()).isEqualTo(3);
    }

    @Test
    void streamsAreCloseable() {
        try (Stream<User> stream = users.streamByActiveTrueOrderByIdAsc()) {
            assertThat(stream.map(u -> u.name)).containsExactly("Ada", "Bob", "ada");
        }
    }

    @Test
    void countExistsAndDelete() {
        assertThat(users.countByAgeLessThan(40)).isEqualTo(2);
        assertThat(users.countByActiveTrue()).isEqualTo(3);
        assertThat(users.existsByEmail("bob@y.org")).isTrue();
        assertThat(users.existsByEmail("none")).isFalse();
        assertThat(users.deleteByActiveFalse()).isEqualTo(1);
        users.deleteByEmail("bob@y.org");
        assertThat(names(users.removeByAgeGreaterThan(40))).containsExactly("ada");
        assertThat(names(users.findAll())).containsExactly("Ada");
    }

    @Test
    void queryStartsTheDslOnTheEntity() {
        assertThat(names(users.query()
                        .where(User_.age.gt(20))
                        .orderBy(User_.age.desc())
                        .list()))
                .containsExactly("ada", "Ada");
    }

    private static List<String> names(List<User> rows) {
        return rows.stream().map(u -> u.name).toList();
    }
}
