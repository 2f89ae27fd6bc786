package io.databridge.query;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Bad input fails with a clear message before any SQL is sent: the data source points nowhere, so a statement that
 * reached the driver would fail differently.
 */
class BadInputTest {

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));

    @Test
    void aNullValueIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Customer_.name.eq((String) null))
                .withMessage("Customer.name.eq(null): comparing with NULL is never true; use isNull() or isNotNull()");
    }

    @Test
    void anEmptyInListIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Customer_.id.in(List.of()))
                .withMessage("Customer.id.in() needs at least one value; an empty list would match no row, so leave"
                        + " the condition out");
    }

    @Test
    void aNullInsideAnInListIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Customer_.name.in("a", null))
                .withMessage("Customer.name.in(...) got a null element; NULL never matches IN, use isNull() for it");
    }

    @Test
    void aColumnOfAnEntityThatIsNotJoinedIsRejected() {
        assertThatThrownBy(() ->
                        db.from(Customer.class).where(Purchase_.total.isNull()).list())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Column Purchase.total belongs to Purchase, which is not in this query; join it, or compare"
                        + " it in a subquery");
    }

    @Test
    void negativeLimitAndOffsetAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.from(Customer.class).limit(-1))
                .withMessage("limit must be >= 0 but was -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.from(Customer.class).offset(-5))
                .withMessage("offset must be >= 0 but was -5");
    }

    @Test
    void anAmbiguousSelfJoinColumnIsRejected() {
        assertThatThrownBy(() -> db.from(Employee.class)
                        .join(Employee.class, Employee_.id.eq(Employee_.managerId))
                        .list())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Column Employee.id is ambiguous: Employee appears more than once in this query; use"
                        + " EntityAlias.get(column) to say which");
    }

    @Test
    void deleteWithALimitIsRejected() {
        assertThatThrownBy(() -> db.from(Customer.class).limit(5).delete())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageStartingWith("delete() uses only the query's where(...) condition and inner joins, but the"
                        + " query also has limit/offset");
    }

    @Test
    void skipLockedWithoutALockIsRejected() {
        assertThatThrownBy(() -> db.from(Job.class).skipLocked())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("skipLocked() needs a lock: call forUpdate() or forShare() first");
    }

    @Test
    void keysetWithoutTheIdLastIsRejected() {
        assertThatThrownBy(() ->
                        db.from(Customer.class).orderBy(Customer_.age.asc()).after(new Customer()))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("after(lastRow) needs an order that ends with the id (id) so that it is deterministic;"
                        + " add Customer_.id.asc() last");
    }

    @Test
    void aRawFragmentWithTheWrongNumberOfValuesIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Expressions.rawCondition("a > ? and b < ?", 1))
                .withMessage("raw(\"a > ? and b < ?\") has 2 placeholders but 1 values were given");
    }
}
