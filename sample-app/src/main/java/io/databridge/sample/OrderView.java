package io.databridge.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it: the aggregate flattened for JSON (the entities refer back to their order, which JSON
 * cannot show).
 *
 * @param id the order
 * @param version its version, to send back when changing it
 * @param customerId the customer
 * @param customerName the customer's name
 * @param placedAt when it was placed
 * @param lines its lines
 * @param total the sum of the lines' amounts
 */
public record OrderView(
        @Nullable Long id,
        long version,
        @Nullable Long customerId,
        @Nullable String customerName,
        @Nullable Instant placedAt,
        List<Line> lines,
        BigDecimal total) {

    /**
     * A line.
     *
     * @param id the line
     * @param productId the product
     * @param sku the product's SKU
     * @param name the product's name
     * @param price the unit price
     * @param quantity how many
     * @param amount price times quantity
     */
    public record Line(
            @Nullable Long id,
            @Nullable Long productId,
            String sku,
            String name,
            BigDecimal price,
            int quantity,
            BigDecimal amount) {}

    /**
     * Flattens an order whose customer, lines and products were fetched.
     *
     * @param order the order
     * @return the view
     */
    static OrderView of(SalesOrder order) {
        List<Line> lines = order.lines.stream()
                .map(line -> {
                    Product product = java.util.Objects.requireNonNull(line.product, "a line has a product");
                    return new Line(
                            line.id,
                            product.id(),
                            product.sku(),
                            product.name(),
                            product.price(),
                            line.quantity,
                            product.price().multiply(BigDecimal.valueOf(line.quantity)));
                })
                .toList();
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Customer customer = order.customer;
        return new OrderView(
                order.id,
                order.version,
                customer == null ? null : customer.id,
                customer == null ? null : customer.name,
                order.placedAt,
                lines,
                total);
    }
}
