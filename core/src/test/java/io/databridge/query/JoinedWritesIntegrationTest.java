package io.databridge.query;

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

/** Issue 12: {@code DELETE ... USING}, {@code UPDATE ... FROM} and {@code INSERT ... SELECT} on PostgreSQL. */
@PostgresTest
class JoinedWritesIntegrationTest {

    private final DataBridge db;
    private Customer ada;
    private Customer bob;

    JoinedWritesIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
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
        db.insert(Purchase.of(ada.id, "120.50", List.of("book"), Map.of()));
        db.insert(Purchase.of(bob.id, "30.00", List.of("book"), Map.of()));
        db.insert(Purchase.of(bob.id, "5.00", List.of("food"), Map.of()));
    }

    @Test
    void deleteUsingRemovesThePurchasesOfInactiveCustomers() {
        long deleted = db.from(Purchase.class)
                .join(Customer.class, Customer_.id.eq(Purchase_.customerId))
                .where(Customer_.active.isFalse())
                .delete();

        assertThat(deleted).isEqualTo(2);
        assertThat(db.from(Purchase.class).select(Purchase_.customerId).list()).containsExactly(ada.id);
        List<Purchase> returned = db.from(Purchase.class)
                .join(Customer.class, Customer_.id.eq(Purchase_.customerId))
                .where(Customer_.tier.eq(Tier.GOLD))
                .deleteReturning();
        assertThat(returned).extracting(Purchase::total).containsExactly(new BigDecimal("120.50"));
    }

    @Test
    void updateFromSetsCustomersWithABigPurchaseAndBumpsTheirVersion() {
        List<Customer> updated = db.from(Customer.class)
                .join(Purchase.class, Purchase_.customerId.eq(Customer_.id))
                .where(Purchase_.total.gt(new BigDecimal("20")))
                .set(Customer_.name, Customer_.name.concat("!"))
                .updateReturning();

        assertThat(updated).extracting(c -> c.name).containsExactlyInAnyOrder("Ada!", "Bob!");
        assertThat(updated).allMatch(c -> c.version == 1);
    }

    @Test
    void insertIntoCopiesSelectedRowsInOneStatement() {
        long inserted = db.from(Customer.class)
                .where(Customer_.age.isNotNull())
                .selectTuple(Customer_.id, Customer_.name, Customer_.age)
                .insertInto(Employee.class, Employee_.id, Employee_.name, Employee_.salary);

        assertThat(inserted).isEqualTo(2);
        assertThat(db.from(Employee.class).orderBy(Employee_.id.asc()).list())
                .containsExactly(new Employee(ada.id, "Ada", null, 36), new Employee(bob.id, "Bob", null, 17));
    }
}
