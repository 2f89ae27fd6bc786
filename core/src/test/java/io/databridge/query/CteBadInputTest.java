package io.databridge.query;

import static io.databridge.query.Expressions.sum;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Bad CTEs and derived tables fail with a clear message before any SQL is sent: the data source points nowhere, so a
 * statement that reached the driver would fail differently.
 */
class CteBadInputTest {

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));

    private final ResultQuery<Tuple> purchases =
            db.from(Purchase.class).selectTuple(Purchase_.customerId, Purchase_.total);

    @Test
    void aNullNameIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cte.of(null, purchases))
                .withMessage("A CTE needs a name, not null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DerivedTable.of(null, purchases))
                .withMessage("A derived table needs a name, not null");
    }

    @Test
    void aNameThatIsNotAnIdentifierIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cte.of("recent\"; DROP TABLE x; --", purchases))
                .withMessage("CTE name 'recent\"; DROP TABLE x; --' has an invalid character at position 7:"
                        + " identifiers must match [A-Za-z_][A-Za-z0-9_$]*");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DerivedTable.of("", purchases))
                .withMessage("derived table name must not be empty");
    }

    @Test
    void aNullQueryIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cte.of("recent", null))
                .withMessage("Cte.of(\"recent\", query) needs a query, not null");
    }

    @Test
    void aColumnTheQueryDidNotSelectIsRejected() {
        Cte<Tuple> recent = Cte.of("recent", purchases);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> recent.get(Purchase_.tags))
                .withMessage("CTE recent has no column for Purchase.tags; its columns are [customer_id, total]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> recent.column("spent", BigDecimal.class))
                .withMessage("CTE recent has no column named 'spent'; its columns are [customer_id, total]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> recent.column("total", String.class))
                .withMessage("CTE recent.total holds BigDecimal values, not String");
    }

    @Test
    void anUnnamedComputedColumnIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cte.of("totals", db.from(Purchase.class).selectTuple(sum(Purchase_.total))))
                .withMessage("CTE totals needs a name for the column sum([Purchase.total]): select it as"
                        + " expression.as(\"name\")");
    }

    @Test
    void twoColumnsWithOneNameAreRejected() {
        EntityAlias<Employee> e = EntityAlias.of(Employee.class, "e");
        EntityAlias<Employee> m = EntityAlias.of(Employee.class, "m");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DerivedTable.of(
                        "pairs",
                        db.from(Employee.class)
                                .as(e)
                                .join(m, e.get(Employee_.managerId).eq(m.get(Employee_.id)))
                                .selectTuple(e.get(Employee_.name), m.get(Employee_.name))))
                .withMessage("derived table pairs would have two columns named 'name'; rename one with"
                        + " .as(\"other_name\")");
    }

    @Test
    void aColumnOfATableThatIsNotInTheQueryIsRejected() {
        Cte<Tuple> recent = Cte.of("recent", purchases);
        assertThatThrownBy(() -> db.from(Customer.class)
                        .where(recent.get(Purchase_.total).gt(BigDecimal.ONE))
                        .list())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Column recent.total belongs to CTE recent, which is not in this query; read it with"
                        + " db.from(recent) or join it");
    }

    @Test
    void twoDifferentCtesWithOneNameAreRejected() {
        Cte<Tuple> first = Cte.of("recent", purchases);
        Cte<Tuple> second = Cte.of("recent", purchases.limit(1));
        assertThatThrownBy(() -> db.from(first)
                        .join(second, second.get(Purchase_.customerId).eq(first.get(Purchase_.customerId)))
                        .toSql())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Two different CTEs are named 'recent' in one statement; give each its own name, or reuse"
                        + " one Cte object");
    }

    @Test
    void aRecursiveStepWithOtherColumnsThanTheAnchorIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cte.recursive(
                        "team",
                        db.from(Employee.class).where(Employee_.id.eq(1L)),
                        t -> db.from(Employee.class)
                                .join(t, Employee_.managerId.eq(t.get(Employee_.id)))
                                .select(Employee.class, Employee_.id, Employee_.name)))
                .withMessage("Cte.recursive(\"team\", anchor, step): the step selects 2 columns but the anchor"
                        + " selects 4; they must match");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cte.recursive("team", db.from(Employee.class), t -> null))
                .withMessage("Cte.recursive(\"team\", anchor, step): the step needs a query, not null");
    }

    @Test
    void theStepsSelfReferenceCannotBeReadOutsideTheStep() {
        AtomicReference<Cte<Employee>> leaked = new AtomicReference<>();
        Cte.recursive("team", db.from(Employee.class), t -> {
            leaked.set(t);
            return db.from(Employee.class).join(t, Employee_.managerId.eq(t.get(Employee_.id)));
        });
        assertThatThrownBy(() -> db.from(leaked.get()).toSql())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("The CTE handed to the step of Cte.recursive(\"team\", ...) can only be read inside that"
                        + " step; elsewhere use the Cte that Cte.recursive returned");
    }

    @Test
    void writesOnACteAreRejected() {
        Cte<Customer> adults = Cte.of("adults", db.from(Customer.class).where(Customer_.age.ge(18)));
        assertThatThrownBy(() -> db.from(adults).delete())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("delete() needs an entity's table, but this query reads CTE adults");
        assertThatThrownBy(() -> db.from(adults).set(Customer_.name, "x"))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("update() needs an entity's table, but this query reads CTE adults");
    }

    @Test
    void nullTablesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.from((QueryTable<Object>) null))
                .withMessage("from(null): pass a Cte or DerivedTable");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.from(Customer.class).join((QueryTable<?>) null, Customer_.active.isTrue()))
                .withMessage("A join needs a Cte or DerivedTable, not null");
    }
}
