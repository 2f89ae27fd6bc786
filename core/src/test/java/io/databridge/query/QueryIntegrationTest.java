package io.databridge.query;

import static io.databridge.query.Expressions.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.fixtures.User;
import io.databridge.fixtures.User_;
import io.databridge.testdb.PostgresTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;

/** Runs every DSL construct on a real PostgreSQL and checks the rows. */
@PostgresTest
class QueryIntegrationTest {

    private final DataBridge db;
    private Customer ada;
    private Customer bob;
    private Customer cy;

    QueryIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.builder(dataSource).sanitizeErrors(false).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Customer.class, Purchase.class, Employee.class, User.class);
        DataBridge.create(dataSource)
                .sql("CREATE UNIQUE INDEX customers_email_key ON customers (email)")
                .update();
    }

    @BeforeEach
    void fillTables() {
        db.sql("TRUNCATE customers, purchases, employee, users RESTART IDENTITY")
                .update();
        ada = db.insert(new Customer("ada@example.com", "Ada", 36, true, Tier.GOLD));
        bob = db.insert(new Customer("bob@example.org", "Bob", 17, false, Tier.BRONZE));
        cy = db.insert(new Customer("cy_50%@example.com", "Cy", null, true, Tier.GOLD));
        db.insert(Purchase.of(ada.id, "120.50", List.of("book", "gift"), Map.of("tier", "gold")));
        db.insert(Purchase.of(ada.id, "9.50", List.of("food"), Map.of("tier", "gold", "rush", true)));
        db.insert(Purchase.of(bob.id, "30.00", List.of("book"), Map.of("tier", "bronze")));
        db.insert(new Employee(1L, "Boss", null, 300));
        db.insert(new Employee(2L, "Eve", 1L, 200));
        db.insert(new Employee(3L, "Dan", 1L, 150));
        db.insert(new Employee(4L, "Fay", 2L, 100));
    }

    @Test
    void theContractQueriesRun() {
        for (int i = 0; i < 70; i++) {
            db.insert(new User("u" + i + "@example.com", "n" + (i % 7), 20 + i % 10));
        }
        List<User> page = db.from(User.class)
                .where(User_.age.gt(25).and(User_.email.endsWith("@example.com")))
                .orderBy(User_.createdAt.desc(), User_.name.asc())
                .limit(20)
                .offset(10)
                .list();
        assertThat(page).hasSize(18).allMatch(u -> u.age > 25);
        assertThat(db.from(User.class).where(User_.email.eq("u3@example.com")).first())
                .get()
                .extracting(u -> u.name)
                .isEqualTo("n3");
        assertThat(db.from(User.class).where(User_.id.eq(7L)).one().email).isEqualTo("u6@example.com");
        assertThat(db.from(User.class).where(User_.age.lt(22)).count()).isEqualTo(14);
        assertThat(db.from(User.class).where(User_.active.isFalse()).exists()).isFalse();
        assertThat(db.from(User.class)
                        .where(User_.age.ge(28))
                        .set(User_.active, false)
                        .update())
                .isEqualTo(14);
        assertThat(db.from(User.class).where(User_.active.isFalse()).delete()).isEqualTo(14);
        assertThat(db.from(User.class).count()).isEqualTo(56);
    }

    @Test
    void oneThrowsForNoRowAndForTwo() {
        assertThatThrownBy(() -> db.from(Customer.class)
                        .where(Customer_.name.eq("Nobody"))
                        .one())
                .isInstanceOf(EmptyResultDataAccessException.class);
        assertThatThrownBy(() ->
                        db.from(Customer.class).where(Customer_.active.isTrue()).one())
                .isInstanceOf(IncorrectResultSizeDataAccessException.class);
    }

    @Test
    void predicatesMatchTheExpectedRows() {
        assertThat(names(Customer_.age.between(17, 36))).containsExactly("Ada", "Bob");
        assertThat(names(Customer_.age.isNull())).containsExactly("Cy");
        assertThat(names(Customer_.tier.eq(Tier.GOLD))).containsExactly("Ada", "Cy");
        assertThat(names(Customer_.tier.in(Tier.GOLD, Tier.SILVER))).containsExactly("Ada", "Cy");
        assertThat(names(Customer_.id.notIn(List.of(ada.id)))).containsExactly("Bob", "Cy");
        assertThat(names(Customer_.email.in("bob@example.org"))).containsExactly("Bob");
        assertThat(names(Customer_.email.contains("_50%"))).containsExactly("Cy");
        assertThat(names(Customer_.email.contains("y_5"))).containsExactly("Cy");
        assertThat(names(Customer_.email.startsWith("a"))).containsExactly("Ada");
        assertThat(names(Customer_.name.ilike("b%"))).containsExactly("Bob");
        assertThat(names(Customer_.active.isFalse().or(Customer_.age.isNull()))).containsExactly("Bob", "Cy");
        assertThat(names(Customer_.active.isTrue().not())).containsExactly("Bob");
        assertThat(names(Customer_.name.lt(Customer_.email))).containsExactly("Ada", "Bob", "Cy");
    }

    @Test
    void aThousandValueInListBindsOneArray() {
        List<Long> ids = IntStream.rangeClosed(1, 1000).mapToObj(i -> (long) i).collect(Collectors.toList());
        assertThat(db.from(Customer.class).where(Customer_.id.in(ids)).count()).isEqualTo(3);
    }

    @Test
    void orderingWithNullsFirstAndLast() {
        assertThat(db.from(Customer.class)
                        .orderBy(Customer_.age.asc().nullsFirst())
                        .list())
                .extracting(c -> c.name)
                .containsExactly("Cy", "Bob", "Ada");
        assertThat(db.from(Customer.class)
                        .orderBy(Customer_.age.asc().nullsLast())
                        .list())
                .extracting(c -> c.name)
                .containsExactly("Bob", "Ada", "Cy");
    }

    record NameAndAge(String name, Integer age) {}

    record TierCount(Tier tier, Long customers, Long active) {}

    @Test
    void projectionsDistinctAndAggregates() {
        assertThat(db.from(Customer.class)
                        .orderBy(Customer_.name.asc())
                        .select(NameAndAge.class, Customer_.name, Customer_.age)
                        .list())
                .containsExactly(new NameAndAge("Ada", 36), new NameAndAge("Bob", 17), new NameAndAge("Cy", null));
        assertThat(db.from(Customer.class).distinct().select(Customer_.tier).list())
                .containsExactlyInAnyOrder(Tier.GOLD, Tier.BRONZE);
        assertThat(db.from(Customer.class)
                        .distinctOn(Customer_.tier)
                        .orderBy(Customer_.tier.asc(), Customer_.name.desc())
                        .list())
                .extracting(c -> c.name)
                .containsExactly("Bob", "Cy");
        assertThat(db.from(Customer.class)
                        .groupBy(Customer_.tier)
                        .having(count().ge(1L))
                        .select(TierCount.class, Customer_.tier, count(), count().filter(Customer_.active.isTrue()))
                        .orderBy(Customer_.tier.asc())
                        .list())
                .containsExactly(new TierCount(Tier.BRONZE, 1L, 0L), new TierCount(Tier.GOLD, 2L, 2L));
        assertThat(db.from(Purchase.class)
                        .select(BigDecimal.class, Expressions.sum(Purchase_.total))
                        .one())
                .isEqualByComparingTo("160.00");
        Tuple stats = db.from(Customer.class)
                .selectTuple(
                        Expressions.min(Customer_.age), Expressions.max(Customer_.age), Expressions.avg(Customer_.age))
                .one();
        assertThat(stats.get(0)).isEqualTo(17);
        assertThat(stats.get(1)).isEqualTo(36);
        assertThat((BigDecimal) stats.get(2)).isEqualByComparingTo("26.5");
    }

    record Pair(String employee, String manager) {}

    @Test
    void joinsAndSelfJoins() {
        assertThat(db.from(Customer.class)
                        .join(Purchase.class, Purchase_.customerId.eq(Customer_.id))
                        .where(Purchase_.total.gt(new BigDecimal("20")))
                        .orderBy(Customer_.name.asc())
                        .list())
                .extracting(c -> c.name)
                .containsExactly("Ada", "Bob");
        assertThat(db.from(Customer.class)
                        .leftJoin(Purchase.class, Purchase_.customerId.eq(Customer_.id))
                        .where(Purchase_.id.isNull())
                        .list())
                .extracting(c -> c.name)
                .containsExactly("Cy");
        EntityAlias<Employee> e = EntityAlias.of(Employee.class, "e");
        EntityAlias<Employee> m = EntityAlias.of(Employee.class, "m");
        assertThat(db.from(Employee.class)
                        .as(e)
                        .join(m, e.get(Employee_.managerId).eq(m.get(Employee_.id)))
                        .orderBy(e.get(Employee_.id).asc())
                        .select(Pair.class, e.get(Employee_.name), m.get(Employee_.name))
                        .list())
                .containsExactly(new Pair("Eve", "Boss"), new Pair("Dan", "Boss"), new Pair("Fay", "Eve"));
        assertThat(db.from(Customer.class).crossJoin(Employee.class).count()).isEqualTo(12);
        assertThat(db.from(Customer.class)
                        .rightJoin(Purchase.class, Purchase_.customerId.eq(Customer_.id))
                        .select(Purchase_.id)
                        .count())
                .isEqualTo(3);
        assertThat(db.from(Customer.class)
                        .fullJoin(Purchase.class, Purchase_.customerId.eq(Customer_.id))
                        .select(Customer_.id)
                        .count())
                .isEqualTo(4);
    }

    @Test
    void subqueries() {
        assertThat(names(Customer_.id.in(db.from(Purchase.class)
                        .where(Purchase_.total.gt(new BigDecimal("25")))
                        .select(Purchase_.customerId))))
                .containsExactly("Ada", "Bob");
        assertThat(names(Expressions.notExists(db.from(Purchase.class).where(Purchase_.customerId.eq(Customer_.id)))))
                .containsExactly("Cy");
        assertThat(db.from(Customer.class)
                        .orderBy(Customer_.id.asc())
                        .select(
                                Long.class,
                                Expressions.scalar(db.from(Purchase.class)
                                        .where(Purchase_.customerId.eq(Customer_.id))
                                        .select(count())))
                        .list())
                .containsExactly(2L, 1L, 0L);
    }

    @Test
    void windowFunctions() {
        List<Tuple> rows = db.from(Employee.class)
                .orderBy(Employee_.id.asc())
                .selectTuple(
                        Employee_.name,
                        Expressions.rowNumber().over(Window.ordered(Employee_.salary.desc())),
                        Expressions.rank()
                                .over(Window.partitionBy(Employee_.managerId).orderBy(Employee_.salary.desc())),
                        Expressions.lag(Employee_.name).over(Window.ordered(Employee_.id.asc())),
                        Expressions.lead(Employee_.name).over(Window.ordered(Employee_.id.asc())),
                        Expressions.sum(Employee_.salary).over(Window.all()))
                .list();
        assertThat(rows).extracting(t -> t.get(1)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rows).extracting(t -> t.get(2)).containsExactly(1L, 1L, 2L, 1L);
        assertThat(rows).extracting(t -> t.get(3)).containsExactly(null, "Boss", "Eve", "Dan");
        assertThat(rows).extracting(t -> t.get(4)).containsExactly("Eve", "Dan", "Fay", null);
        assertThat(rows).extracting(t -> t.get(5)).containsOnly(750L);
    }

    @Test
    void setOperations() {
        ResultQuery<String> gold =
                db.from(Customer.class).where(Customer_.tier.eq(Tier.GOLD)).select(Customer_.name);
        ResultQuery<String> active =
                db.from(Customer.class).where(Customer_.active.isTrue()).select(Customer_.name);
        ResultQuery<String> young =
                db.from(Customer.class).where(Customer_.age.lt(18)).select(Customer_.name);
        assertThat(gold.union(young).orderBy(Customer_.name.asc()).list()).containsExactly("Ada", "Bob", "Cy");
        assertThat(gold.unionAll(active).count()).isEqualTo(4);
        assertThat(gold.intersect(young).list()).isEmpty();
        assertThat(gold.except(active).list()).isEmpty();
        assertThat(active.except(young).orderBy(Customer_.name.desc()).list()).containsExactly("Cy", "Ada");
    }

    @Test
    void returningOnInsertUpdateAndDelete() {
        List<Customer> inserted = db.from(Customer.class)
                .insert(List.of(new Customer("dee@example.com", "Dee", 50, true, Tier.SILVER)))
                .returning();
        assertThat(inserted).singleElement().satisfies(c -> {
            assertThat(c.id).isEqualTo(4L);
            assertThat(c.version).isZero();
            assertThat(c.createdAt).isNotNull();
        });
        List<Customer> updated = db.from(Customer.class)
                .where(Customer_.tier.eq(Tier.GOLD))
                .set(Customer_.age, 40)
                .updateReturning();
        assertThat(updated).extracting(c -> c.age).containsOnly(40);
        assertThat(updated).extracting(c -> c.version).containsOnly(1L);
        List<Customer> deleted =
                db.from(Customer.class).where(Customer_.name.eq("Bob")).deleteReturning();
        assertThat(deleted).extracting(c -> c.email).containsExactly("bob@example.org");
    }

    @Test
    void upsertUpdatesOrSkipsOnConflict() {
        Customer again = new Customer("ada@example.com", "Ada Lovelace", 37, true, Tier.GOLD);
        assertThat(db.from(Customer.class)
                        .insert(List.of(again))
                        .onConflict(Customer_.email)
                        .doNothing()
                        .execute())
                .isZero();
        List<Customer> stored = db.from(Customer.class)
                .insert(List.of(again))
                .onConflict(Customer_.email)
                .doUpdate(Customer_.name, Customer_.age)
                .returning();
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(c.id).isEqualTo(ada.id);
            assertThat(c.name).isEqualTo("Ada Lovelace");
            assertThat(c.version).isEqualTo(1L);
        });
    }

    @Test
    void keysetPaginationWalksEveryRowOnce() {
        for (int i = 0; i < 25; i++) {
            db.insert(new Customer("k" + i + "@x.io", "K" + i, i % 4, true, Tier.SILVER));
        }
        SelectQuery<Customer> ordered = db.from(Customer.class)
                .where(Customer_.tier.eq(Tier.SILVER))
                .orderBy(Customer_.age.asc(), Customer_.id.asc())
                .limit(10);
        List<Customer> all = new java.util.ArrayList<>();
        List<Customer> page = ordered.list();
        while (!page.isEmpty()) {
            all.addAll(page);
            page = ordered.after(page.get(page.size() - 1)).list();
        }
        assertThat(all).hasSize(25).extracting(c -> c.email).doesNotHaveDuplicates();
        assertThat(all)
                .isSortedAccordingTo(
                        java.util.Comparator.comparing((Customer c) -> c.age).thenComparing(c -> c.id));
        List<Customer> descending = db.from(Customer.class)
                .where(Customer_.tier.eq(Tier.SILVER))
                .orderBy(Customer_.age.desc(), Customer_.id.asc())
                .seek(2, 0L)
                .list();
        assertThat(descending).hasSize(6 + 7 + 6).allMatch(c -> c.age <= 2);
    }

    @Test
    void jsonbAndArrayOperators() {
        assertThat(db.from(Purchase.class)
                        .where(Purchase_.attributes.jsonGetText("tier").eq("gold"))
                        .count())
                .isEqualTo(2);
        assertThat(db.from(Purchase.class)
                        .where(Purchase_.attributes.jsonContains("{\"rush\": true}"))
                        .count())
                .isEqualTo(1);
        assertThat(db.from(Purchase.class)
                        .where(Purchase_.attributes.jsonHasKey("rush"))
                        .count())
                .isEqualTo(1);
        assertThat(db.from(Purchase.class)
                        .where(Purchase_.tags.arrayContains(List.of("book")))
                        .count())
                .isEqualTo(2);
        assertThat(db.from(Purchase.class)
                        .where(Purchase_.tags.arrayOverlaps(List.of("food", "gift")))
                        .count())
                .isEqualTo(2);
        assertThat(db.from(Purchase.class)
                        .where(Purchase_.tags.hasElement("food"))
                        .count())
                .isEqualTo(1);
        assertThat(db.from(Purchase.class)
                        .where(Purchase_.customerId.eq(bob.id))
                        .select(Purchase_.attributes.jsonGet("tier"))
                        .one())
                .isEqualTo("\"bronze\"");
    }

    @Test
    void escapeHatchFunctionsAndRawFragments() {
        assertThat(names(Expressions.function("lower", String.class, Customer_.name)
                        .eq("ada")))
                .containsExactly("Ada");
        assertThat(names(Expressions.rawCondition("length(\"name\") > ?", 2))).containsExactly("Ada", "Bob");
    }

    @Test
    void rawExpressionsAndBoundValuesRun() {
        assertThat(db.from(Customer.class)
                        .where(Customer_.name.eq("Ada"))
                        .select(Expressions.raw("upper(\"name\") || ?", String.class, "!"))
                        .one())
                .isEqualTo("ADA!");
        assertThat(names(Expressions.raw("length(\"email\")", Integer.class).gt(Expressions.value(15))))
                .containsExactly("Cy");
        assertThat(db.from(Customer.class)
                        .orderBy(Customer_.name.asc())
                        .select(Expressions.function("coalesce", Integer.class, Customer_.age, Expressions.value(0)))
                        .list())
                .containsExactly(36, 17, 0);
        assertThat(db.from(Purchase.class)
                        .where(Expressions.rawCondition("\"attributes\" ?? ?", "rush"))
                        .select(Purchase_.total)
                        .list())
                .singleElement()
                .satisfies(total -> assertThat(total).isEqualByComparingTo("9.50"));
    }

    @Test
    void streamReadsEveryRowAndClosesTheCursor() {
        try (Stream<Customer> rows = db.from(Customer.class).orderBy(Customer_.id.asc()).fetchSize(1).stream()) {
            assertThat(rows.map(c -> c.name)).containsExactly("Ada", "Bob", "Cy");
        }
    }

    private List<String> names(Condition condition) {
        return db.from(Customer.class).where(condition).orderBy(Customer_.name.asc()).list().stream()
                .map(c -> c.name)
                .collect(Collectors.toList());
    }
}
