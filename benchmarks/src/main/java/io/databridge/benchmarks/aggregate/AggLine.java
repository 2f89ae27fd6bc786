package io.databridge.benchmarks.aggregate;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.Table;

/** A child of {@link AggOrder}. */
@Table(name = "agg_line")
public class AggLine {
    @Id
    @GeneratedValue
    public Long id;

    public String product;
    public int quantity;

    @ManyToOne
    @JoinColumn(name = "order_id")
    public AggOrder order;
}
