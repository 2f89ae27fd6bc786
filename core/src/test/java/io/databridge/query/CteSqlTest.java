package io.databridge.query;

import static io.databridge.query.Expressions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Pins the exact SQL and binds of CTEs and derived tables; nothing here touches a database. */
class CteSqlTest {

    static final String EMPLOYEE = "\"id\", \"name\", \"manager_id\", \"salary\"";

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));

    private final Cte<Tuple> big = Cte.of(
            "big",
            db.from(Purchase.class)
                    .where(Purchase_.total.gt(new BigDecimal("10")))
                    .selectTuple(Purchase_.customerId, Purchase_.total));

    @Test
    void aJoinedCteIsDefinedInWithAndReadByItsTypedColumns() {
        SqlStatement sql = db.from(Customer.class)
                .join(big, big.get(Purchase_.customerId).eq(Customer_.id))
                .where(Customer_.active.isTrue())
                .select(Customer_.name)
                .toSql();

        assertThat(sql.sql())
                .isEqualTo("WITH \"big\"(\"customer_id\", \"total\") AS (SELECT \"customer_id\", \"total\" FROM"
                        + " \"purchases\" WHERE \"total\" > ?) SELECT \"customers\".\"name\" FROM \"customers\" JOIN"
                        + " \"big\" ON \"big\".\"customer_id\" = \"customers\".\"id\" WHERE \"customers\".\"active\""
                        + " IS TRUE");
        assertThat(sql.binds()).containsExactly(new BigDecimal("10"));
    }

    @Test
    void aCteReadWithFromNamesAggregatesByTheirAlias() {
        Expression<BigDecimal> spent = sum(Purchase_.total).as("spent");
        Cte<Tuple> totals = Cte.of(
                "totals",
                db.from(Purchase.class).groupBy(Purchase_.customerId).selectTuple(Purchase_.customerId, spent));

        SqlStatement sql = db.from(totals)
                .where(totals.get(spent).gt(new BigDecimal("100")))
                .orderBy(totals.get(Purchase_.customerId).asc())
                .toSql();

        assertThat(sql.sql())
                .isEqualTo("WITH \"totals\"(\"customer_id\", \"spent\") AS (SELECT \"customer_id\", sum(\"total\") AS"
                        + " \"spent\" FROM \"purchases\" GROUP BY \"customer_id\") SELECT \"customer_id\", \"spent\""
                        + " FROM \"totals\" WHERE \"spent\" > ? ORDER BY \"customer_id\" ASC");
        assertThat(sql.binds()).containsExactly(new BigDecimal("100"));
        assertThat(totals.columnNames()).containsExactly("customer_id", "spent");
    }

    @Test
    void aCteReadingAnotherIsDefinedAfterItWithTheBindsInTextOrder() {
        Cte<Customer> adults = Cte.of("adults", db.from(Customer.class).where(Customer_.age.ge(18)));
        Cte<String> gold = Cte.of(
                "gold",
                db.from(adults).where(adults.get(Customer_.tier).eq(Tier.GOLD)).select(adults.get(Customer_.name)));

        SqlStatement sql =
                db.from(gold).where(gold.get(Customer_.name).ne("Bob")).toSql();

        assertThat(sql.sql())
                .isEqualTo("WITH \"adults\"(\"id\", \"email\", \"name\", \"age\", \"active\", \"tier\", \"version\","
                        + " \"created_at\") AS (SELECT " + QuerySqlTest.CUSTOMER + " FROM \"customers\" WHERE \"age\""
                        + " >= ?), \"gold\"(\"name\") AS (SELECT \"name\" FROM \"adults\" WHERE \"tier\" = ?) SELECT"
                        + " \"name\" FROM \"gold\" WHERE \"name\" <> ?");
        assertThat(sql.binds()).containsExactly(18, Tier.GOLD, "Bob");
    }

    @Test
    void twoCtesInOneStatementAreEachDefinedOnce() {
        Cte<Customer> gold = Cte.of("gold", db.from(Customer.class).where(Customer_.tier.eq(Tier.GOLD)));

        SqlStatement sql = db.from(gold)
                .join(big, big.get(Purchase_.customerId).eq(gold.get(Customer_.id)))
                .where(Expressions.exists(
                        db.from(big).where(big.get(Purchase_.total).gt(new BigDecimal("100")))))
                .select(gold.get(Customer_.name))
                .toSql();

        assertThat(sql.sql())
                .isEqualTo("WITH \"gold\"(\"id\", \"email\", \"name\", \"age\", \"active\", \"tier\", \"version\","
                        + " \"created_at\") AS (SELECT " + QuerySqlTest.CUSTOMER + " FROM \"customers\" WHERE \"tier\""
                        + " = ?), \"big\"(\"customer_id\", \"total\") AS (SELECT \"customer_id\", \"total\" FROM"
                        + " \"purchases\" WHERE \"total\" > ?) SELECT \"gold\".\"name\" FROM \"gold\" JOIN \"big\" ON"
                        + " \"big\".\"customer_id\" = \"gold\".\"id\" WHERE EXISTS (SELECT \"big\".\"customer_id\","
                        + " \"big\".\"total\" FROM \"big\" WHERE \"big\".\"total\" > ?)");
        assertThat(sql.binds()).containsExactly(Tier.GOLD, new BigDecimal("10"), new BigDecimal("100"));
    }

    @Test
    void aCteReadOnlyInASubqueryIsHoistedToTheStatement() {
        SqlStatement sql = db.from(Customer.class)
                .where(Customer_.active
                        .isTrue()
                        .and(Customer_.id.in(db.from(big).select(big.get(Purchase_.customerId)))))
                .toSql();

        assertThat(sql.sql())
                .isEqualTo("WITH \"big\"(\"customer_id\", \"total\") AS (SELECT \"customer_id\", \"total\" FROM"
                        + " \"purchases\" WHERE \"total\" > ?) SELECT " + QuerySqlTest.CUSTOMER + " FROM \"customers\""
                        + " WHERE \"active\" IS TRUE AND \"id\" IN (SELECT \"big\".\"customer_id\" FROM \"big\")");
        assertThat(sql.binds()).containsExactly(new BigDecimal("10"));
    }

    @Test
    void aRecursiveCteUnionsItsAnchorWithAStepThatReadsItself() {
        Cte<Employee> team = Cte.recursive(
                "team",
                db.from(Employee.class).where(Employee_.id.eq(2L)),
                t -> db.from(Employee.class).join(t, Employee_.managerId.eq(t.get(Employee_.id))));

        SqlStatement sql = db.from(team).orderBy(team.get(Employee_.id).asc()).toSql();

        assertThat(sql.sql())
                .isEqualTo("WITH RECURSIVE \"team\"(" + EMPLOYEE + ") AS ((SELECT " + EMPLOYEE + " FROM \"employee\""
                        + " WHERE \"id\" = ?) UNION ALL (SELECT \"employee\".\"id\", \"employee\".\"name\","
                        + " \"employee\".\"manager_id\", \"employee\".\"salary\" FROM \"employee\" JOIN \"team\" ON"
                        + " \"employee\".\"manager_id\" = \"team\".\"id\")) SELECT " + EMPLOYEE + " FROM \"team\""
                        + " ORDER BY \"id\" ASC");
        assertThat(sql.binds()).containsExactly(2L);
    }

    @Test
    void aDerivedTableIsASubqueryInFromWithItsColumnList() {
        DerivedTable<Tuple> totals = DerivedTable.of(
                "totals",
                db.from(Purchase.class)
                        .where(Purchase_.total.gt(new BigDecimal("5")))
                        .groupBy(Purchase_.customerId)
                        .selectTuple(Purchase_.customerId, sum(Purchase_.total).as("spent")));

        SqlStatement sql = db.from(Customer.class)
                .join(totals, totals.get(Purchase_.customerId).eq(Customer_.id))
                .where(totals.column("spent", BigDecimal.class).gt(new BigDecimal("20")))
                .select(Customer_.name)
                .toSql();

        assertThat(sql.sql())
                .isEqualTo("SELECT \"customers\".\"name\" FROM \"customers\" JOIN (SELECT \"customer_id\","
                        + " sum(\"total\") AS \"spent\" FROM \"purchases\" WHERE \"total\" > ? GROUP BY"
                        + " \"customer_id\") AS \"totals\"(\"customer_id\", \"spent\") ON \"totals\".\"customer_id\" ="
                        + " \"customers\".\"id\" WHERE \"totals\".\"spent\" > ?");
        assertThat(sql.binds()).containsExactly(new BigDecimal("5"), new BigDecimal("20"));
    }

    @Test
    void aDerivedTableCanBeTheRootOfAQuery() {
        DerivedTable<String> names = DerivedTable.of(
                "names",
                db.from(Customer.class).where(Customer_.active.isTrue()).select(Customer_.name));

        SqlStatement sql = db.from(names)
                .where(names.get(Customer_.name).startsWith("A"))
                .limit(3)
                .toSql();

        assertThat(sql.sql())
                .isEqualTo("SELECT \"name\" FROM (SELECT \"name\" FROM \"customers\" WHERE \"active\" IS TRUE) AS"
                        + " \"names\"(\"name\") WHERE \"name\" LIKE ? LIMIT ?");
        assertThat(sql.binds()).containsExactly("A%", 3);
    }
}
