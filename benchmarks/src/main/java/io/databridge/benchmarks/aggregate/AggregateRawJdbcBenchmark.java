package io.databridge.benchmarks.aggregate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The minimal hand-written pgjdbc: select-in statements for the loads (roots, customers, lines), and for the save an
 * insert of the root, one batch of the lines with their ids, and one update each of the root and the changed line.
 */
public class AggregateRawJdbcBenchmark extends AggregateBase {

    @Override
    protected void init() {}

    @Override
    protected List<AggOrder> load() throws SQLException {
        return s17_aggregateLoad100();
    }

    @Override
    protected AggPage page() throws SQLException {
        return s18_aggregatePage20();
    }

    @Benchmark
    public List<AggOrder> s17_aggregateLoad100() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<AggOrder> orders = new ArrayList<>(ROOTS);
            Set<Long> customerIds = new LinkedHashSet<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, note, customer_id FROM agg_order WHERE id <= ? ORDER BY id")) {
                statement.setLong(1, ROOTS);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        AggOrder order = new AggOrder();
                        order.id = rows.getLong(1);
                        order.note = rows.getString(2);
                        long customerId = rows.getLong(3);
                        if (!rows.wasNull()) {
                            order.customer = new AggCustomer();
                            order.customer.id = customerId;
                            customerIds.add(customerId);
                        }
                        orders.add(order);
                    }
                }
            }
            Map<Long, AggCustomer> customers = new HashMap<>();
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT id, name FROM agg_customer WHERE id = ANY(?)")) {
                statement.setArray(1, connection.createArrayOf("int8", customerIds.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        AggCustomer customer = new AggCustomer();
                        customer.id = rows.getLong(1);
                        customer.name = rows.getString(2);
                        customers.put(customer.id, customer);
                    }
                }
            }
            for (AggOrder order : orders) {
                order.customer = customers.get(order.customer.id);
            }
            lines(connection, orders);
            return orders;
        }
    }

    @Benchmark
    public AggPage s18_aggregatePage20() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<AggOrder> orders = new ArrayList<>(PAGE);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, note, customer_id FROM agg_order ORDER BY id LIMIT ? OFFSET ?")) {
                statement.setInt(1, PAGE);
                statement.setLong(2, PAGE_OFFSET);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        AggOrder order = new AggOrder();
                        order.id = rows.getLong(1);
                        order.note = rows.getString(2);
                        order.customer = new AggCustomer();
                        order.customer.id = rows.getLong(3);
                        orders.add(order);
                    }
                }
            }
            long total;
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM agg_order");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            lines(connection, orders);
            return new AggPage(orders, total);
        }
    }

    private static void lines(Connection connection, List<AggOrder> orders) throws SQLException {
        Map<Long, AggOrder> byId = new HashMap<>();
        Long[] orderIds = new Long[orders.size()];
        for (int i = 0; i < orderIds.length; i++) {
            AggOrder order = orders.get(i);
            order.lines = new ArrayList<>(CHILDREN);
            byId.put(order.id, order);
            orderIds[i] = order.id;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, product, quantity, order_id FROM agg_line WHERE order_id = ANY(?) ORDER BY id")) {
            Array ids = connection.createArrayOf("int8", orderIds);
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    AggLine line = new AggLine();
                    line.id = rows.getLong(1);
                    line.product = rows.getString(2);
                    line.quantity = rows.getInt(3);
                    AggOrder order = byId.get(rows.getLong(4));
                    line.order = order;
                    order.lines.add(line);
                }
            }
        }
    }

    @Benchmark
    public AggOrder s19_aggregateSave(Saved saved) throws SQLException {
        return saved.keep(this, save());
    }

    @Override
    protected AggOrder save() throws SQLException {
        AggOrder order = newOrder();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO agg_order (note, customer_id) VALUES (?, ?) RETURNING id")) {
                statement.setString(1, order.note);
                statement.setLong(2, order.customer.id);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    order.id = rows.getLong(1);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO agg_line (product, quantity, order_id) VALUES (?, ?, ?)", new String[] {"id"})) {
                for (AggLine line : order.lines) {
                    statement.setString(1, line.product);
                    statement.setInt(2, line.quantity);
                    statement.setLong(3, order.id);
                    statement.addBatch();
                }
                statement.executeBatch();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    for (AggLine line : order.lines) {
                        keys.next();
                        line.id = keys.getLong(1);
                    }
                }
            }
            connection.commit();
            AggLine changed = order.lines.get(3);
            changed.quantity = 99;
            try (PreparedStatement statement =
                    connection.prepareStatement("UPDATE agg_order SET note = ?, customer_id = ? WHERE id = ?")) {
                statement.setString(1, order.note);
                statement.setLong(2, order.customer.id);
                statement.setLong(3, order.id);
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE agg_line SET product = ?, quantity = ?, order_id = ? WHERE id = ?")) {
                statement.setString(1, changed.product);
                statement.setInt(2, changed.quantity);
                statement.setLong(3, order.id);
                statement.setLong(4, changed.id);
                statement.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
        return order;
    }
}
