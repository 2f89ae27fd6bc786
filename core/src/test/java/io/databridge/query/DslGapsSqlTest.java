package io.databridge.query;

import static io.databridge.query.Expressions.arrayAgg;
import static io.databridge.query.Expressions.arrayAggDistinct;
import static io.databridge.query.Expressions.count;
import static io.databridge.query.Expressions.rank;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 12, the SQL the DSL could not say: exact text and binds of data-modifying CTEs, set-returning functions in
 * {@code FROM}, named windows, {@code array_agg ... ORDER BY} and typed {@code sum}/{@code avg}.
 * {@code DslGapsIntegrationTest} runs them.
 */
class DslGapsSqlTest {

    private static final String PURCHASE_COLUMNS = "\"id\", \"customer_id\", \"total\", \"tags\", \"attributes\"";

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));

    @Test
    void aDeleteReturningCteIsDefinedInTheWithClauseOfTheStatementReadingIt() {
        Cte<Purchase> moved =
                Cte.deleteReturning("moved", db.from(Purchase.class).where(Purchase_.total.lt(new BigDecimal("10"))));
        SqlStatement sql = db.from(moved)
                .where(moved.get(Purchase_.customerId).gt(0L))
                .select(moved.get(Purchase_.total))
                .toSql();
        assertThat(sql.sql())
                .isEqualTo("WITH \"moved\"(" + PURCHASE_COLUMNS + ") AS (DELETE FROM \"purchases\" WHERE \"total\" < ?"
                        + " RETURNING " + PURCHASE_COLUMNS + ") SELECT \"total\" FROM \"moved\" WHERE \"customer_id\""
                        + " > ?");
        assertThat(sql.binds()).containsExactly(new BigDecimal("10"), 0L);
    }

    @Test
    void updateAndInsertReturningCtes() {
        Cte<Customer> raised = Cte.updateReturning(
                "raised",
                db.from(Customer.class).where(Customer_.age.lt(30)).set(Customer_.age, Customer_.age.plus(1)));
        assertThat(db.from(raised).select(raised.get(Customer_.name)).toSql().sql())
                .isEqualTo("WITH \"raised\"(\"id\", \"email\", \"name\", \"age\", \"active\", \"tier\", \"version\","
                        + " \"created_at\") AS (UPDATE \"customers\" SET \"age\" = \"age\" + ?, \"version\" ="
                        + " \"version\" + 1 WHERE \"age\" < ? RETURNING \"id\", \"email\", \"name\", \"age\","
                        + " \"active\", \"tier\", \"version\", \"created_at\") SELECT \"name\" FROM \"raised\"");
        Cte<Employee> added =
                Cte.insertReturning("added", db.from(Employee.class).insert(List.of(new Employee(9L, "Ivy", 1L, 90))));
        SqlStatement sql = db.from(added).select(added.get(Employee_.name)).toSql();
        assertThat(sql.sql())
                .isEqualTo("WITH \"added\"(\"id\", \"name\", \"manager_id\", \"salary\") AS (INSERT INTO \"employee\""
                        + " (\"id\", \"name\", \"manager_id\", \"salary\") VALUES (?, ?, ?, ?) RETURNING \"id\","
                        + " \"name\", \"manager_id\", \"salary\") SELECT \"name\" FROM \"added\"");
        assertThat(sql.binds()).containsExactly(9L, "Ivy", 1L, 90);
    }

    @Test
    void unnestAndJsonbArrayElementsAreFromItems() {
        FunctionTable<String> tag = FunctionTable.unnest("tag", Purchase_.tags, String.class);
        assertThat(db.from(Purchase.class)
                        .crossJoin(tag)
                        .where(tag.value().ne("gift"))
                        .selectTuple(Purchase_.id, tag.value())
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"purchases\".\"id\", \"tag\".\"tag\" FROM \"purchases\" CROSS JOIN"
                        + " unnest(\"purchases\".\"tags\") AS \"tag\"(\"tag\") WHERE \"tag\".\"tag\" <> ?");
        FunctionTable<String> numbered = tag.withOrdinality().lateral();
        assertThat(db.from(Purchase.class)
                        .crossJoin(numbered)
                        .selectTuple(numbered.value(), numbered.ordinality())
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"tag\".\"tag\", \"tag\".\"ordinality\" FROM \"purchases\" CROSS JOIN LATERAL"
                        + " unnest(\"purchases\".\"tags\") WITH ORDINALITY AS \"tag\"(\"tag\", \"ordinality\")");
        FunctionTable<String> item = FunctionTable.jsonbArrayElements("item", Purchase_.attributes.jsonGet("items"));
        FunctionTable<String> label =
                FunctionTable.jsonbArrayElementsText("label", Purchase_.attributes.jsonGet("labels"));
        SqlStatement json = db.from(Purchase.class)
                .crossJoin(item)
                .leftJoin(label, label.value().ne("x"))
                .selectTuple(item.value(), label.value())
                .toSql();
        assertThat(json.sql())
                .isEqualTo("SELECT \"item\".\"item\", \"label\".\"label\" FROM \"purchases\" CROSS JOIN"
                        + " jsonb_array_elements(\"purchases\".\"attributes\" -> ?) AS \"item\"(\"item\") LEFT JOIN"
                        + " jsonb_array_elements_text(\"purchases\".\"attributes\" -> ?) AS \"label\"(\"label\") ON"
                        + " \"label\".\"label\" <> ?");
        assertThat(json.binds()).containsExactly("items", "labels", "x");
    }

    @Test
    void aFunctionTableIsReadOnlyAsPartOfAQuery() {
        FunctionTable<String> tag = FunctionTable.unnest("tag", Purchase_.tags, String.class);
        assertThatThrownBy(() -> db.from(tag))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("function unnest tag is a FROM item of a query, not a query of its own: join it, e.g."
                        + " db.from(Film.class).crossJoin(tag)");
        assertThatThrownBy(tag::ordinality)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("function unnest tag has no ordinality column; call withOrdinality() first");
    }

    @Test
    void namedWindowsAreDeclaredOnceAndReferencedOrExtended() {
        Window w = Window.partitionBy(Employee_.managerId).as("w");
        Window bySalary = w.orderBy(Employee_.salary.desc()).as("by_salary");
        SqlStatement sql = db.from(Employee.class)
                .window(w, bySalary)
                .orderBy(Employee_.id.asc())
                .selectTuple(
                        Employee_.name,
                        count().over(w),
                        rank().over(bySalary),
                        Expressions.sum(Employee_.salary)
                                .over(bySalary.rowsBetween(FrameBound.unboundedPreceding(), FrameBound.currentRow())))
                .toSql();
        assertThat(sql.sql())
                .isEqualTo("SELECT \"name\", count(*) OVER \"w\", rank() OVER \"by_salary\", sum(\"salary\") OVER"
                        + " (\"by_salary\" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM \"employee\" WINDOW"
                        + " \"w\" AS (PARTITION BY \"manager_id\"), \"by_salary\" AS (\"w\" ORDER BY \"salary\" DESC)"
                        + " ORDER BY \"id\" ASC");
    }

    @Test
    void aWindowUsedButNotDeclaredOrDeclaredUnnamedIsRejected() {
        Window w = Window.partitionBy(Employee_.managerId).as("w");
        assertThatThrownBy(() -> db.from(Employee.class)
                        .selectTuple(Employee_.name, count().over(w))
                        .toSql())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Window \"w\" is not declared in this query; declare it with window(w) on the query whose"
                        + " select list or order uses it");
        assertThatThrownBy(() -> db.from(Employee.class).window(Window.all()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("window(...) declares named windows: name each with");
        assertThatThrownBy(() -> db.from(Employee.class).window(w, Window.all().as("w")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window(...): the query already declares a window named \"w\"");
    }

    @Test
    void arrayAggOrdersItsInputAndTakesDistinctAndFilter() {
        SqlStatement sql = db.from(Purchase.class)
                .groupBy(Purchase_.customerId)
                .selectTuple(
                        Purchase_.customerId,
                        arrayAgg(Purchase_.total, Purchase_.total.desc(), Purchase_.id.asc()),
                        arrayAggDistinct(Purchase_.total, Purchase_.total.asc())
                                .filter(Purchase_.total.gt(BigDecimal.ONE)),
                        Expressions.stringAgg(Expressions.cast(Purchase_.id, "text", String.class), "; ")
                                .filter(Purchase_.total.gt(BigDecimal.TEN)))
                .toSql();
        assertThat(sql.sql())
                .isEqualTo("SELECT \"customer_id\", array_agg(\"total\" ORDER BY \"total\" DESC, \"id\" ASC),"
                        + " array_agg(DISTINCT \"total\" ORDER BY \"total\" ASC) FILTER (WHERE \"total\" > ?),"
                        + " string_agg(CAST(\"id\" AS text), '; ') FILTER (WHERE \"total\" > ?) FROM \"purchases\""
                        + " GROUP BY \"customer_id\"");
        assertThat(sql.binds()).containsExactly(BigDecimal.ONE, BigDecimal.TEN);
    }

    @Test
    void sumOfADecimalColumnAndAvgAreTypedBigDecimal() {
        FunctionCall<BigDecimal> total = Expressions.sum(Purchase_.total);
        FunctionCall<BigDecimal> average = Expressions.avg(Customer_.age);
        FunctionCall<Long> ages = Expressions.sumLong(Customer_.age);
        assertThat(db.from(Purchase.class).select(total).toSql().sql())
                .isEqualTo("SELECT sum(\"total\") FROM \"purchases\"");
        assertThat(db.from(Customer.class).selectTuple(average, ages).toSql().sql())
                .isEqualTo("SELECT avg(\"age\"), sum(\"age\") FROM \"customers\"");
    }
}
