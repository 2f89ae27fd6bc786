package io.databridge.benchmarks.aggregate.sdjdbc;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The customer: an aggregate of its own, which an order refers to by id. */
@Table("agg_customer")
public class JdbcAggCustomer {
    @Id
    public @Nullable Long id;

    public @Nullable String name;
}
