package io.databridge.query;

import static io.databridge.query.Expressions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs CTEs, recursive CTEs and derived tables on a real PostgreSQL and checks the rows. */
@PostgresTest
class CteIntegrationTest {

    private final DataBridge db;
    private Customer ada;
    private Customer bob;

    CteIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.builder(dataSource).sanitizeErrors(false).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Customer.class, Purchase.class, Employee.class);
    }

    @BeforeEach
    void fillTables() {
        db.sql("TRUNCATE customers, purchases, employee RESTART IDENTITY").update();
        ada = db.insert(new Customer("ada@example.com", "Ada", 36, true, Tier.GOLD));
        bob = db.insert(new Customer("bob@example.org", "Bob", 17, false, Tier.BRONZE));
        db.insert(new Customer("cy@example.com", "Cy", null, true, Tier.GOLD));
        db.insert(Purchase.of(ada.id, "120.50", List.of("book"), Map.of()));
        db.insert(Purchase.of(ada.id, "9.50", List.of("food"), Map.of()));
        db.insert(Purchase.of(bob.id, "30.00", List.of("book"), Map.of()));
        db.insert(new Employee(1L, "Boss", null, 300));
        db.insert(new Employee(2L, "Eve", 1L, 200));
        db.insert(new Employee(3L, "Dan", 1L, 150));
        db.insert(new Employee(4L, "Fay", 2L, 100));
    }

    private Cte<Tuple> big() {
        return Cte.of(
                "big",
                db.from(Purchase.class)
                        .where(Purchase_.total.gt(new BigDecimal("10")))
                        .selectTuple(Purchase_.customerId, Purchase_.total));
    }

    @Test
    void aJoinedCteFiltersTheOuterRows() {
        Cte<Tuple> big = big();
        assertThat(db.from(Customer.class)
                        .join(big, big.get(Purchase_.customerId).eq(Customer_.id))
                        .orderBy(Customer_.name.asc())
                        .select(Customer_.name)
                        .list())
                .containsExactly("Ada", "Bob");
        assertThat(db.from(Customer.class)
                        .join(big, big.get(Purchase_.customerId).eq(Customer_.id))
                        .where(Customer_.active.isTrue())
                        .select(Customer_.name)
                        .list())
                .containsExactly("Ada");
    }

    @Test
    void aCteOfAggregatesIsReadAsTuplesOfItsQuery() {
        Expression<BigDecimal> spent = sum(Purchase_.total).as("spent");
        Cte<Tuple> totals = Cte.of(
                "totals",
                db.from(Purchase.class).groupBy(Purchase_.customerId).selectTuple(Purchase_.customerId, spent));

        List<Tuple> rows = db.from(totals)
                .where(totals.get(spent).gt(new BigDecimal("100")))
                .list();

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get(Purchase_.customerId)).isEqualTo(ada.id);
            assertThat((BigDecimal) row.get(spent)).isEqualByComparingTo("130.00");
        });
        assertThat(db.from(totals).count()).isEqualTo(2);
        assertThat(db.from(totals)
                        .where(totals.get(Purchase_.customerId).eq(bob.id))
                        .exists())
                .isTrue();
    }

    @Test
    void aCteReadingAnotherCteBindsAnEnumThroughItsCodec() {
        Cte<Customer> adults = Cte.of("adults", db.from(Customer.class).where(Customer_.age.ge(18)));
        Cte<String> gold = Cte.of(
                "gold",
                db.from(adults).where(adults.get(Customer_.tier).eq(Tier.GOLD)).select(adults.get(Customer_.name)));

        assertThat(db.from(gold).list()).containsExactly("Ada");
        assertThat(db.from(adults).list())
                .singleElement()
                .satisfies(c -> assertThat(c.tier).isEqualTo(Tier.GOLD));
    }

    @Test
    void aCteReadOnlyInASubqueryWorks() {
        Cte<Tuple> big = big();
        assertThat(db.from(Customer.class)
                        .where(Customer_.id.in(db.from(big).select(big.get(Purchase_.customerId))))
                        .orderBy(Customer_.name.asc())
                        .list())
                .extracting(c -> c.name)
                .containsExactly("Ada", "Bob");
    }

    @Test
    void aWriteWhoseConditionReadsACteGetsTheWithClause() {
        Cte<Tuple> big = big();
        assertThat(db.from(Customer.class)
                        .where(Customer_.id.in(db.from(big).select(big.get(Purchase_.customerId))))
                        .set(Customer_.active, false)
                        .update())
                .isEqualTo(2);
        assertThat(db.from(Customer.class)
                        .where(Customer_.id.notIn(db.from(big).select(big.get(Purchase_.customerId))))
                        .delete())
                .isEqualTo(1);
        assertThat(db.from(Customer.class).where(Customer_.active.isTrue()).count())
                .isZero();
    }

    @Test
    void aRecursiveCteWalksDownTheTree() {
        Cte<Employee> team = Cte.recursive(
                "team",
                db.from(Employee.class).where(Employee_.id.eq(2L)),
                t -> db.from(Employee.class).join(t, Employee_.managerId.eq(t.get(Employee_.id))));

        assertThat(db.from(team).orderBy(team.get(Employee_.id).asc()).list())
                .extracting(Employee::name)
                .containsExactly("Eve", "Fay");
        assertThat(db.from(team).count()).isEqualTo(2);
        try (Stream<Employee> rows = db.from(team).fetchSize(1).stream()) {
            assertThat(rows.map(Employee::salary)).containsExactlyInAnyOrder(200, 100);
        }
    }

    @Test
    void aRecursiveCteWalksUpTheChainOfManagers() {
        Cte<Employee> chain = Cte.recursive(
                "chain",
                db.from(Employee.class).where(Employee_.name.eq("Fay")),
                c -> db.from(Employee.class).join(c, Employee_.id.eq(c.get(Employee_.managerId))));

        assertThat(db.from(chain).select(chain.get(Employee_.name)).list()).containsExactly("Fay", "Eve", "Boss");
    }

    record Node(Long id, String name) {}

    @Test
    void aRecursiveCteOfRecordsJoinsBackToAnEntity() {
        Cte<Node> everyone = Cte.recursive(
                "everyone",
                db.from(Employee.class)
                        .where(Employee_.managerId.isNull())
                        .select(Node.class, Employee_.id, Employee_.name),
                e -> db.from(Employee.class)
                        .join(e, Employee_.managerId.eq(e.get(Employee_.id)))
                        .select(Node.class, Employee_.id, Employee_.name));

        assertThat(db.from(everyone).orderBy(everyone.get(Employee_.id).asc()).list())
                .containsExactly(new Node(1L, "Boss"), new Node(2L, "Eve"), new Node(3L, "Dan"), new Node(4L, "Fay"));
        assertThat(db.from(Employee.class)
                        .join(everyone, everyone.get(Employee_.id).eq(Employee_.managerId))
                        .where(everyone.get(Employee_.name).eq("Boss"))
                        .orderBy(Employee_.id.asc())
                        .select(Employee_.name)
                        .list())
                .containsExactly("Eve", "Dan");
    }

    @Test
    void aJoinedDerivedTableFiltersByItsAggregate() {
        DerivedTable<Tuple> totals = DerivedTable.of(
                "totals",
                db.from(Purchase.class)
                        .where(Purchase_.total.gt(new BigDecimal("5")))
                        .groupBy(Purchase_.customerId)
                        .selectTuple(Purchase_.customerId, sum(Purchase_.total).as("spent")));

        assertThat(db.from(Customer.class)
                        .join(totals, totals.get(Purchase_.customerId).eq(Customer_.id))
                        .where(totals.column("spent", BigDecimal.class).gt(new BigDecimal("100")))
                        .select(Customer_.name)
                        .list())
                .containsExactly("Ada");
        assertThat(db.from(Customer.class)
                        .leftJoin(totals, totals.get(Purchase_.customerId).eq(Customer_.id))
                        .where(totals.get(Purchase_.customerId).isNull())
                        .select(Customer_.name)
                        .list())
                .containsExactly("Cy");
    }

    @Test
    void aDerivedTableAsTheRootReturnsItsQueryRows() {
        DerivedTable<String> names = DerivedTable.of(
                "names",
                db.from(Customer.class).where(Customer_.active.isTrue()).select(Customer_.name));

        assertThat(db.from(names).orderBy(names.get(Customer_.name).desc()).list())
                .containsExactly("Cy", "Ada");
        assertThat(db.from(names)
                        .where(names.get(Customer_.name).startsWith("A"))
                        .one())
                .isEqualTo("Ada");
    }
}
