package io.databridge.sample;

import io.databridge.repository.Param;
import io.databridge.repository.PgRepository;
import io.databridge.repository.Query;
import java.util.List;

/** Orders: CRUD, and queries by customer. */
public interface PurchaseOrderRepository extends PgRepository<PurchaseOrder, Long> {

    @Query("SELECT * FROM orders WHERE customer_id = :customerId ORDER BY id")
    List<PurchaseOrder> forCustomer(@Param("customerId") long customerId);

    @Query("SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id ORDER BY customer_id")
    List<CustomerTotal> totals();
}
