package io.databridge.benchmarks.aggregate.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

/** References to customers ({@code getReferenceById}) for new orders. */
public interface JpaAggCustomerRepository extends JpaRepository<JpaAggCustomer, Long> {}
