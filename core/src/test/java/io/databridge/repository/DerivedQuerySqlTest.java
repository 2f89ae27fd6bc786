package io.databridge.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.query.Purchase;
import io.databridge.query.SqlStatement;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Pins the SQL and binds each derived query method compiles to; nothing here touches a database. */
class DerivedQuerySqlTest {

    static final String USER =
            "SELECT \"id\", \"email\", \"name\", \"age\", \"active\", \"version\", \"created_at\", \"updated_at\""
                    + " FROM \"users\"";

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));
    private final UserRepository users = new PgRepositoryFactory(db).create(UserRepository.class);

    @Test
    void equalityAndComparisons() {
        assertSql("findByEmail", List.of("a@x.io"), USER + " WHERE \"email\" = ? LIMIT ?", "a@x.io", 2);
        assertSql("getByEmail", List.of("a@x.io"), USER + " WHERE \"email\" = ? LIMIT ?", "a@x.io", 2);
        assertSql(
                "findByAgeGreaterThanOrderByNameAsc",
                List.of(30),
                USER + " WHERE \"age\" > ? ORDER BY \"name\" ASC",
                30);
        assertSql("findByAgeLessThanEqual", List.of(30), USER + " WHERE \"age\" <= ?", 30);
        assertSql(
                "findByAgeGreaterThanEqualAndAgeLessThan",
                List.of(20, 30),
                USER + " WHERE \"age\" >= ? AND \"age\" < ?",
                20,
                30);
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        assertSql("findByCreatedAtBefore", List.of(at), USER + " WHERE \"created_at\" < ?", at);
        assertSql("findByCreatedAtAfter", List.of(at), USER + " WHERE \"created_at\" > ?", at);
        assertSql(
                "findByAgeBetweenOrderByAgeDesc",
                List.of(1, 9),
                USER + " WHERE \"age\" BETWEEN ? AND ? ORDER BY \"age\" DESC",
                1,
                9);
        assertSql("findByNameNot", List.of("Ada"), USER + " WHERE \"name\" <> ?", "Ada");
    }

    @Test
    void nullArgumentsOfEqualityBecomeIsNull() {
        assertSql("findByEmail", Arrays.asList((Object) null), USER + " WHERE \"email\" IS NULL LIMIT ?", 2);
        assertSql("findByNameNot", Arrays.asList((Object) null), USER + " WHERE \"name\" IS NOT NULL");
    }

    @Test
    void inAndNotInBindOneArray() {
        assertSql("findByNameIn", List.of(List.of("a", "b")), USER + " WHERE \"name\" = ANY(?)", List.of("a", "b"));
        assertSql(
                "findByAgeNotIn",
                List.of((Object) new Integer[] {1, 2}),
                USER + " WHERE \"age\" <> ALL(?)",
                List.of(1, 2));
        assertSql("findByNameIn", List.of(List.of()), USER + " WHERE FALSE");
        assertSql("findByAgeNotIn", List.of((Object) new Integer[0]), USER + " WHERE TRUE");
    }

    @Test
    void textKeywordsUseLikeWithEscapedLiterals() {
        assertSql("findByNameLike", List.of("A%"), USER + " WHERE \"name\" LIKE ?", "A%");
        assertSql("findByNameNotLike", List.of("A%"), USER + " WHERE NOT (\"name\" LIKE ?)", "A%");
        assertSql("findByEmailStartingWith", List.of("a_"), USER + " WHERE \"email\" LIKE ?", "a\\_%");
        assertSql("findByEmailEndingWith", List.of("%.io"), USER + " WHERE \"email\" LIKE ?", "%\\%.io");
        assertSql("findByNameContaining", List.of("d"), USER + " WHERE \"name\" LIKE ?", "%d%");
        assertSql("findByNameNotContaining", List.of("d"), USER + " WHERE NOT (\"name\" LIKE ?)", "%d%");
        assertSql("findByNameRegex", List.of("^A.a$"), USER + " WHERE \"name\" ~ ?", "^A.a$");
    }

    @Test
    void ignoreCaseComparesLowerCaseOrUsesIlike() {
        assertSql("findByNameIgnoreCase", List.of("ADA"), USER + " WHERE lower(\"name\") = lower(?)", "ADA");
        assertSql("findByNameContainingIgnoreCase", List.of("D"), USER + " WHERE \"name\" ILIKE ?", "%D%");
        assertSql(
                "findByNameAndEmailAllIgnoreCase",
                List.of("ADA", "A@X.IO"),
                USER + " WHERE lower(\"name\") = lower(?) AND lower(\"email\") = lower(?)",
                "ADA",
                "A@X.IO");
    }

    @Test
    void nullBooleanAndJunctionKeywords() {
        assertSql("findByAgeIsNull", List.of(), USER + " WHERE \"age\" IS NULL");
        assertSql("findByAgeIsNotNull", List.of(), USER + " WHERE \"age\" IS NOT NULL");
        assertSql("findByActiveTrue", List.of(), USER + " WHERE \"active\" IS TRUE");
        assertSql("findByActiveFalse", List.of(), USER + " WHERE \"active\" IS FALSE");
        assertSql(
                "findByNameOrAgeGreaterThan",
                List.of("Ada", 30),
                USER + " WHERE \"name\" = ? OR \"age\" > ?",
                "Ada",
                30);
        assertSql(
                "findByActiveTrueAndAgeLessThanOrNameStartingWith",
                List.of(18, "A"),
                USER + " WHERE (\"active\" IS TRUE AND \"age\" < ?) OR \"name\" LIKE ?",
                18,
                "A%");
    }

    @Test
    void topFirstAndDistinct() {
        assertSql("findFirstByOrderByAgeDesc", List.of(), USER + " ORDER BY \"age\" DESC LIMIT ?", 1);
        assertSql(
                "findTop2ByActiveTrueOrderByAgeAsc",
                List.of(),
                USER + " WHERE \"active\" IS TRUE ORDER BY \"age\" ASC LIMIT ?",
                2);
        assertSql(
                "findDistinctByActiveTrue",
                List.of(),
                USER.replace("SELECT ", "SELECT DISTINCT ") + " WHERE \"active\" IS TRUE");
        assertSql(
                "findDistinctNameByActiveTrueOrderByNameAsc",
                List.of(),
                "SELECT DISTINCT \"name\" FROM \"users\" WHERE \"active\" IS TRUE ORDER BY \"name\" ASC");
        assertSql("findAllByOrderByEmailAsc", List.of(), USER + " ORDER BY \"email\" ASC");
    }

    @Test
    void sortAndPageableParametersOrderAndPage() {
        assertSql(
                "findByAgeGreaterThan",
                List.of(
                        1,
                        Sort.by(
                                Sort.Order.desc("name").ignoreCase(),
                                Sort.Order.asc("age").nullsLast())),
                "SELECT \"name\", \"age\" FROM \"users\" WHERE \"age\" > ? ORDER BY lower(\"name\") DESC, \"age\" ASC"
                        + " NULLS LAST",
                1);
        assertSql(
                "findByActive",
                List.of(true, PageRequest.of(2, 10)),
                USER + " WHERE \"active\" = ? ORDER BY \"id\" ASC LIMIT ? OFFSET ?",
                true,
                10,
                20L);
        assertSql(
                "findSliceByActive",
                List.of(true, PageRequest.of(0, 10, Sort.by("name"))),
                USER + " WHERE \"active\" = ? ORDER BY \"name\" ASC LIMIT ? OFFSET ?",
                true,
                11,
                0L);
    }

    @Test
    void countExistsAndDeleteFilterTheSameSelect() {
        assertSql("countByAgeLessThan", List.of(18), USER + " WHERE \"age\" < ?", 18);
        assertSql("existsByEmail", List.of("a@x.io"), USER + " WHERE \"email\" = ?", "a@x.io");
        assertSql("deleteByActiveFalse", List.of(), USER + " WHERE \"active\" IS FALSE");
    }

    interface PurchaseRepository extends PgRepository<Purchase, Long> {
        List<Purchase> findByTagsContaining(String tag);

        List<Purchase> findByTagsIsEmpty();

        List<Purchase> findByTagsIsNotEmpty();
    }

    @Test
    void containingAndEmptyOnArrayProperties() {
        PurchaseRepository purchases = new PgRepositoryFactory(db).create(PurchaseRepository.class);
        String select = "SELECT \"id\", \"customer_id\", \"total\", \"tags\", \"attributes\" FROM \"purchases\"";
        assertThat(compiled(purchases, "findByTagsContaining")
                        .toSql(new Object[] {"gift"})
                        .sql())
                .isEqualTo(select + " WHERE ? = ANY(\"tags\")");
        assertThat(compiled(purchases, "findByTagsIsEmpty").toSql(new Object[0]).sql())
                .isEqualTo(select + " WHERE cardinality(\"tags\") = ?");
        assertThat(compiled(purchases, "findByTagsIsNotEmpty")
                        .toSql(new Object[0])
                        .sql())
                .isEqualTo(select + " WHERE cardinality(\"tags\") > ?");
    }

    private void assertSql(String name, List<?> args, String sql, Object... binds) {
        SqlStatement statement = compiled(name).toSql(args.toArray());
        assertThat(statement.sql()).isEqualTo(sql);
        assertThat(statement.binds()).containsExactly(binds);
    }

    private DerivedQueryInvoker.DerivedQuery compiled(String name) {
        return compiled(users, name);
    }

    private static DerivedQueryInvoker.DerivedQuery compiled(Object repository, String name) {
        Method method = Arrays.stream(repository.getClass().getInterfaces()[0].getMethods())
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow();
        RepositoryInvocationHandler handler = (RepositoryInvocationHandler) Proxy.getInvocationHandler(repository);
        return (DerivedQueryInvoker.DerivedQuery) handler.invoker(method);
    }
}
