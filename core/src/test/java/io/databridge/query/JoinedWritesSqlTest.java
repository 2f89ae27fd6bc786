package io.databridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Issue 12: {@code DELETE ... USING}, {@code UPDATE ... FROM} and {@code INSERT ... SELECT}, exact SQL. */
class JoinedWritesSqlTest {

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));

    @Test
    void deleteWithAJoinBecomesDeleteUsing() {
        DefaultSelectQuery<Purchase> query = (DefaultSelectQuery<Purchase>) db.from(Purchase.class)
                .join(Customer.class, Customer_.id.eq(Purchase_.customerId))
                .where(Customer_.active.isFalse());
        assertThat(Writes.renderDelete(query, false).sql())
                .isEqualTo("DELETE FROM \"purchases\" USING \"customers\" WHERE \"customers\".\"id\" ="
                        + " \"purchases\".\"customer_id\" AND \"customers\".\"active\" IS FALSE");
    }

    @Test
    void updateWithAJoinBecomesUpdateFromWithQualifiedVersion() {
        SqlStatement sql = db.from(Customer.class)
                .join(Purchase.class, Purchase_.customerId.eq(Customer_.id))
                .where(Purchase_.total.gt(new BigDecimal("100")))
                .set(Customer_.active, true)
                .toSql();
        assertThat(sql.sql())
                .isEqualTo("UPDATE \"customers\" SET \"active\" = ?, \"version\" = \"customers\".\"version\" + 1"
                        + " FROM \"purchases\" WHERE \"purchases\".\"customer_id\" = \"customers\".\"id\""
                        + " AND \"purchases\".\"total\" > ?");
    }

    @Test
    void insertIntoRendersInsertSelect() {
        AbstractResultQuery<Tuple> query = (AbstractResultQuery<Tuple>) db.from(Customer.class)
                .where(Customer_.active.isTrue())
                .selectTuple(Customer_.id, Customer_.name, Customer_.age);
        assertThat(InsertSelect.render(query, Employee.class, new Column<?, ?>[] {
                            Employee_.id, Employee_.name, Employee_.salary
                        })
                        .sql())
                .isEqualTo("INSERT INTO \"employee\" (\"id\", \"name\", \"salary\") SELECT \"id\", \"name\", \"age\""
                        + " FROM \"customers\" WHERE \"active\" IS TRUE");
        assertThatThrownBy(() -> db.from(Customer.class)
                        .select(Customer_.name)
                        .insertInto(Employee.class, Employee_.id, Employee_.name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("insertInto(Employee, ...) names 2 columns but the query selects 1; they must match, in"
                        + " order");
    }

    @Test
    void outerJoinsCannotBecomeWrites() {
        assertThatThrownBy(() -> db.from(Purchase.class)
                        .leftJoin(Customer.class, Customer_.id.eq(Purchase_.customerId))
                        .delete())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageStartingWith("delete() uses only the query's where(...) condition and inner joins, but the"
                        + " query also has a LEFT JOIN (only inner and cross joins become DELETE ... USING)");
    }
}
