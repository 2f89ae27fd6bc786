package io.databridge.sample;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.Table;
import org.jspecify.annotations.Nullable;

/** A line of a {@link SalesOrder}: a quantity of a {@link Product}. Saved and deleted with its order. */
@Table(name = "order_lines")
public class OrderLine {

    @Id
    @GeneratedValue
    public @Nullable Long id;

    @ManyToOne
    @JoinColumn(name = "order_id")
    public @Nullable SalesOrder order;

    @ManyToOne
    @JoinColumn(name = "product_id")
    public @Nullable Product product;

    public int quantity;

    /** For data-bridge. */
    OrderLine() {}

    /**
     * A new line.
     *
     * @param product the product (only its id is written)
     * @param quantity how many
     */
    public OrderLine(Product product, int quantity) {
        this.product = product;
        this.quantity = quantity;
    }
}
