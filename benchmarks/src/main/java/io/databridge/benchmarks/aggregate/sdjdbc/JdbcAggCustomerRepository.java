package io.databridge.benchmarks.aggregate.sdjdbc;

import org.springframework.data.repository.ListCrudRepository;

/** The customer aggregate's repository (the orders' customers are loaded through it). */
public interface JdbcAggCustomerRepository extends ListCrudRepository<JdbcAggCustomer, Long> {}
