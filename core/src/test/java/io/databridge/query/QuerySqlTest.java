package io.databridge.query;

import static io.databridge.query.Expressions.count;
import static io.databridge.query.Expressions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.fixtures.User;
import io.databridge.fixtures.User_;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Pins the exact SQL and binds of every DSL construct; nothing here touches a database. */
class QuerySqlTest {

    static final String CUSTOMER =
            "\"id\", \"email\", \"name\", \"age\", \"active\", \"tier\", \"version\", \"created_at\"";
    static final String USER =
            "\"id\", \"email\", \"name\", \"age\", \"active\", \"version\", \"created_at\", \"updated_at\"";

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));

    @Test
    void theContractQueryRendersWhereOrderLimitAndOffsetWithBinds() {
        SqlStatement sql = db.from(User.class)
                .where(User_.age.gt(25).and(User_.email.endsWith("@example.com")))
                .orderBy(User_.createdAt.desc(), User_.name.asc())
                .limit(20)
                .offset(40)
                .toSql();

        assertThat(sql.sql())
                .isEqualTo("SELECT " + USER + " FROM \"users\" WHERE \"age\" > ? AND \"email\" LIKE ? ORDER BY"
                        + " \"created_at\" DESC, \"name\" ASC LIMIT ? OFFSET ?");
        assertThat(sql.binds()).containsExactly(25, "%@example.com", 20, 40L);
    }

    @Test
    void comparisonsRenderTheirOperators() {
        assertThat(where(Customer_.age.eq(1))).isEqualTo("\"age\" = ?");
        assertThat(where(Customer_.age.ne(1))).isEqualTo("\"age\" <> ?");
        assertThat(where(Customer_.age.ge(1))).isEqualTo("\"age\" >= ?");
        assertThat(where(Customer_.age.lt(1))).isEqualTo("\"age\" < ?");
        assertThat(where(Customer_.age.le(1))).isEqualTo("\"age\" <= ?");
        assertThat(where(Customer_.age.between(1, 9))).isEqualTo("\"age\" BETWEEN ? AND ?");
        assertThat(where(Customer_.name.isNull())).isEqualTo("\"name\" IS NULL");
        assertThat(where(Customer_.name.isNotNull())).isEqualTo("\"name\" IS NOT NULL");
        assertThat(where(Customer_.active.isTrue())).isEqualTo("\"active\" IS TRUE");
        assertThat(where(Customer_.active.isFalse())).isEqualTo("\"active\" IS FALSE");
        assertThat(where(Customer_.name.like("A%"))).isEqualTo("\"name\" LIKE ?");
        assertThat(where(Customer_.name.ilike("a%"))).isEqualTo("\"name\" ILIKE ?");
        assertThat(where(Customer_.name.gt(Customer_.email))).isEqualTo("\"name\" > \"email\"");
    }

    @Test
    void andOrNotNestWithParenthesesOnlyWhereNeeded() {
        Condition condition = Customer_.age
                .gt(1)
                .and(Customer_.name.eq("a").or(Customer_.name.eq("b")))
                .and(Customer_.active.isTrue().not());
        assertThat(where(condition))
                .isEqualTo("\"age\" > ? AND (\"name\" = ? OR \"name\" = ?) AND NOT (\"active\" IS TRUE)");
    }

    @Test
    void likeHelpersEscapeWildcardsAndBackslash() {
        assertThat(db.from(Customer.class)
                        .where(Customer_.name.startsWith("50%_off\\"))
                        .toSql()
                        .binds())
                .containsExactly("50\\%\\_off\\\\%");
        assertThat(db.from(Customer.class)
                        .where(Customer_.name.contains("a_b"))
                        .toSql()
                        .binds())
                .containsExactly("%a\\_b%");
    }

    @Test
    void inBindsOneArraySoTheTextIsTheSameForAnyNumberOfValues() {
        List<Long> thousand = IntStream.range(0, 1000).mapToObj(i -> (long) i).collect(Collectors.toList());
        SqlStatement many =
                db.from(Customer.class).where(Customer_.id.in(thousand)).toSql();
        SqlStatement two =
                db.from(Customer.class).where(Customer_.id.in(1L, 2L)).toSql();

        assertThat(many.sql()).isEqualTo("SELECT " + CUSTOMER + " FROM \"customers\" WHERE \"id\" = ANY(?)");
        assertThat(two.sql()).isEqualTo(many.sql());
        assertThat(two.binds()).containsExactly(List.of(1L, 2L));
        assertThat(where(Customer_.tier.notIn(Tier.GOLD))).isEqualTo("\"tier\" <> ALL(?)");
    }

    @Test
    void identicalShapesRenderIdenticalText() {
        String first =
                db.from(Customer.class).where(Customer_.email.eq("a")).toSql().sql();
        String second =
                db.from(Customer.class).where(Customer_.email.eq("b")).toSql().sql();
        assertThat(first).isEqualTo(second);
    }

    @Test
    void orderingSupportsNullsFirstAndLast() {
        assertThat(db.from(Customer.class)
                        .orderBy(
                                Customer_.age.desc().nullsLast(),
                                Customer_.name.asc().nullsFirst())
                        .toSql()
                        .sql())
                .endsWith(" ORDER BY \"age\" DESC NULLS LAST, \"name\" ASC NULLS FIRST");
    }

    @Test
    void distinctAndDistinctOn() {
        assertThat(db.from(Customer.class)
                        .distinct()
                        .select(Customer_.name)
                        .toSql()
                        .sql())
                .isEqualTo("SELECT DISTINCT \"name\" FROM \"customers\"");
        assertThat(db.from(Customer.class)
                        .distinctOn(Customer_.tier)
                        .orderBy(Customer_.tier.asc(), Customer_.age.desc())
                        .toSql()
                        .sql())
                .isEqualTo("SELECT DISTINCT ON (\"tier\") " + CUSTOMER
                        + " FROM \"customers\" ORDER BY \"tier\" ASC, \"age\" DESC");
    }

    record NameAndAge(String name, Integer age) {}

    @Test
    void projectionsIntoRecordsScalarsAndTuples() {
        assertThat(db.from(Customer.class)
                        .where(Customer_.active.isTrue())
                        .select(NameAndAge.class, Customer_.name, Customer_.age)
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"name\", \"age\" FROM \"customers\" WHERE \"active\" IS TRUE");
        assertThat(db.from(Customer.class)
                        .selectTuple(Customer_.id, Customer_.email.as("mail"))
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"id\", \"email\" AS \"mail\" FROM \"customers\"");
    }

    record TierCount(Tier tier, Long customers) {}

    @Test
    void aggregatesWithFilterGroupByAndHaving() {
        SqlStatement sql = db.from(Customer.class)
                .groupBy(Customer_.tier)
                .having(count().gt(1L))
                .select(TierCount.class, Customer_.tier, count().filter(Customer_.active.isTrue()))
                .orderBy(Customer_.tier.asc())
                .toSql();
        assertThat(sql.sql())
                .isEqualTo("SELECT \"tier\", count(*) FILTER (WHERE \"active\" IS TRUE) FROM \"customers\" GROUP BY"
                        + " \"tier\" HAVING count(*) > ? ORDER BY \"tier\" ASC");
        assertThat(sql.binds()).containsExactly(1L);
        assertThat(db.from(Purchase.class).select(sum(Purchase_.total)).toSql().sql())
                .isEqualTo("SELECT sum(\"total\") FROM \"purchases\"");
        assertThat(db.from(Customer.class)
                        .selectTuple(
                                Expressions.avg(Customer_.age),
                                Expressions.min(Customer_.age),
                                Expressions.max(Customer_.age),
                                Expressions.countDistinct(Customer_.tier))
                        .toSql()
                        .sql())
                .isEqualTo("SELECT avg(\"age\"), min(\"age\"), max(\"age\"), count(DISTINCT \"tier\") FROM"
                        + " \"customers\"");
    }

    @Test
    void joinsQualifyEveryColumn() {
        SqlStatement sql = db.from(Customer.class)
                .join(Purchase.class, Purchase_.customerId.eq(Customer_.id))
                .where(Purchase_.total.gt(new BigDecimal("10")))
                .toSql();
        assertThat(sql.sql())
                .isEqualTo("SELECT \"customers\".\"id\", \"customers\".\"email\", \"customers\".\"name\","
                        + " \"customers\".\"age\", \"customers\".\"active\", \"customers\".\"tier\","
                        + " \"customers\".\"version\", \"customers\".\"created_at\" FROM \"customers\" JOIN"
                        + " \"purchases\" ON \"purchases\".\"customer_id\" = \"customers\".\"id\" WHERE"
                        + " \"purchases\".\"total\" > ?");
        assertThat(db.from(Customer.class)
                        .leftJoin(Purchase.class, Purchase_.customerId.eq(Customer_.id))
                        .rightJoin(Employee.class, Employee_.id.eq(Customer_.id))
                        .fullJoin(Job.class, Job_.id.eq(Customer_.id))
                        .crossJoin(Event.class)
                        .select(Customer_.id)
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"customers\".\"id\" FROM \"customers\" LEFT JOIN \"purchases\" ON"
                        + " \"purchases\".\"customer_id\" = \"customers\".\"id\" RIGHT JOIN \"employee\" ON"
                        + " \"employee\".\"id\" = \"customers\".\"id\" FULL JOIN \"job\" ON \"job\".\"id\" ="
                        + " \"customers\".\"id\" CROSS JOIN \"event\"");
    }

    record Pair(String employee, String manager) {}

    @Test
    void selfJoinsUseAliases() {
        EntityAlias<Employee> e = EntityAlias.of(Employee.class, "e");
        EntityAlias<Employee> m = EntityAlias.of(Employee.class, "m");
        assertThat(db.from(Employee.class)
                        .as(e)
                        .join(m, e.get(Employee_.managerId).eq(m.get(Employee_.id)))
                        .select(Pair.class, e.get(Employee_.name), m.get(Employee_.name))
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"e\".\"name\", \"m\".\"name\" FROM \"employee\" AS \"e\" JOIN \"employee\" AS"
                        + " \"m\" ON \"e\".\"manager_id\" = \"m\".\"id\"");
    }

    @Test
    void subqueriesInExistsAndScalar() {
        assertThat(where(Customer_.id.in(db.from(Purchase.class)
                        .where(Purchase_.total.gt(BigDecimal.ONE))
                        .select(Purchase_.customerId))))
                .isEqualTo("\"id\" IN (SELECT \"purchases\".\"customer_id\" FROM \"purchases\" WHERE"
                        + " \"purchases\".\"total\" > ?)");
        assertThat(where(Expressions.exists(db.from(Purchase.class).where(Purchase_.customerId.eq(Customer_.id)))))
                .isEqualTo("EXISTS (SELECT \"purchases\".\"id\", \"purchases\".\"customer_id\","
                        + " \"purchases\".\"total\", \"purchases\".\"tags\", \"purchases\".\"attributes\" FROM"
                        + " \"purchases\" WHERE \"purchases\".\"customer_id\" = \"customers\".\"id\")");
        assertThat(db.from(Customer.class)
                        .selectTuple(
                                Customer_.name,
                                Expressions.scalar(db.from(Purchase.class)
                                        .where(Purchase_.customerId.eq(Customer_.id))
                                        .select(count())))
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"name\", (SELECT count(*) FROM \"purchases\" WHERE"
                        + " \"purchases\".\"customer_id\" = \"customers\".\"id\") FROM \"customers\"");
    }

    @Test
    void windowFunctions() {
        assertThat(db.from(Employee.class)
                        .selectTuple(
                                Employee_.name,
                                Expressions.rowNumber()
                                        .over(Window.partitionBy(Employee_.managerId)
                                                .orderBy(Employee_.salary.desc())),
                                Expressions.rank().over(Window.ordered(Employee_.salary.desc())),
                                Expressions.denseRank().over(Window.ordered(Employee_.salary.desc())),
                                Expressions.lag(Employee_.salary).over(Window.ordered(Employee_.id.asc())),
                                Expressions.lead(Employee_.salary).over(Window.ordered(Employee_.id.asc())),
                                Expressions.sum(Employee_.salary).over(Window.partitionBy(Employee_.managerId)))
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"name\", row_number() OVER (PARTITION BY \"manager_id\" ORDER BY \"salary\""
                        + " DESC), rank() OVER (ORDER BY \"salary\" DESC), dense_rank() OVER (ORDER BY \"salary\""
                        + " DESC), lag(\"salary\") OVER (ORDER BY \"id\" ASC), lead(\"salary\") OVER (ORDER BY"
                        + " \"id\" ASC), sum(\"salary\") OVER (PARTITION BY \"manager_id\") FROM \"employee\"");
    }

    @Test
    void setOperations() {
        ResultQuery<String> young =
                db.from(Customer.class).where(Customer_.age.lt(20)).select(Customer_.name);
        ResultQuery<String> old =
                db.from(Customer.class).where(Customer_.age.gt(60)).select(Customer_.name);
        assertThat(young.union(old)
                        .orderBy(Customer_.name.asc())
                        .limit(5)
                        .toSql()
                        .sql())
                .isEqualTo("(SELECT \"name\" FROM \"customers\" WHERE \"age\" < ?) UNION (SELECT \"name\" FROM"
                        + " \"customers\" WHERE \"age\" > ?) ORDER BY \"name\" ASC LIMIT ?");
        assertThat(young.unionAll(old).toSql().sql()).contains(") UNION ALL (");
        assertThat(young.intersect(old).toSql().sql()).contains(") INTERSECT (");
        assertThat(young.except(old).toSql().sql()).contains(") EXCEPT (");
    }

    @Test
    void locking() {
        assertThat(db.from(Job.class)
                        .where(Job_.status.eq("ready"))
                        .orderBy(Job_.id.asc())
                        .limit(5)
                        .forUpdate()
                        .skipLocked()
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"id\", \"status\", \"payload\" FROM \"job\" WHERE \"status\" = ? ORDER BY \"id\""
                        + " ASC LIMIT ? FOR UPDATE SKIP LOCKED");
        assertThat(db.from(Job.class).forShare().noWait().toSql().sql()).endsWith(" FOR SHARE NOWAIT");
    }

    @Test
    void deleteUpdateAndReturning() {
        SqlStatement update = db.from(Customer.class)
                .where(Customer_.age.ge(65))
                .set(Customer_.active, false)
                .toSql();
        assertThat(update.sql())
                .isEqualTo("UPDATE \"customers\" SET \"active\" = ?, \"version\" = \"version\" + 1 WHERE \"age\" >= ?");
        assertThat(update.binds()).containsExactly(false, 65);
        assertThat(db.from(Customer.class)
                        .set(Customer_.name, (String) null)
                        .set(Customer_.age, Customer_.age)
                        .toSql()
                        .sql())
                .isEqualTo("UPDATE \"customers\" SET \"name\" = ?, \"age\" = \"age\", \"version\" = \"version\" + 1");
    }

    @Test
    void insertWithOnConflict() {
        Customer ada = new Customer("ada@x.io", "Ada", 36, true, Tier.GOLD);
        assertThat(db.from(Customer.class)
                        .insert(List.of(ada))
                        .onConflict(Customer_.email)
                        .doUpdate(Customer_.name)
                        .toSql()
                        .sql())
                .isEqualTo("INSERT INTO \"customers\" (\"email\", \"name\", \"age\", \"active\", \"tier\", \"version\","
                        + " \"created_at\") VALUES (?, ?, ?, ?, ?, 0, CURRENT_TIMESTAMP) ON CONFLICT (\"email\") DO"
                        + " UPDATE SET \"name\" = EXCLUDED.\"name\", \"version\" = \"customers\".\"version\" + 1");
        assertThat(db.from(Customer.class)
                        .insert(List.of(ada, ada))
                        .onConflict(Customer_.email)
                        .doNothing()
                        .toSql()
                        .sql())
                .endsWith("VALUES (?, ?, ?, ?, ?, 0, CURRENT_TIMESTAMP), (?, ?, ?, ?, ?, 0, CURRENT_TIMESTAMP) ON"
                        + " CONFLICT (\"email\") DO NOTHING");
    }

    @Test
    void keysetPaginationUsesARowComparisonForOneDirection() {
        Customer last = new Customer("x", "Mia", 30, true, Tier.GOLD);
        last.id = 7L;
        SqlStatement sql = db.from(Customer.class)
                .orderBy(Customer_.age.asc(), Customer_.id.asc())
                .after(last)
                .limit(10)
                .toSql();
        assertThat(sql.sql())
                .isEqualTo("SELECT " + CUSTOMER + " FROM \"customers\" WHERE (\"age\", \"id\") > (?, ?) ORDER BY"
                        + " \"age\" ASC, \"id\" ASC LIMIT ?");
        assertThat(sql.binds()).containsExactly(30, 7L, 10);
        assertThat(where(db.from(Customer.class)
                        .orderBy(Customer_.age.desc(), Customer_.id.asc())
                        .seek(30, 7L)))
                .isEqualTo("\"age\" < ? OR (\"age\" = ? AND \"id\" > ?) ORDER BY \"age\" DESC, \"id\" ASC");
    }

    @Test
    void jsonbAndArrayOperators() {
        assertThat(where(db.from(Purchase.class)
                        .where(Purchase_.attributes.jsonGetText("tier").eq("gold"))))
                .isEqualTo("(\"attributes\" ->> ?) = ?");
        assertThat(where(db.from(Purchase.class).where(Purchase_.attributes.jsonContains("{\"tier\":\"gold\"}"))))
                .isEqualTo("\"attributes\" @> ?::jsonb");
        assertThat(where(db.from(Purchase.class).where(Purchase_.attributes.jsonHasKey("tier"))))
                .isEqualTo("\"attributes\" ?? ?");
        assertThat(where(db.from(Purchase.class).where(Purchase_.tags.arrayContains(List.of("a")))))
                .isEqualTo("\"tags\" @> ?");
        assertThat(where(db.from(Purchase.class).where(Purchase_.tags.arrayOverlaps(List.of("a")))))
                .isEqualTo("\"tags\" && ?");
        assertThat(where(db.from(Purchase.class).where(Purchase_.tags.hasElement("a"))))
                .isEqualTo("? = ANY(\"tags\")");
        assertThat(db.from(Purchase.class)
                        .select(Purchase_.attributes.jsonGet("tier"))
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"attributes\" -> ? FROM \"purchases\"");
    }

    @Test
    void escapeHatchBindsValuesAndKeepsThemOutOfTheText() {
        SqlStatement sql = db.from(Customer.class)
                .where(Expressions.function("lower", String.class, Customer_.email)
                        .eq("ada@x.io")
                        .and(Expressions.rawCondition("length(\"name\") > ?", 3)))
                .toSql();
        assertThat(sql.sql()).endsWith(" WHERE lower(\"email\") = ? AND length(\"name\") > ?");
        assertThat(sql.binds()).containsExactly("ada@x.io", 3);
    }

    @Test
    void theMetamodelKeepsGenericTypes() {
        Column<Purchase, Map<String, Object>> attributes = Purchase_.attributes;
        Column<Purchase, List<String>> tags = Purchase_.tags;
        assertThat(attributes.valueClass()).isEqualTo(Map.class);
        assertThat(tags.property()).isEqualTo("tags");
    }

    private String where(Condition condition) {
        return where(db.from(Customer.class).where(condition));
    }

    private static String where(SelectQuery<?> query) {
        String sql = query.toSql().sql();
        return sql.substring(sql.indexOf(" WHERE ") + 7);
    }
}
