package io.databridge.sample;

import io.databridge.repository.Fetch;
import io.databridge.repository.PgRepository;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Sales orders, read as whole aggregates: each method's {@code @Fetch} loads the customer, the lines and their
 * products with one statement per relation, whatever the number of orders or lines (no N+1).
 */
public interface SalesOrderRepository extends PgRepository<SalesOrder, Long> {

    @Override
    @Fetch({"customer", "lines", "lines.product"})
    Optional<SalesOrder> findById(Long id);

    @Override
    @Fetch({"customer", "lines", "lines.product"})
    Page<SalesOrder> findAll(Pageable pageable);
}
