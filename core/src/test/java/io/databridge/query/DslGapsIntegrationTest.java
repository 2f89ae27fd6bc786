package io.databridge.query;

import static io.databridge.query.Expressions.arrayAgg;
import static io.databridge.query.Expressions.arrayAggDistinct;
import static io.databridge.query.Expressions.count;
import static io.databridge.query.Expressions.rank;
import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 on a real PostgreSQL: data-modifying CTEs, {@code unnest}/{@code jsonb_array_elements} in {@code FROM},
 * named windows, {@code array_agg ... ORDER BY} and typed {@code sum}/{@code avg}, each checked against the rows the
 * same SQL written by hand returns, or the table contents after a write.
 */
@PostgresTest
class DslGapsIntegrationTest {

    private final DataBridge db;
    private Customer ada;
    private Customer bob;

    DslGapsIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.builder(dataSource).sanitizeErrors(false).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource)
                .schema()
                .create(Customer.class, Purchase.class, Employee.class, ArchivedPurchase.class);
    }

    @BeforeEach
    void fillTables() {
        db.sql("TRUNCATE customers, purchases, employee, purchase_archive RESTART IDENTITY")
                .update();
        ada = db.insert(new Customer("ada@example.com", "Ada", 36, true, Tier.GOLD));
        bob = db.insert(new Customer("bob@example.org", "Bob", 17, false, Tier.BRONZE));
        db.insert(Purchase.of(ada.id, "120.50", List.of("book", "gift"), Map.of("items", List.of(1, 2))));
        db.insert(Purchase.of(ada.id, "9.50", List.of("food"), Map.of("labels", List.of("cheap", "fresh"))));
        db.insert(Purchase.of(bob.id, "30.00", List.of(), Map.of("items", List.of(3))));
        db.insert(new Employee(1L, "Boss", null, 300));
        db.insert(new Employee(2L, "Eve", 1L, 200));
        db.insert(new Employee(3L, "Dan", 1L, 150));
        db.insert(new Employee(4L, "Fay", 1L, 150));
    }

    private List<String> column(String sql) {
        return db.sql(sql).list(String.class);
    }

    @Test
    void aDeleteReturningCteMovesRowsInOneStatement() {
        Cte<Purchase> moved =
                Cte.deleteReturning("moved", db.from(Purchase.class).where(Purchase_.total.lt(new BigDecimal("50"))));
        long archived = db.from(moved)
                .selectTuple(moved.get(Purchase_.id), moved.get(Purchase_.customerId), moved.get(Purchase_.total))
                .insertInto(
                        ArchivedPurchase.class,
                        ArchivedPurchase_.id,
                        ArchivedPurchase_.customerId,
                        ArchivedPurchase_.total);
        assertThat(archived).isEqualTo(2);
        assertThat(db.from(Purchase.class).select(Purchase_.total).list()).containsExactly(new BigDecimal("120.50"));
        assertThat(db.from(ArchivedPurchase.class)
                        .orderBy(ArchivedPurchase_.id.asc())
                        .list())
                .containsExactly(
                        new ArchivedPurchase(2L, ada.id, new BigDecimal("9.50")),
                        new ArchivedPurchase(3L, bob.id, new BigDecimal("30.00")));
    }

    @Test
    void aDeleteReturningCteReadsTheDeletedEntities() {
        Cte<Purchase> gone = Cte.deleteReturning(
                "gone",
                db.from(Purchase.class)
                        .join(Customer.class, Customer_.id.eq(Purchase_.customerId))
                        .where(Customer_.active.isFalse()));
        List<Purchase> rows = db.from(gone).list();
        assertThat(rows).extracting(Purchase::total).containsExactly(new BigDecimal("30.00"));
        assertThat(db.from(Purchase.class).count()).isEqualTo(2);
    }

    @Test
    void updateAndInsertReturningCtesReturnTheRowsAsStored() {
        Cte<Customer> raised = Cte.updateReturning(
                "raised",
                db.from(Customer.class).where(Customer_.age.lt(30)).set(Customer_.age, Customer_.age.plus(1)));
        assertThat(db.from(raised)
                        .selectTuple(raised.get(Customer_.name), raised.get(Customer_.age))
                        .list())
                .extracting(row -> row.get(0) + " " + row.get(1))
                .containsExactly("Bob 18");
        assertThat(db.findById(Customer.class, bob.id).orElseThrow().age).isEqualTo(18);

        Cte<Employee> added =
                Cte.insertReturning("added", db.from(Employee.class).insert(List.of(new Employee(9L, "Ivy", 1L, 90))));
        assertThat(db.from(added).list()).containsExactly(new Employee(9L, "Ivy", 1L, 90));
        assertThat(db.from(Employee.class).count()).isEqualTo(5);
    }

    @Test
    void unnestWithOrdinalityReturnsWhatTheSqlReturns() {
        FunctionTable<String> tag =
                FunctionTable.unnest("tag", Purchase_.tags, String.class).withOrdinality();
        List<String> viaDsl = db
                .from(Purchase.class)
                .crossJoin(tag)
                .orderBy(Purchase_.id.asc(), tag.ordinality().asc())
                .selectTuple(Purchase_.id, tag.value(), tag.ordinality())
                .list()
                .stream()
                .map(row -> row.get(0) + ":" + row.get(1) + ":" + row.get(2))
                .toList();
        assertThat(viaDsl)
                .isEqualTo(column("SELECT p.id || ':' || t.tag || ':' || t.n FROM purchases p CROSS JOIN"
                        + " unnest(p.tags) WITH ORDINALITY AS t(tag, n) ORDER BY p.id, t.n"))
                .containsExactly("1:book:1", "1:gift:2", "2:food:1");
    }

    @Test
    void aLateralUnnestLeftJoinedKeepsRowsWithoutElements() {
        FunctionTable<String> tag =
                FunctionTable.unnest("tag", Purchase_.tags, String.class).lateral();
        List<Tuple> rows = db.from(Purchase.class)
                .leftJoin(tag, Expressions.rawCondition("TRUE"))
                .where(tag.value().isNull().or(tag.value().ne("gift")))
                .orderBy(Purchase_.id.asc(), tag.value().asc())
                .selectTuple(Purchase_.id, tag.value())
                .list();
        assertThat(rows).extracting(row -> row.get(0) + ":" + row.get(1)).containsExactly("1:book", "2:food", "3:null");
    }

    @Test
    void jsonbArrayElementsAsFromItems() {
        FunctionTable<String> item = FunctionTable.jsonbArrayElements("item", Purchase_.attributes.jsonGet("items"));
        assertThat(db.from(Purchase.class)
                        .crossJoin(item)
                        .orderBy(Purchase_.id.asc())
                        .select(item.value())
                        .list())
                .isEqualTo(column("SELECT e::text FROM purchases p CROSS JOIN"
                        + " jsonb_array_elements(p.attributes -> 'items') AS t(e) ORDER BY p.id"))
                .containsExactly("1", "2", "3");
        FunctionTable<String> label = FunctionTable.jsonbArrayElementsText(
                        "label", Purchase_.attributes.jsonGet("labels"))
                .withOrdinality();
        assertThat(db.from(Purchase.class)
                        .crossJoin(label)
                        .orderBy(label.ordinality().desc())
                        .select(label.value())
                        .list())
                .containsExactly("fresh", "cheap");
    }

    @Test
    void namedWindowsGiveWhatTheSqlGives() {
        Window team = Window.partitionBy(Employee_.managerId).as("team");
        Window bySalary = team.orderBy(Employee_.salary.desc()).as("by_salary");
        List<String> viaDsl = db
                .from(Employee.class)
                .window(team, bySalary)
                .orderBy(Employee_.id.asc())
                .selectTuple(
                        Employee_.name,
                        count().over(team),
                        rank().over(bySalary),
                        Expressions.sumLong(Employee_.salary)
                                .over(bySalary.rowsBetween(FrameBound.unboundedPreceding(), FrameBound.currentRow())))
                .list()
                .stream()
                .map(row -> row.get(0) + " " + row.get(1) + " " + row.get(2) + " " + row.get(3))
                .toList();
        assertThat(viaDsl)
                .isEqualTo(column("SELECT name || ' ' || count(*) OVER team || ' ' || rank() OVER by_salary || ' ' ||"
                        + " sum(salary) OVER (by_salary ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
                        + " FROM employee WINDOW team AS (PARTITION BY manager_id), by_salary AS (team ORDER BY"
                        + " salary DESC) ORDER BY id"))
                .containsExactly("Boss 1 1 300", "Eve 3 1 200", "Dan 3 2 350", "Fay 3 2 500");
    }

    @Test
    void arrayAggReadsOrderedListsAndTakesDistinctAndFilter() {
        List<Tuple> rows = db.from(Purchase.class)
                .groupBy(Purchase_.customerId)
                .orderBy(Purchase_.customerId.asc())
                .selectTuple(
                        Purchase_.customerId,
                        arrayAgg(Purchase_.total, Purchase_.total.asc()),
                        arrayAggDistinct(Purchase_.customerId).filter(Purchase_.total.gt(new BigDecimal("100"))))
                .list();
        assertThat(rows)
                .extracting(row -> row.get(1))
                .containsExactly(
                        List.of(new BigDecimal("9.50"), new BigDecimal("120.50")), List.of(new BigDecimal("30.00")));
        assertThat(rows).extracting(row -> row.get(2)).containsExactly(List.of(ada.id), null);
        assertThat(db.from(Purchase.class)
                        .where(Purchase_.customerId.eq(ada.id))
                        .groupBy(Purchase_.customerId)
                        .select(Totals.class, Purchase_.customerId, arrayAgg(Purchase_.total, Purchase_.id.desc()))
                        .one())
                .isEqualTo(new Totals(ada.id, List.of(new BigDecimal("9.50"), new BigDecimal("120.50"))));
    }

    /** A record projection with an aggregated list. */
    public record Totals(Long customerId, List<BigDecimal> totals) {}

    @Test
    void typedSumAndAvgReadBigDecimals() {
        BigDecimal total =
                db.from(Purchase.class).select(Expressions.sum(Purchase_.total)).one();
        BigDecimal average =
                db.from(Customer.class).select(Expressions.avg(Customer_.age)).one();
        assertThat(total).isEqualByComparingTo("160.00");
        assertThat(average).isEqualByComparingTo("26.5");
        assertThat(db.from(Employee.class)
                        .select(Expressions.avg(Employee_.salary))
                        .one())
                .isEqualByComparingTo("200");
    }
}
