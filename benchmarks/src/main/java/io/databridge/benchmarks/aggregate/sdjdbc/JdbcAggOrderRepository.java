package io.databridge.benchmarks.aggregate.sdjdbc;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/** The order aggregate's repository. */
public interface JdbcAggOrderRepository
        extends ListCrudRepository<JdbcAggOrder, Long>, ListPagingAndSortingRepository<JdbcAggOrder, Long> {}
