package io.databridge.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order aggregate's use cases. Each reads and writes a whole {@link SalesOrder} in a fixed number of statements,
 * whatever the number of lines: reads fetch the customer, the lines and their products with one statement each;
 * writes insert, update and delete only the lines that changed, in bulk.
 */
@Service
public class OrderService {

    private final SalesOrderRepository orders;
    private final CustomerRepository customers;
    private final ProductRepository products;

    OrderService(SalesOrderRepository orders, CustomerRepository customers, ProductRepository products) {
        this.orders = orders;
        this.customers = customers;
        this.products = products;
    }

    /** A line as a client sends it: no id for a new line, the id of an existing one to keep or change it. */
    record LineRequest(@Nullable Long id, long productId, int quantity) {}

    /**
     * An order, with its customer, lines and products.
     *
     * @param id the order
     * @return the order, or empty
     */
    @Transactional(readOnly = true)
    public Optional<OrderView> find(long id) {
        return orders.findById(id).map(OrderView::of);
    }

    /**
     * A page of orders, each with its customer, lines and products.
     *
     * @param pageable the page
     * @return the page
     */
    @Transactional(readOnly = true)
    public Page<OrderView> page(Pageable pageable) {
        return orders.findAll(pageable).map(OrderView::of);
    }

    /**
     * Places an order: the customer and the products are read (one statement each), the order and its lines inserted
     * (one statement each).
     *
     * @param customerId the customer
     * @param lines the lines, without ids
     * @return the stored order
     * @throws InvalidOrderException when the customer or a product does not exist, or a quantity is not positive
     */
    @Transactional
    public OrderView place(long customerId, List<LineRequest> lines) {
        Customer customer = customers
                .findById(customerId)
                .orElseThrow(() -> new InvalidOrderException("There is no customer " + customerId));
        Map<Long, Product> catalogue = products(lines, Map.of());
        SalesOrder order = new SalesOrder(customer);
        for (LineRequest line : lines) {
            if (line.id() != null) {
                throw new InvalidOrderException("A new order's lines have no id yet");
            }
            order.lines.add(new OrderLine(product(catalogue, line), quantity(line)));
        }
        SalesOrder saved = orders.insert(order);
        // The returned order refers to its customer by id only; the view shows the customer read above.
        saved.customer = customer;
        return OrderView.of(saved);
    }

    /**
     * Replaces an order's lines: lines with an id are kept (and updated when their product or quantity changed),
     * lines without an id are added, and lines left out are removed. Reads the order as a whole (4 statements) and
     * the products it did not have yet (1), then writes the order and only what changed.
     *
     * @param id the order
     * @param version the version the client read, for optimistic locking
     * @param lines the order's lines from now on
     * @return the stored order, or empty when there is no such order
     * @throws InvalidOrderException when a line id is not one of the order's, a product does not exist, or a quantity
     *     is not positive
     * @throws org.springframework.dao.OptimisticLockingFailureException when the order changed since {@code version}
     */
    @Transactional
    public Optional<OrderView> replaceLines(long id, long version, List<LineRequest> lines) {
        Optional<SalesOrder> found = orders.findById(id);
        if (found.isEmpty()) {
            return found.map(OrderView::of);
        }
        SalesOrder order = found.get();
        Map<Long, OrderLine> current = new HashMap<>();
        Map<Long, Product> known = new HashMap<>();
        for (OrderLine line : order.lines) {
            current.put(line.id, line);
            if (line.product != null) {
                known.put(line.product.id(), line.product);
            }
        }
        Map<Long, Product> catalogue = products(lines, known);
        List<OrderLine> next = new ArrayList<>();
        for (LineRequest request : lines) {
            OrderLine line = request.id() == null ? new OrderLine() : current.get(request.id());
            if (line == null) {
                throw new InvalidOrderException("Order " + id + " has no line " + request.id());
            }
            line.product = product(catalogue, request);
            line.quantity = quantity(request);
            next.add(line);
        }
        order.lines.clear();
        order.lines.addAll(next);
        order.version = version;
        order.version = orders.update(order).version;
        // Saving leaves the lines' products as references (ids only): show the products read above.
        for (OrderLine line : order.lines) {
            line.product = line.product == null ? null : catalogue.get(line.product.id());
        }
        return Optional.of(OrderView.of(order));
    }

    /**
     * Deletes an order and its lines.
     *
     * @param id the order
     * @return whether it existed
     */
    @Transactional
    public boolean delete(long id) {
        return orders.deleteById(id);
    }

    /** The products the lines name, read in one statement: those not already {@code known}. */
    private Map<Long, Product> products(List<LineRequest> lines, Map<Long, Product> known) {
        Map<Long, Product> catalogue = new HashMap<>(known);
        Set<Long> missing = new HashSet<>();
        for (LineRequest line : lines) {
            if (!catalogue.containsKey(line.productId())) {
                missing.add(line.productId());
            }
        }
        if (!missing.isEmpty()) {
            for (Product product : products.findAllById(missing)) {
                catalogue.put(product.id(), product);
            }
        }
        return catalogue;
    }

    private static Product product(Map<Long, Product> catalogue, LineRequest line) {
        Product product = catalogue.get(line.productId());
        if (product == null) {
            throw new InvalidOrderException("There is no product " + line.productId());
        }
        return product;
    }

    private static int quantity(LineRequest line) {
        if (line.quantity() < 1) {
            throw new InvalidOrderException("A line's quantity must be at least 1");
        }
        return line.quantity();
    }
}
