package io.databridge.query;

import static io.databridge.query.Expressions.count;
import static io.databridge.query.Expressions.function;
import static io.databridge.query.Expressions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 12, bugs 3 to 5: where an aliased or selected expression renders outside the select list, and how {@code
 * ORDER BY} of a set operation addresses its output columns. Exact SQL; {@code OutputKeysIntegrationTest} runs them.
 */
class OutputKeysSqlTest {

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));

    @Test
    void anAliasRendersOnlyInTheSelectListAndOrderByUsesIt() {
        Expression<Long> n = count(Customer_.name).as("n");
        String sql = db.from(Customer.class)
                .groupBy(Customer_.tier)
                .having(n.gt(1L))
                .orderBy(n.desc())
                .selectTuple(Customer_.tier, n)
                .toSql()
                .sql();
        assertThat(sql)
                .isEqualTo("SELECT \"tier\", count(\"name\") AS \"n\" FROM \"customers\" GROUP BY \"tier\""
                        + " HAVING count(\"name\") > ? ORDER BY \"n\" DESC");
    }

    @Test
    void anAliasedKeyInGroupByAndInAWindowRendersTheExpression() {
        Expression<String> lowered = Expressions.lower(Customer_.name).as("lowered");
        Expression<Long> rank =
                Expressions.rank().over(Window.ordered(lowered.asc())).as("r");
        String sql = db.from(Customer.class)
                .groupBy(lowered)
                .selectTuple(lowered, rank)
                .toSql()
                .sql();
        assertThat(sql)
                .isEqualTo("SELECT lower(\"name\") AS \"lowered\", rank() OVER (ORDER BY lower(\"name\") ASC) AS \"r\""
                        + " FROM \"customers\" GROUP BY lower(\"name\")");
    }

    @Test
    void aSelectedExpressionWithBindsIsOrderedAndGroupedByPosition() {
        Expression<String> full = function("concat", String.class, Customer_.name, value(" "), Customer_.email);
        SqlStatement distinct = db.from(Customer.class)
                .distinct()
                .orderBy(full.asc())
                .select(full)
                .toSql();
        assertThat(distinct.sql())
                .isEqualTo("SELECT DISTINCT concat(\"name\", ?, \"email\") FROM \"customers\" ORDER BY 1 ASC");
        assertThat(distinct.binds()).containsExactly(" ");

        String grouped = db.from(Customer.class)
                .groupBy(full)
                .selectTuple(full, count())
                .toSql()
                .sql();
        assertThat(grouped).isEqualTo("SELECT concat(\"name\", ?, \"email\"), count(*) FROM \"customers\" GROUP BY 1");
    }

    @Test
    void anInlinedLiteralMatchesItselfSoTheExpressionRepeats() {
        Expression<String> full =
                function("concat", String.class, Customer_.name, Expressions.literal(" it's "), Customer_.email);
        SqlStatement sql = db.from(Customer.class)
                .distinct()
                .orderBy(full.asc())
                .select(full)
                .toSql();
        assertThat(sql.sql())
                .isEqualTo("SELECT DISTINCT concat(\"name\", ' it''s ', \"email\") FROM \"customers\""
                        + " ORDER BY concat(\"name\", ' it''s ', \"email\") ASC");
        assertThat(sql.binds()).isEmpty();
    }

    @Test
    void setOperationOrderByAddressesOutputColumnsOfAliasedAndJoinedTables() {
        EntityAlias<Customer> c1 = EntityAlias.of(Customer.class, "c1");
        ResultQuery<Tuple> left = db.from(Customer.class)
                .as(c1)
                .join(Purchase.class, Purchase_.customerId.eq(c1.get(Customer_.id)))
                .selectTuple(c1.get(Customer_.name), Purchase_.total);
        ResultQuery<Tuple> right = db.from(Customer.class).selectTuple(Customer_.name, Customer_.age);
        String sql = left.union(right)
                .orderBy(c1.get(Customer_.name).asc(), Purchase_.total.desc())
                .toSql()
                .sql();
        assertThat(sql)
                .endsWith(
                        ") UNION (SELECT \"name\", \"age\" FROM \"customers\") ORDER BY \"name\" ASC, \"total\" DESC");
    }

    @Test
    void setOperationOrderByUsesAliasOrPosition() {
        Expression<Long> n = count().as("n");
        Expression<String> lowered = Expressions.lower(Customer_.name);
        ResultQuery<Tuple> left = db.from(Customer.class).groupBy(lowered).selectTuple(lowered, n);
        ResultQuery<Tuple> right =
                db.from(Customer.class).groupBy(Customer_.email).selectTuple(Customer_.email, n);
        String sql =
                left.unionAll(right).orderBy(n.desc(), lowered.asc()).toSql().sql();
        assertThat(sql).endsWith(" ORDER BY \"n\" DESC, 1 ASC");
    }

    @Test
    void setOperationOrderByAnUnselectedColumnFailsWithAClearMessage() {
        ResultQuery<String> names = db.from(Customer.class).select(Customer_.name);
        assertThatThrownBy(() -> names.union(names).orderBy(Customer_.age.asc()).toSql())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("ORDER BY of a set operation sorts its output rows, and Customer.age is not one of their"
                        + " columns; order by an expression the first query selects (the same column, or the very"
                        + " expression, or its alias)");
    }

    @Test
    void setOperationOfEntitiesOrdersByTheRootsColumnsThroughItsAlias() {
        EntityAlias<Customer> c1 = EntityAlias.of(Customer.class, "c1");
        String sql = db.from(Customer.class)
                .as(c1)
                .where(c1.get(Customer_.age).lt(20))
                .union(db.from(Customer.class).where(Customer_.age.gt(30)))
                .orderBy(c1.get(Customer_.name).asc())
                .toSql()
                .sql();
        assertThat(sql).endsWith(" ORDER BY \"name\" ASC");
    }

    @Test
    void theRenderCacheTellsASelectedKeyFromAnEqualLookingOne() {
        Expression<String> full = function("concat", String.class, Customer_.name, value(" "), Customer_.email);
        Expression<String> other = function("concat", String.class, Customer_.name, value(" "), Customer_.email);
        SqlStatement byPosition =
                db.from(Customer.class).orderBy(full.asc()).selectTuple(full).toSql();
        SqlStatement byExpression =
                db.from(Customer.class).orderBy(other.asc()).selectTuple(full).toSql();

        assertThat(byPosition.sql()).endsWith(" ORDER BY 1 ASC");
        assertThat(byPosition.binds()).hasSize(1);
        assertThat(byExpression.sql()).endsWith(" ORDER BY concat(\"name\", ?, \"email\") ASC");
        assertThat(byExpression.binds()).hasSize(2);
    }
}
