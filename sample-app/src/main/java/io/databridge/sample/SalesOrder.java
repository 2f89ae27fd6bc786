package io.databridge.sample;

import io.databridge.mapping.CreatedAt;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.OrderBy;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sales order: an aggregate root that owns its {@link OrderLine}s (inserted, updated and deleted with it) and refers
 * to its {@link Customer}. Its version guards the whole aggregate.
 */
@Table(name = "sales_orders")
public class SalesOrder {

    @Id
    @GeneratedValue
    public @Nullable Long id;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    public @Nullable Customer customer;

    @CreatedAt
    public @Nullable Instant placedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "order")
    @OrderBy("id")
    public List<OrderLine> lines = new ArrayList<>();

    /** For data-bridge. */
    SalesOrder() {}

    /**
     * A new, unsaved order.
     *
     * @param customer the customer (only its id is written)
     */
    public SalesOrder(Customer customer) {
        this.customer = customer;
    }
}
