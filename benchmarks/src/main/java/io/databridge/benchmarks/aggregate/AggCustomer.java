package io.databridge.benchmarks.aggregate;

import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

/** The to-one lookup of the aggregate scenarios. */
@Table(name = "agg_customer")
public class AggCustomer {
    @Id
    public Long id;

    public String name;
}
