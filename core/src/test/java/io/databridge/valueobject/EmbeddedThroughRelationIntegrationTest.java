package io.databridge.valueobject;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.repository.PgRepository;
import io.databridge.repository.PgRepositoryFactory;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.StatementRecorder;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Derived queries whose path goes through a relation into an {@code @Embedded} value of the related entity. */
@PostgresTest
class EmbeddedThroughRelationIntegrationTest {

    /** Orders by their customer's address. */
    public interface Orders extends PgRepository<CustomerOrder, Long> {
        List<CustomerOrder> findByCustomerAddressCityOrderByItem(String city);

        long countByCustomerAddressGeoLatGreaterThan(Double lat);
    }

    private final StatementRecorder recorded;
    private final DataBridge db;

    EmbeddedThroughRelationIntegrationTest(DataSource dataSource) {
        this.recorded = StatementRecorder.wrap(dataSource);
        this.db = DataBridge.builder(recorded).sanitizeErrors(false).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Customer.class, CustomerOrder.class);
    }

    @Test
    void aPathThroughAToOneIntoAnEmbeddedValue() {
        Customer ada = db.insert(new Customer(
                "Ada", new Address("Main St", "Berlin", new Geo(52.5, 13.4)), new Address("x", "Bonn", null)));
        Customer bob = db.insert(new Customer(
                "Bob", new Address("High St", "Paris", new Geo(48.9, 2.3)), new Address("y", "Berlin", null)));
        db.insert(new CustomerOrder("tea", ada));
        db.insert(new CustomerOrder("cake", bob));
        db.insert(new CustomerOrder("jam", ada));
        Orders orders = new PgRepositoryFactory(db).create(Orders.class);
        recorded.take();

        assertThat(orders.findByCustomerAddressCityOrderByItem("Berlin"))
                .extracting(o -> o.item)
                .containsExactly("jam", "tea");
        assertThat(recorded.take())
                .containsExactly("SELECT \"id\", \"item\", \"customer_id\" FROM \"customer_orders\" WHERE"
                        + " \"customer_id\" IN (SELECT \"customers\".\"id\" FROM \"customers\" WHERE"
                        + " \"customers\".\"address_town\" = ?) ORDER BY \"item\" ASC");
        assertThat(orders.countByCustomerAddressGeoLatGreaterThan(50.0)).isEqualTo(2);
    }
}
