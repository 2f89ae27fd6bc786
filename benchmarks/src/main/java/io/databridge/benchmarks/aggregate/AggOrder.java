package io.databridge.benchmarks.aggregate;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.Table;
import java.util.ArrayList;
import java.util.List;

/** The root of the aggregate scenarios: a to-one customer and ten lines. */
@Table(name = "agg_order")
public class AggOrder {
    @Id
    @GeneratedValue
    public Long id;

    public String note;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    public AggCustomer customer;

    @OneToMany(mappedBy = "order")
    public List<AggLine> lines = new ArrayList<>();
}
