package io.databridge.query;

import static io.databridge.query.Expressions.caseWhen;
import static io.databridge.query.Expressions.coalesce;
import static io.databridge.query.Expressions.count;
import static io.databridge.query.Expressions.literal;
import static io.databridge.query.Expressions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of DSL statement states its shape, so that one built anew per call renders once (issue 10 §1), and the
 * shape holds everything written into the text (inlined literals, frame offsets, CTE bodies), so that two statements
 * differing only there never share a rendering. Counted by the engine's {@link RenderCache}.
 */
@PostgresTest
class RenderOnceShapesIntegrationTest {

    private final DataBridge db;
    private Customer ada;
    private Customer bob;

    RenderOnceShapesIntegrationTest(DataSource dataSource) {
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
        db.insert(new Customer("cy@example.com", "Cy", 52, true, Tier.SILVER));
        db.insert(Purchase.of(ada.id, "120.50", List.of("book"), Map.of("tier", "gold", "items", List.of(1, 2))));
        db.insert(Purchase.of(ada.id, "9.50", List.of("food"), Map.of("tier", "basic")));
        db.insert(Purchase.of(bob.id, "30.00", List.of("book", "pen"), Map.of("tier", "basic")));
        db.insert(new Employee(1L, "Boss", null, 300));
        db.insert(new Employee(2L, "Eve", 1L, 200));
        db.insert(new Employee(3L, "Dan", 1L, 150));
    }

    private long renders() {
        return ((DefaultSelectQuery<?>) db.from(Customer.class))
                .executor
                .cache()
                .renders();
    }

    /** Each statement, built from scratch for the loop index {@code i} (0, 1, 2), which only changes bound values. */
    private Map<String, IntFunction<Object>> statements() {
        Map<String, IntFunction<Object>> kinds = new LinkedHashMap<>();
        kinds.put(
                "IN subquery",
                i -> db.from(Customer.class)
                        .where(Customer_.id.in(db.from(Purchase.class)
                                .where(Purchase_.total.gt(BigDecimal.valueOf(i * 10)))
                                .select(Purchase_.customerId)))
                        .list());
        kinds.put(
                "correlated EXISTS",
                i -> db.from(Customer.class)
                        .where(Expressions.exists(db.from(Purchase.class)
                                .where(Purchase_.customerId
                                        .eq(Customer_.id)
                                        .and(Purchase_.total.gt(BigDecimal.valueOf(i))))))
                        .count());
        kinds.put(
                "scalar subquery",
                i -> db.from(Customer.class)
                        .selectTuple(
                                Customer_.name,
                                Expressions.scalar(db.from(Purchase.class)
                                        .where(Purchase_.customerId.eq(Customer_.id))
                                        .select(count())))
                        .list());
        kinds.put("CTE", i -> {
            Cte<Tuple> big = Cte.of(
                    "big",
                    db.from(Purchase.class)
                            .where(Purchase_.total.gt(BigDecimal.valueOf(i)))
                            .selectTuple(Purchase_.customerId, Purchase_.total));
            return db.from(Customer.class)
                    .join(big, big.get(Purchase_.customerId).eq(Customer_.id))
                    .select(Customer_.name)
                    .list();
        });
        kinds.put("recursive CTE", i -> {
            Cte<Employee> team = Cte.recursive(
                    "team",
                    db.from(Employee.class).where(Employee_.id.eq(1L + i)),
                    t -> db.from(Employee.class).join(t, Employee_.managerId.eq(t.get(Employee_.id))));
            return db.from(team).list();
        });
        kinds.put("derived table", i -> {
            DerivedTable<Tuple> totals = DerivedTable.of(
                    "totals",
                    db.from(Purchase.class)
                            .where(Purchase_.total.gt(BigDecimal.valueOf(i)))
                            .groupBy(Purchase_.customerId)
                            .selectTuple(
                                    Purchase_.customerId,
                                    Expressions.sumDecimal(Purchase_.total).as("spent")));
            return db.from(totals).list();
        });
        kinds.put("LATERAL derived table", i -> {
            DerivedTable<Purchase> latest = DerivedTable.lateral(
                    "latest",
                    db.from(Purchase.class)
                            .where(Purchase_.customerId.eq(Customer_.id))
                            .orderBy(Purchase_.id.desc())
                            .limit(1 + i));
            return db.from(Customer.class)
                    .crossJoin(latest)
                    .selectTuple(Customer_.name, latest.get(Purchase_.total))
                    .list();
        });
        kinds.put(
                "window with a frame",
                i -> db.from(Purchase.class)
                        .where(Purchase_.total.gt(BigDecimal.valueOf(i)))
                        .selectTuple(
                                Purchase_.id,
                                sum(Purchase_.total)
                                        .over(Window.partitionBy(Purchase_.customerId)
                                                .orderBy(Purchase_.id.asc())
                                                .rowsBetween(FrameBound.preceding(1), FrameBound.currentRow())))
                        .list());
        kinds.put(
                "keyset after(row)",
                i -> db.from(Customer.class)
                        .orderBy(Customer_.age.asc(), Customer_.id.asc())
                        .after(i == 1 ? bob : ada)
                        .limit(2)
                        .list());
        kinds.put(
                "keyset seek(values)",
                i -> db.from(Customer.class)
                        .orderBy(Customer_.age.desc(), Customer_.id.asc())
                        .seek(20 + i, 1L)
                        .list());
        kinds.put(
                "set operation",
                i -> db.from(Customer.class)
                        .where(Customer_.age.lt(20 + i))
                        .select(Customer_.name)
                        .union(db.from(Customer.class)
                                .where(Customer_.age.gt(40 + i))
                                .select(Customer_.name))
                        .orderBy(Customer_.name.desc())
                        .limit(5)
                        .list());
        kinds.put(
                "scalar expressions",
                i -> db.from(Customer.class)
                        .selectTuple(
                                caseWhen(Customer_.age.lt(18 + i), literal("minor"))
                                        .otherwise("adult"),
                                coalesce(Customer_.age, 0).plus(i).times(literal(2)),
                                Expressions.cast(Customer_.age, "numeric(10, 2)", BigDecimal.class),
                                Customer_.name.concat(literal(" <")).concat(Customer_.email),
                                Expressions.extract(DatePart.YEAR, Customer_.createdAt),
                                Expressions.dateTrunc(DatePart.DAY, Customer_.createdAt)
                                        .plusInterval(Expressions.interval("1 day")),
                                Expressions.currentDate())
                        .list());
        kinds.put(
                "aggregates: FILTER, ordered-set, string_agg ORDER BY",
                i -> db.from(Customer.class)
                        .selectTuple(
                                count().filter(Customer_.age.gt(i)),
                                Expressions.percentileCont(0.5, Customer_.age.asc()),
                                Expressions.stringAgg(Customer_.name, ", ", Customer_.name.desc()))
                        .list());
        kinds.put(
                "ROLLUP, CUBE, GROUPING SETS",
                i -> db.from(Customer.class)
                        .where(Customer_.age.gt(i))
                        .groupBy(Expressions.rollup(Customer_.tier, Customer_.active))
                        .selectTuple(Customer_.tier, Customer_.active, Expressions.grouping(Customer_.tier), count())
                        .list());
        kinds.put(
                "full-text search",
                i -> db.from(Customer.class)
                        .where(Expressions.toTsVector("simple", Customer_.name)
                                .textMatches(Expressions.plainToTsQuery("simple", i == 0 ? "ada" : "bob")))
                        .list());
        kinds.put(
                "jsonb paths",
                i -> db.from(Purchase.class)
                        .where(Purchase_.attributes
                                .jsonPathText("tier")
                                .eq(i == 0 ? "gold" : "basic")
                                .or(Purchase_.attributes.jsonPathExists("$.items[*] ? (@ > 1)")))
                        .list());
        kinds.put(
                "count() of a grouped query",
                i -> db.from(Customer.class)
                        .where(Customer_.age.gt(i))
                        .groupBy(Customer_.tier)
                        .select(Customer_.tier)
                        .count());
        kinds.put(
                "exists()",
                i -> db.from(Customer.class).where(Customer_.age.gt(i)).exists());
        kinds.put(
                "INSERT ... SELECT",
                i -> db.from(Customer.class)
                        .where(Customer_.age.gt(20))
                        .selectTuple(Customer_.id.plus(100L * (i + 1)), Customer_.name, Customer_.age)
                        .insertInto(Employee.class, Employee_.id, Employee_.name, Employee_.salary));
        kinds.put(
                "UPDATE ... FROM",
                i -> db.from(Customer.class)
                        .join(Purchase.class, Purchase_.customerId.eq(Customer_.id))
                        .where(Purchase_.total.gt(BigDecimal.valueOf(i)))
                        .set(Customer_.age, Customer_.age.plus(0))
                        .update());
        kinds.put(
                "DELETE ... USING",
                i -> db.from(Purchase.class)
                        .join(Customer.class, Customer_.id.eq(Purchase_.customerId))
                        .where(Customer_.age.gt(1000 + i))
                        .delete());
        kinds.put(
                "INSERT ... VALUES ON CONFLICT",
                i -> db.from(Employee.class)
                        .insert(List.of(new Employee(50L + i, "Temp", 1L, 10)))
                        .onConflict(Employee_.id)
                        .doUpdate(Employee_.name)
                        .returning());
        return kinds;
    }

    @Test
    void aStatementOfEachKindBuiltInALoopRendersOnce() {
        for (Map.Entry<String, IntFunction<Object>> kind : statements().entrySet()) {
            long before = renders();
            for (int i = 0; i < 3; i++) {
                kind.getValue().apply(i);
            }
            assertThat(renders() - before).as(kind.getKey()).isEqualTo(1);
        }
    }

    @Test
    void eachCallOfACachedShapeBindsItsOwnValues() {
        IntFunction<List<String>> namesOver = age -> {
            Cte<Customer> older = Cte.of("older", db.from(Customer.class).where(Customer_.age.gt(age)));
            return db.from(older)
                    .orderBy(older.get(Customer_.name).asc())
                    .select(older.get(Customer_.name))
                    .list();
        };
        assertThat(namesOver.apply(10)).containsExactly("Ada", "Bob", "Cy");
        assertThat(namesOver.apply(20)).containsExactly("Ada", "Cy");
        assertThat(namesOver.apply(40)).containsExactly("Cy");
        Cte<Customer> probe = Cte.of("older", db.from(Customer.class).where(Customer_.age.gt(40)));
        assertThat(db.from(probe).select(probe.get(Customer_.name)).toSql().binds())
                .containsExactly(40);
    }

    @Test
    void tuplesOfACachedShapeAreReadByTheCallersOwnExpressions() {
        for (int i = 0; i < 3; i++) {
            FunctionCall<Long> members = count();
            Expression<String> label =
                    caseWhen(Customer_.active.isTrue(), literal("on")).otherwise("off");
            List<Tuple> rows = db.from(Customer.class)
                    .groupBy(Customer_.active, label)
                    .orderBy(Customer_.active.asc())
                    .selectTuple(Customer_.active, label, members)
                    .list();
            assertThat(rows).extracting(row -> row.get(label)).containsExactly("off", "on");
            assertThat(rows).extracting(row -> row.get(members)).containsExactly(1L, 2L);
        }
    }

    @Test
    void queriesDifferingOnlyInAnInlinedLiteralDoNotShareARendering() {
        long before = renders();
        assertThat(db.from(Customer.class)
                        .where(Customer_.id.eq(ada.id))
                        .select(literal("a"))
                        .one())
                .isEqualTo("a");
        assertThat(db.from(Customer.class)
                        .where(Customer_.id.eq(ada.id))
                        .select(literal("b"))
                        .one())
                .isEqualTo("b");
        assertThat(db.from(Customer.class)
                        .where(Customer_.id.eq(ada.id))
                        .select(Expressions.stringAgg(Customer_.name, "+"))
                        .one())
                .isEqualTo("Ada");
        assertThat(db.from(Customer.class)
                        .select(Expressions.percentileDisc(1.0, Customer_.age.asc(), Integer.class))
                        .one())
                .isEqualTo(52);
        assertThat(db.from(Customer.class)
                        .select(Expressions.percentileDisc(0.0, Customer_.age.asc(), Integer.class))
                        .one())
                .isEqualTo(17);
        assertThat(renders() - before).isEqualTo(5);
    }

    @Test
    void queriesDifferingOnlyInAFrameBoundDoNotShareARendering() {
        IntFunction<List<BigDecimal>> runningSums = rows -> db.from(Purchase.class)
                .orderBy(Purchase_.id.asc())
                .select(Expressions.sumDecimal(Purchase_.total)
                        .over(Window.ordered(Purchase_.id.asc())
                                .rowsBetween(FrameBound.preceding(rows), FrameBound.currentRow())))
                .list();
        assertThat(runningSums.apply(0)).containsExactly(dec("120.50"), dec("9.50"), dec("30.00"));
        assertThat(runningSums.apply(1)).containsExactly(dec("120.50"), dec("130.00"), dec("39.50"));
        assertThat(runningSums.apply(2)).containsExactly(dec("120.50"), dec("130.00"), dec("160.00"));
    }

    @Test
    void queriesDifferingOnlyInACteBodyDoNotShareARendering() {
        Cte<Customer> young = Cte.of("picked", db.from(Customer.class).where(Customer_.age.lt(30)));
        Cte<Customer> old = Cte.of("picked", db.from(Customer.class).where(Customer_.age.gt(30)));
        Cte<Customer> gold = Cte.of("picked", db.from(Customer.class).where(Customer_.tier.eq(Tier.GOLD)));
        assertThat(db.from(young).select(young.get(Customer_.name)).list()).containsExactly("Bob");
        assertThat(db.from(old)
                        .orderBy(old.get(Customer_.name).asc())
                        .select(old.get(Customer_.name))
                        .list())
                .containsExactly("Ada", "Cy");
        assertThat(db.from(gold).select(gold.get(Customer_.name)).list()).containsExactly("Ada");
    }

    @Test
    void queriesDifferingOnlyInAnIntervalDoNotShareARendering() {
        long dayLater = db.from(Customer.class)
                .where(Customer_.createdAt
                        .plusInterval(Expressions.interval("1 day"))
                        .gt(Expressions.now()))
                .count();
        long dayEarlier = db.from(Customer.class)
                .where(Customer_.createdAt
                        .plusInterval(Expressions.interval("-1 day"))
                        .gt(Expressions.now()))
                .count();
        assertThat(dayLater).isEqualTo(3);
        assertThat(dayEarlier).isZero();
    }

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }
}
