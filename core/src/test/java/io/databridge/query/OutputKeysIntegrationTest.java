package io.databridge.query;

import static io.databridge.query.Expressions.count;
import static io.databridge.query.Expressions.function;
import static io.databridge.query.Expressions.value;
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

/** Issue 12, bugs 3 to 5 on PostgreSQL: the statements {@code OutputKeysSqlTest} pins run and return the right rows. */
@PostgresTest
class OutputKeysIntegrationTest {

    private final DataBridge db;

    OutputKeysIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Customer.class, Purchase.class);
    }

    @BeforeEach
    void fillTables() {
        db.sql("TRUNCATE customers, purchases RESTART IDENTITY").update();
        Customer ada = db.insert(new Customer("ada@example.com", "Ada", 36, true, Tier.GOLD));
        Customer bob = db.insert(new Customer("bob@example.org", "Bob", 17, false, Tier.BRONZE));
        db.insert(new Customer("cy@example.com", "Cy", null, true, Tier.GOLD));
        db.insert(Purchase.of(ada.id, "120.50", List.of("book"), Map.of()));
        db.insert(Purchase.of(bob.id, "30.00", List.of("book"), Map.of()));
    }

    @Test
    void anAliasedAggregateOrdersAndFilters() {
        Expression<Long> n = count(Customer_.name).as("n");
        List<Tuple> rows = db.from(Customer.class)
                .groupBy(Customer_.tier)
                .having(n.ge(1L))
                .orderBy(n.desc())
                .selectTuple(Customer_.tier, n)
                .list();
        assertThat(rows).extracting(row -> row.get(Customer_.tier)).containsExactly(Tier.GOLD, Tier.BRONZE);
        assertThat(rows).extracting(row -> row.get(n)).containsExactly(2L, 1L);
    }

    @Test
    void distinctOrderedByASelectedExpressionWithABind() {
        Expression<String> full = function("concat", String.class, Customer_.tier, value(" "), Customer_.active);
        assertThat(db.from(Customer.class)
                        .distinct()
                        .orderBy(full.desc())
                        .select(full)
                        .list())
                .containsExactly("GOLD t", "BRONZE f");
        Expression<String> inline =
                function("concat", String.class, Customer_.tier, Expressions.literal("/"), Customer_.active);
        assertThat(db.from(Customer.class)
                        .distinct()
                        .orderBy(inline.asc())
                        .select(inline)
                        .list())
                .containsExactly("BRONZE/f", "GOLD/t");
        assertThat(db.from(Customer.class)
                        .groupBy(full)
                        .orderBy(full.asc())
                        .selectTuple(full, count())
                        .list())
                .extracting(row -> row.get(1))
                .containsExactly(1L, 2L);
    }

    @Test
    void setOperationOrderedByAnAliasedAndAJoinedColumn() {
        EntityAlias<Customer> c1 = EntityAlias.of(Customer.class, "c1");
        ResultQuery<Tuple> buyers = db.from(Customer.class)
                .as(c1)
                .join(Purchase.class, Purchase_.customerId.eq(c1.get(Customer_.id)))
                .selectTuple(c1.get(Customer_.name), Purchase_.total);
        ResultQuery<Tuple> others = db.from(Customer.class)
                .where(Customer_.age.isNull())
                .selectTuple(Customer_.name, Expressions.literal(BigDecimal.ZERO));
        List<Tuple> rows = buyers.union(others).orderBy(Purchase_.total.desc()).list();
        assertThat(rows).extracting(row -> row.get(0)).containsExactly("Ada", "Bob", "Cy");
        assertThat(buyers.union(others).orderBy(c1.get(Customer_.name).desc()).list())
                .extracting(row -> row.get(0))
                .containsExactly("Cy", "Bob", "Ada");
    }
}
